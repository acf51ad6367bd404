import { ActionSpec } from './spec';

/** The flow language rules of the logic actions (see src/flows/actions/logic.ts). */
export const LOGIC_SPECS: Record<string, ActionSpec> = {
};
