/**
 * Simulation of the contact actions (src/flows/actions/contact.ts): attributes and the contact's settings.
 */
import { ActionHandler } from '../engine';

/** UpdateContactAttributes: sets user-defined attributes (`$.Attributes`), references resolved. */
const updateContactAttributes: ActionHandler = (contact, action) => {
  for (const [key, value] of Object.entries(action.Parameters.Attributes ?? {})) {
    contact.attributes.set(key, contact.resolve(value));
  }
  return { kind: 'next' };
};

/** UpdateFlowAttributes: sets flow attributes (`$.FlowAttributes`), references resolved. */
const updateFlowAttributes: ActionHandler = (contact, action) => {
  for (const [key, value] of Object.entries(action.Parameters.FlowAttributes ?? {})) {
    contact.flowAttributes.set(key, contact.resolve((value as any)?.Value ?? value));
  }
  return { kind: 'next' };
};

/**
 * Settings that change how Amazon Connect handles the contact but not where the flow goes (recording, event hooks,
 * voice, logging, routing priority and criteria): the simulator records nothing and continues.
 */
const setting: ActionHandler = () => ({ kind: 'next' });

export const CONTACT_ACTIONS: ReadonlyArray<[string, ActionHandler]> = [
  ['UpdateContactAttributes', updateContactAttributes],
  ['UpdateFlowAttributes', updateFlowAttributes],
  ['UpdateContactRecordingBehavior', setting],
  ['UpdateContactEventHooks', setting],
  ['UpdateContactTextToSpeechVoice', setting],
  ['UpdateFlowLoggingBehavior', setting],
  ['UpdateContactRoutingBehavior', setting],
  ['UpdateRoutingCriteria', setting],
];
