import { TranscriptItem } from './result';
import { ChatScriptStep, ChatScriptStepKind } from './script';

/** What the checks of a script see: from a simulation, or from a live run. Not part of the public API. */
export interface Observed {
  readonly transcript: readonly TranscriptItem[];
  /** The contact's data, or undefined when it cannot be read (live: only user-defined attributes). */
  readonly attributes?: { [key: string]: string };
  /** Where the contact ended, or undefined when it cannot be observed. */
  readonly end?: { type: string; target?: string; reason?: string; observed?: readonly string[] };
  /** Where the flow went another way before a transcript item (or at the end). */
  readonly divergence?: (item: number | undefined) => string | undefined;
  /** Steps that could not be observed live, with why. */
  readonly unobservable?: (step: ChatScriptStep) => string | undefined;
  /** A step the live runner could not complete. */
  readonly failedStep?: number;
  readonly error?: string;
}

/** The outcome of checking a script. Not part of the public API. */
export interface CheckOutcome {
  readonly failedStep?: number;
  readonly message?: string;
  readonly notes: string[];
}

function describeItem(item: TranscriptItem): string {
  return `${item.participantRole.padEnd(8)} ${item.content ?? item.contentType}`;
}

/** Checks the steps of a script against what a contact did. Not part of the public API. */
export function checkSteps(steps: readonly ChatScriptStep[], observed: Observed): CheckOutcome {
  const messages = observed.transcript.map((item, index) => ({ item, index })).filter(entry => entry.item.type === 'MESSAGE');
  const notes: string[] = [];
  let cursor = 0;
  const soFar = (all: boolean) => {
    const shown = messages.slice(0, all ? messages.length : cursor).map(entry => `    ${describeItem(entry.item)}`);
    return shown.length > 0 ? shown.join('\n') : '    (nothing)';
  };
  const failure = (index: number, problem: string, item?: number, all: boolean = false): CheckOutcome => {
    const where = observed.divergence?.(item);
    const lines = [
      `step ${index + 1} of ${steps.length} failed: ${steps[index].toString()}`,
      `  ${problem}`,
      '  transcript so far:',
      soFar(all),
    ];
    if (where !== undefined) {
      lines.push(`  the flow went another way at ${where}`);
    }
    if (observed.end?.reason !== undefined) {
      lines.push(`  the contact ended with an error: ${observed.end.reason}`);
    }
    return { failedStep: index, message: lines.join('\n'), notes };
  };

  for (let index = 0; index < steps.length; index++) {
    if (observed.failedStep === index) {
      return failure(index, observed.error ?? 'the live runner could not complete the step', messages[cursor]?.index);
    }
    const step = steps[index];
    const data = step._data;
    const unobservable = observed.unobservable?.(step);
    if (unobservable !== undefined) {
      notes.push(`step ${index + 1} (${step.toString()}) not checked: ${unobservable}`);
      continue;
    }
    const next = messages[cursor];
    switch (step.kind) {
      case ChatScriptStepKind.CUSTOMER_SENDS:
        if (next === undefined || next.item.participantRole !== 'CUSTOMER') {
          return failure(index, next === undefined
            ? 'the flow did not wait for the customer\'s message: the contact ended before it'
            : `the flow said ${JSON.stringify(next.item.content)} before it took the customer's message`, next?.index);
        }
        cursor++;
        break;
      case ChatScriptStepKind.CUSTOMER_SILENT:
        break;
      case ChatScriptStepKind.EXPECT_MESSAGE:
      case ChatScriptStepKind.EXPECT_MESSAGE_MATCHING: {
        if (next === undefined || next.item.participantRole === 'CUSTOMER') {
          return failure(index, next === undefined ? 'the flow sent no more messages' : `the next message is the customer's ${JSON.stringify(next.item.content)}`, next?.index);
        }
        const text = next.item.content ?? '';
        const ok = step.kind === ChatScriptStepKind.EXPECT_MESSAGE ? text === data.expect : new RegExp(data.expectMatching!).test(text);
        if (!ok) {
          return failure(index, `got ${JSON.stringify(text)}`, next.index);
        }
        cursor++;
        break;
      }
      case ChatScriptStepKind.EXPECT_ATTRIBUTES: {
        const attributes = observed.attributes ?? {};
        const wrong = Object.entries(data.expectAttributes!).filter(([key, value]) => attributes[key] !== value);
        if (wrong.length > 0) {
          return failure(index, wrong.map(([key, value]) => `${key} is ${attributes[key] === undefined ? 'not set' : JSON.stringify(attributes[key])}, expected ${JSON.stringify(value)}`).join('; '), undefined, true);
        }
        break;
      }
      case ChatScriptStepKind.EXPECT_END: {
        const expected = typeof data.expectEnd === 'string' ? { type: data.expectEnd, target: undefined } : data.expectEnd!;
        const end = observed.end;
        if (end === undefined || end.type !== expected.type || (expected.target !== undefined && end.target !== expected.target)) {
          const got = end === undefined ? 'an end that could not be observed' : `${end.type}${end.target === undefined ? '' : ` (${end.target})`}`;
          return failure(index, `the contact ended ${got}`, undefined, true);
        }
        break;
      }
    }
  }
  return { notes };
}

