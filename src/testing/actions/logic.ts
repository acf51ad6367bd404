/**
 * Simulation of the logic actions (src/flows/actions/logic.ts): comparisons, percentages, loops, waits and Lambda
 * functions.
 */
import { ActionHandler } from '../engine';

/** Compare: branches on its `ComparisonValue`, references resolved. */
const compare: ActionHandler = (contact, action) => ({ kind: 'value', value: contact.resolve(action.Parameters.ComparisonValue) });

/**
 * DistributeByPercentage: draws a number from 1 to 100 (seeded by the environment's `seed`) and branches on it: the
 * conditions are `NumberLessThan` thresholds (1 plus the running total), the rest `NoMatchingCondition`.
 */
const distributeByPercentage: ActionHandler = contact => ({ kind: 'value', value: String(1 + Math.floor(contact.random() * 100)) });

/**
 * Loop: `ContinueLooping` until it has looped `LoopCount` times, then `DoneLooping` (and its count starts again, so
 * reaching the loop again later loops again). The count is kept per action.
 */
const loop: ActionHandler = (contact, action) => {
  const key = `${contact.flow.key}/${action.Identifier}`;
  const count = Number(contact.resolve(action.Parameters.LoopCount ?? '0'));
  const done = contact.loops.get(key) ?? 0;
  if (done < count) {
    contact.loops.set(key, done + 1);
    contact.system.set('LoopCounter', String(done + 1));
    return { kind: 'value', value: 'ContinueLooping' };
  }
  contact.loops.delete(key);
  return { kind: 'value', value: 'DoneLooping' };
};

/**
 * Wait: the time runs out (`WaitCompleted`) and the simulated clock moves on by the time limit. Chosen: no simulated
 * event ends a wait early (the customer's messages go to the next input action).
 */
const wait: ActionHandler = (contact, action) => {
  contact.advance(Number(contact.resolve(action.Parameters.TimeLimitSeconds ?? action.Parameters.TimeoutSeconds ?? '0')) || 0);
  return { kind: 'value', value: 'WaitCompleted' };
};

/**
 * InvokeLambdaFunction: the function's answer is the environment's `lambdaResults` entry for it. Success sets
 * `$.External` to its attributes and continues; an error or a timeout takes the error branch. An asynchronous
 * invocation (`InvocationType` `ASYNC`) continues without `$.External`. A function without a result is an error of
 * the simulation, naming it.
 */
const invokeLambdaFunction: ActionHandler = (contact, action) => {
  const result = contact.lambdaResult(action.Parameters.LambdaFunctionARN);
  if (result.error || result.timeout) {
    if (result.timeout) {
      contact.advance(Number(action.Parameters.InvocationTimeLimitSeconds ?? 3));
    }
    return { kind: 'error', errorType: 'NoMatchingError' };
  }
  if (action.Parameters.InvocationType !== 'ASYNC') {
    contact.external = new Map(Object.entries(result.attributes ?? {}));
  }
  return { kind: 'next' };
};

export const LOGIC_ACTIONS: ReadonlyArray<[string, ActionHandler]> = [
  ['Compare', compare],
  ['DistributeByPercentage', distributeByPercentage],
  ['Loop', loop],
  ['Wait', wait],
  ['InvokeLambdaFunction', invokeLambdaFunction],
];
