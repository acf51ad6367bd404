import { CONTACT_SPECS } from './contact';
import { LOGIC_SPECS } from './logic';
import { PARTICIPANT_SPECS } from './participant';
import { ROUTING_SPECS } from './routing';
import { ActionSpec } from './rules';

/** The rules of every action type this library knows, by flow language type. */
export const ACTION_SPECS: ReadonlyMap<string, ActionSpec> = new Map(Object.entries({
  ...PARTICIPANT_SPECS,
  ...ROUTING_SPECS,
  ...LOGIC_SPECS,
  ...CONTACT_SPECS,
}));
