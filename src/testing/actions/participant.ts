/**
 * Simulation of the participant actions (src/flows/actions/participant.ts): messages, input, Lex, views and
 * authentication.
 */
import { ActionHandler, Outcome, SILENCE, SimContact, SimulationError } from '../engine';
import { AuthenticationOutcome, SimulatedChannel } from '../environment';
import { SimAction } from '../model';
import { SimulationEndType } from '../result';

/**
 * Plays a message: text and SSML are written into the transcript (SSML with its tags removed); an audio prompt or
 * media plays on voice only, and on chat is an error (`NoMatchingError`), as Amazon Connect does with prompts on chat.
 */
function play(contact: SimContact, message: Record<string, any>): boolean {
  if (message.Text !== undefined) {
    contact.say(contact.resolve(message.Text));
    return true;
  }
  if (message.SSML !== undefined) {
    contact.say(contact.resolve(message.SSML).replace(/<[^>]*>/g, '').trim());
    return true;
  }
  if (message.PromptId !== undefined || message.Media !== undefined) {
    return contact.channel === SimulatedChannel.VOICE;
  }
  return true;
}

/**
 * Plays an input action's prompt and takes the customer's next input. Returns the input, or the outcome when there is
 * none to take: the prompt cannot play (`NoMatchingError`), no input is left (the contact waits), or the customer
 * stays silent (`InputTimeLimitExceeded`, after `silenceSeconds` of simulated time).
 */
function promptedInput(contact: SimContact, action: SimAction, silenceSeconds: number): string | Outcome {
  if (!play(contact, action.Parameters)) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  const input = contact.nextInput();
  if (input === undefined) {
    return { kind: 'wait' };
  }
  if (input === SILENCE) {
    contact.advance(silenceSeconds);
    return { kind: 'error', errorType: 'InputTimeLimitExceeded' };
  }
  return input;
}

/** MessageParticipant: plays its message, then continues. */
const messageParticipant: ActionHandler = (contact, action) =>
  play(contact, action.Parameters) ? { kind: 'next' } : { kind: 'error', errorType: 'NoMatchingError' };

/**
 * MessageParticipantIteratively (customer queue flows): plays its messages once each, then the contact waits in the
 * queue (end `ENDED`: the simulator does not model the wait for an agent). Chosen: Amazon Connect loops until an
 * agent answers; one round shows every message.
 */
const messageParticipantIteratively: ActionHandler = (contact, action) => {
  for (const message of action.Parameters.Messages ?? []) {
    if (!play(contact, message)) {
      return { kind: 'error', errorType: 'NoMatchingError' };
    }
  }
  return { kind: 'end', type: SimulationEndType.ENDED };
};

/**
 * GetParticipantInput: plays its prompt, then takes the customer's next input (a chat message, or DTMF digits on
 * voice). With `StoreInput` the input goes to `$.StoredCustomerInput` and the action continues with its next action;
 * otherwise it branches on the input (`NoMatchingCondition` when none matches). A silent customer is
 * `InputTimeLimitExceeded`; no input left leaves the contact waiting.
 */
const getParticipantInput: ActionHandler = (contact, action) => {
  const input = promptedInput(contact, action, Number(action.Parameters.InputTimeLimitSeconds ?? 5));
  if (typeof input !== 'string') {
    return input;
  }
  if (action.Parameters.StoreInput === 'True') {
    const maximum = Number(action.Parameters.InputValidation?.CustomValidation?.MaximumLength ?? Infinity);
    if (input.length > maximum) {
      return { kind: 'error', errorType: 'InvalidPhoneNumber' };
    }
    contact.system.set('StoredCustomerInput', input);
    return { kind: 'next' };
  }
  return { kind: 'value', value: input };
};

/**
 * ConnectParticipantWithLexBot: plays its prompt, takes the customer's next input and gives it to the bot, whose
 * answer the environment gives (`lexResults`): the intent (`$.Lex.IntentName`, the branch), slots and session
 * attributes. An input the environment gives no Lex result for is an error of the simulation.
 */
const connectParticipantWithLexBot: ActionHandler = (contact, action) => {
  const input = promptedInput(contact, action, 0);
  if (typeof input !== 'string') {
    return input;
  }
  const result = contact.lexResult(input);
  if (result === undefined) {
    throw new SimulationError(`action '${action.Identifier}' (ConnectParticipantWithLexBot) gives the bot '${input}', but the environment gives no Lex result for it (lexResults)`);
  }
  const lex = new Map<string, string>([['IntentName', result.intent]]);
  for (const [key, value] of Object.entries(result.slots ?? {})) {
    lex.set(`Slots.${key}`, value);
  }
  for (const [key, value] of Object.entries(result.sessionAttributes ?? {})) {
    lex.set(`SessionAttributes.${key}`, value);
  }
  contact.lex = lex;
  return { kind: 'value', value: result.intent };
};

/**
 * ShowView: the customer's next action on the view (`viewResults`) is the branch; its data goes to
 * `$.Views.ViewResultData`. Without a view result the simulation fails naming the action.
 */
const showView: ActionHandler = (contact, action) => {
  const result = contact.nextViewResult();
  if (result === undefined) {
    throw new SimulationError(`action '${action.Identifier}' (ShowView) shows a view, but the environment gives no view result for it (viewResults)`);
  }
  contact.views.clear();
  contact.views.set('Action', result.action);
  for (const [key, value] of Object.entries(result.data ?? {})) {
    contact.views.set(`ViewResultData.${key}`, value);
  }
  return { kind: 'value', value: result.action };
};

/**
 * AuthenticateParticipant (chat only): the outcome the environment gives. Success continues with the next action;
 * opting out is the `OptedOut` branch; a timeout is `TimeLimitExceeded`; a failure `NoMatchingError`. On voice it is
 * an error (`NoMatchingError`). Chosen: the customer's sign-in is written into the transcript as no message.
 */
const authenticateParticipant: ActionHandler = (contact, action: SimAction) => {
  if (contact.channel !== SimulatedChannel.CHAT) {
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  switch (contact.authentication(action)) {
    case AuthenticationOutcome.SUCCESS:
      contact.system.set('Customer.AuthenticationStatus', 'AUTHENTICATED');
      return { kind: 'next' };
    case AuthenticationOutcome.OPTED_OUT:
      contact.system.set('Customer.AuthenticationStatus', 'OPTED_OUT');
      return { kind: 'value', value: 'OptedOut' };
    case AuthenticationOutcome.TIMEOUT:
      contact.advance(60 * Number(action.Parameters.TimeLimitMinutes ?? 3));
      return { kind: 'error', errorType: 'TimeLimitExceeded' };
    default:
      contact.system.set('Customer.AuthenticationStatus', 'FAILED');
      return { kind: 'error', errorType: 'NoMatchingError' };
  }
};

/** DisconnectParticipant: ends the contact (the chat ends: an `chat.ended` event). */
const disconnectParticipant: ActionHandler = contact => {
  if (contact.channel === SimulatedChannel.CHAT) {
    contact.event('application/vnd.amazonaws.connect.event.chat.ended', 'SYSTEM', 'SYSTEM_MESSAGE');
  }
  return { kind: 'end', type: SimulationEndType.DISCONNECTED };
};

export const PARTICIPANT_ACTIONS: ReadonlyArray<[string, ActionHandler]> = [
  ['MessageParticipant', messageParticipant],
  ['MessageParticipantIteratively', messageParticipantIteratively],
  ['GetParticipantInput', getParticipantInput],
  ['ConnectParticipantWithLexBot', connectParticipantWithLexBot],
  ['ShowView', showView],
  ['AuthenticateParticipant', authenticateParticipant],
  ['DisconnectParticipant', disconnectParticipant],
];
