import { CONTACT_ACTIONS } from './contact';
import { LOGIC_ACTIONS } from './logic';
import { PARTICIPANT_ACTIONS } from './participant';
import { ROUTING_ACTIONS } from './routing';
import { HandlerTable } from '../engine';

/** Every action type the simulator runs: every type of the typed builder. */
export const ACTION_HANDLERS: HandlerTable = new Map([...PARTICIPANT_ACTIONS, ...LOGIC_ACTIONS, ...ROUTING_ACTIONS, ...CONTACT_ACTIONS]);
