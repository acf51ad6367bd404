import { ActionSpec } from './spec';

/** The flow language rules of the contact actions (see src/flows/actions/contact.ts). */
export const CONTACT_SPECS: Record<string, ActionSpec> = {
};
