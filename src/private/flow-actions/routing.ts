import { ActionSpec } from './spec';

/** The flow language rules of the routing actions (see src/flows/actions/routing.ts). */
export const ROUTING_SPECS: Record<string, ActionSpec> = {
};
