import { ActionSpec } from './spec';

/** The flow language rules of the participant actions (see src/flows/actions/participant.ts). */
export const PARTICIPANT_SPECS: Record<string, ActionSpec> = {
};
