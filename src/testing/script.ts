import * as fs from 'fs';
import * as path from 'path';
import { checkSteps, CheckOutcome } from './check';
import { SILENCE, SimulationError } from './engine';
import { AuthenticationOutcome, SimulatedChannel, SimulationEnvironment } from './environment';
import { StepData } from './live-types';
import { SimulatedStep, SimulationEndType, SimulationResult, TranscriptItem } from './result';
import { flowTestingRuntime } from './runtime';
import { SimulatedContactCenter } from './simulator';

/** What a step of a chat script does. */
export enum ChatScriptStepKind {
  /** The customer sends a message (or DTMF digits on voice). */
  CUSTOMER_SENDS = 'CUSTOMER_SENDS',
  /** The customer stays silent: the input action the flow is in times out. */
  CUSTOMER_SILENT = 'CUSTOMER_SILENT',
  /** The flow's next message is a text. */
  EXPECT_MESSAGE = 'EXPECT_MESSAGE',
  /** The flow's next message matches a regular expression. */
  EXPECT_MESSAGE_MATCHING = 'EXPECT_MESSAGE_MATCHING',
  /** The contact has attributes. */
  EXPECT_ATTRIBUTES = 'EXPECT_ATTRIBUTES',
  /** The contact ends somewhere. */
  EXPECT_END = 'EXPECT_END',
}

/** A step of a chat script. */
export class ChatScriptStep {
  /** The customer sends a chat message (on VOICE: DTMF digits, as text). */
  public static customerSends(text: string): ChatScriptStep {
    return new ChatScriptStep({ send: text });
  }

  /** The customer stays silent: the flow's input action takes its timeout branch. */
  public static customerSilent(): ChatScriptStep {
    return new ChatScriptStep({ silence: true });
  }

  /** The flow's next message (after the previous step) is exactly this text. */
  public static expectMessage(text: string): ChatScriptStep {
    return new ChatScriptStep({ expect: text });
  }

  /** The flow's next message matches a regular expression (JavaScript syntax, unanchored). */
  public static expectMessageMatching(pattern: string): ChatScriptStep {
    return ChatScriptStep._fromData({ expectMatching: pattern }, 'chat script step');
  }

  /**
   * The contact has these attributes (checked at the end of the contact): user-defined attributes by name, other
   * data by reference (`$.External.tier`, `$.Lex.IntentName`). Live, only user-defined attributes can be read
   * (GetContactAttributes); the others are not checked there.
   */
  public static expectAttributes(attributes: { [key: string]: string }): ChatScriptStep {
    return new ChatScriptStep({ expectAttributes: { ...attributes } });
  }

  /**
   * The contact ends this way.
   *
   * @param target the queue or flow name, for QUEUE and FLOW ends
   */
  public static expectEnd(type: SimulationEndType, target?: string): ChatScriptStep {
    return new ChatScriptStep({ expectEnd: target === undefined ? type : { type, target } });
  }

  /** @internal */
  public static _fromData(data: StepData, where: string): ChatScriptStep {
    const keys = Object.keys(data ?? {});
    const known = ['send', 'silence', 'expect', 'expectMatching', 'expectAttributes', 'expectEnd'];
    if (typeof data !== 'object' || data === null || keys.length !== 1 || !known.includes(keys[0])) {
      throw new SimulationError(`${where} must be an object with one of ${known.join(', ')}, got ${JSON.stringify(data)}`);
    }
    const key = keys[0] as keyof StepData;
    const value = data[key];
    const fail = (what: string) => { throw new SimulationError(`${where} ${key} must be ${what}, got ${JSON.stringify(value)}`); };
    switch (key) {
      case 'send': case 'expect':
        if (typeof value !== 'string') fail('a string');
        break;
      case 'expectMatching':
        if (typeof value !== 'string') fail('a regular expression as a string');
        try {
          new RegExp(value as string);
        } catch (e) {
          fail(`a valid regular expression (${(e as Error).message})`);
        }
        break;
      case 'silence':
        if (value !== true) fail('true');
        break;
      case 'expectAttributes':
        if (typeof value !== 'object' || value === null || Object.values(value).some(v => typeof v !== 'string')) fail('an object of strings');
        break;
      case 'expectEnd': {
        const type = typeof value === 'string' ? value : (value as any)?.type;
        if (!Object.values(SimulationEndType).includes(type)) fail(`one of ${Object.values(SimulationEndType).join(', ')} (or { type, target })`);
        break;
      }
    }
    return new ChatScriptStep(data);
  }

  /** What the step does. */
  public readonly kind: ChatScriptStepKind;

  /** @internal */
  public readonly _data: StepData;

  private constructor(data: StepData) {
    this._data = data;
    this.kind = data.send !== undefined ? ChatScriptStepKind.CUSTOMER_SENDS
      : data.silence ? ChatScriptStepKind.CUSTOMER_SILENT
        : data.expect !== undefined ? ChatScriptStepKind.EXPECT_MESSAGE
          : data.expectMatching !== undefined ? ChatScriptStepKind.EXPECT_MESSAGE_MATCHING
            : data.expectAttributes !== undefined ? ChatScriptStepKind.EXPECT_ATTRIBUTES
              : ChatScriptStepKind.EXPECT_END;
  }

  /** The step in words, for reports. */
  public toString(): string {
    const d = this._data;
    switch (this.kind) {
      case ChatScriptStepKind.CUSTOMER_SENDS: return `customer sends ${JSON.stringify(d.send)}`;
      case ChatScriptStepKind.CUSTOMER_SILENT: return 'customer stays silent';
      case ChatScriptStepKind.EXPECT_MESSAGE: return `expect message ${JSON.stringify(d.expect)}`;
      case ChatScriptStepKind.EXPECT_MESSAGE_MATCHING: return `expect message matching /${d.expectMatching}/`;
      case ChatScriptStepKind.EXPECT_ATTRIBUTES: return `expect attributes ${JSON.stringify(d.expectAttributes)}`;
      default: {
        const end = typeof d.expectEnd === 'string' ? { type: d.expectEnd } : d.expectEnd!;
        return `expect end ${end.type}${end.target === undefined ? '' : ` (${end.target})`}`;
      }
    }
  }
}

/** Properties of a chat script. */
export interface ChatScriptProps {
  /** The script's name (the test's name). */
  readonly name: string;

  /** The flow the chat starts in: its name, construct path or id (see `SimulatedContactCenter.flow()`). */
  readonly flow: string;

  /** The steps, in order. */
  readonly steps: ChatScriptStep[];

  /**
   * The world the simulated contact runs in (the time, queue states, Lambda results, ...). Its `customerInputs` are
   * the script's: give the customer's messages as steps.
   *
   * @default - the simulator's defaults
   */
  readonly environment?: SimulationEnvironment;

  /**
   * Where the script was read from, for reports.
   *
   * @default - none
   */
  readonly source?: string;
}

/** Keys of the script format besides `name`, `flow` and `steps`: those of `SimulationEnvironment`. */
const ENVIRONMENT_KEYS = ['channel', 'startTime', 'attributes', 'queues', 'lambdaResults', 'lexResults', 'authentication',
  'viewResults', 'seed', 'maxSteps', 'customerDisplayName'];

/**
 * A chat test script: what the customer sends, what the flow must answer (exact or a pattern), the attributes to
 * expect and where the contact must end. The same script runs on the flow simulator (`run()`) and live against a
 * deployed instance (`LiveChatRunner`, `cdk-connect test-chat --instance`).
 *
 * As data (JSON, or YAML), one script per file:
 *
 * ```yaml
 * name: signed-in customer in opening hours
 * flow: Chat
 * startTime: 2026-01-05T15:00:00Z
 * authentication: SUCCESS
 * steps:
 *   - expect: Welcome to Example Corp. Sign in to chat with our priority support team, or continue as a guest.
 *   - expectMatching: ^Thank you, you are signed in
 *   - expectEnd: { type: QUEUE, target: Priority support }
 * ```
 */
export class ChatScript {
  /**
   * Reads a script from a file: `.json`, or `.yaml` / `.yml`.
   */
  public static fromFile(file: string): ChatScript {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new SimulationError(`cannot read chat script '${file}': ${(e as Error).message}`);
    }
    return /\.ya?ml$/i.test(file) ? ChatScript.fromYamlString(text, file) : ChatScript.fromJsonString(text, file);
  }

  /**
   * Reads every script (`*.json`, `*.yaml`, `*.yml`) of a directory, in the order of their file names.
   */
  public static fromDirectory(directory: string): ChatScript[] {
    let files: string[];
    try {
      files = fs.readdirSync(directory).filter(file => /\.(json|ya?ml)$/i.test(file)).sort();
    } catch (e) {
      throw new SimulationError(`cannot read the chat script directory '${directory}': ${(e as Error).message}`);
    }
    if (files.length === 0) {
      throw new SimulationError(`the chat script directory '${directory}' has no scripts (*.json, *.yaml, *.yml)`);
    }
    return files.map(file => ChatScript.fromFile(path.join(directory, file)));
  }

  /**
   * A script from its JSON text.
   *
   * @param source where it comes from, for messages
   */
  public static fromJsonString(json: string, source: string = 'chat script'): ChatScript {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new SimulationError(`${source} is not valid JSON: ${(e as Error).message}`);
    }
    return ChatScript.fromData(data, source);
  }

  /**
   * A script from its YAML text (YAML is read by the bundled flow testing runtime, loaded at first use).
   *
   * @param source where it comes from, for messages
   */
  public static fromYamlString(yaml: string, source: string = 'chat script'): ChatScript {
    let data: unknown;
    try {
      data = flowTestingRuntime().parseYaml(yaml);
    } catch (e) {
      throw new SimulationError(`${source} is not valid YAML: ${(e as Error).message}`);
    }
    return ChatScript.fromData(data, source);
  }

  private static fromData(data: any, source: string): ChatScript {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new SimulationError(`${source} must be an object with name, flow and steps`);
    }
    for (const key of ['name', 'flow']) {
      if (typeof data[key] !== 'string' || data[key].length === 0) {
        throw new SimulationError(`${source} must have a ${key} string, got ${JSON.stringify(data[key])}`);
      }
    }
    if (!Array.isArray(data.steps) || data.steps.length === 0) {
      throw new SimulationError(`${source} must have a non-empty list of steps, got ${JSON.stringify(data.steps)}`);
    }
    const unknown = Object.keys(data).filter(key => !['name', 'flow', 'steps', ...ENVIRONMENT_KEYS].includes(key));
    if (unknown.length > 0) {
      throw new SimulationError(`${source} has unknown keys ${unknown.join(', ')}; keys: name, flow, steps, ${ENVIRONMENT_KEYS.join(', ')}`);
    }
    if (data.channel !== undefined && !Object.values(SimulatedChannel).includes(data.channel)) {
      throw new SimulationError(`${source} channel must be one of ${Object.values(SimulatedChannel).join(', ')}, got ${JSON.stringify(data.channel)}`);
    }
    if (data.authentication !== undefined && !Object.values(AuthenticationOutcome).includes(data.authentication)) {
      throw new SimulationError(`${source} authentication must be one of ${Object.values(AuthenticationOutcome).join(', ')}, got ${JSON.stringify(data.authentication)}`);
    }
    if (data.startTime !== undefined && (typeof data.startTime !== 'string' || Number.isNaN(Date.parse(data.startTime)))) {
      throw new SimulationError(`${source} startTime must be an ISO 8601 date and time such as 2026-01-05T15:00:00Z, got ${JSON.stringify(data.startTime)}`);
    }
    const environment: Record<string, unknown> = {};
    for (const key of ENVIRONMENT_KEYS) {
      if (data[key] !== undefined) {
        environment[key] = data[key] instanceof Date ? data[key].toISOString() : data[key];
      }
    }
    const steps = data.steps.map((step: StepData, index: number) => ChatScriptStep._fromData(step, `${source} step ${index + 1}`));
    return new ChatScript({ name: data.name, flow: data.flow, steps, environment, source });
  }

  /** The script's name. */
  public readonly name: string;

  /** The flow the chat starts in. */
  public readonly flow: string;

  /** The steps. */
  public readonly steps: ChatScriptStep[];

  /** The environment of the simulated contact. */
  public readonly environment: SimulationEnvironment;

  /** Where the script was read from. */
  public readonly source?: string;

  constructor(props: ChatScriptProps) {
    if (props.steps.length === 0) {
      throw new SimulationError(`chat script '${props.name}' must have at least one step`);
    }
    this.name = props.name;
    this.flow = props.flow;
    this.steps = [...props.steps];
    this.environment = props.environment ?? {};
    this.source = props.source;
  }

  /**
   * Runs the script on the flow simulator: one simulated contact in the script's flow, with the customer's messages
   * of its steps, then checks each step against the transcript, the contact's data and its end.
   */
  public run(center: SimulatedContactCenter): ChatScriptResult {
    const started = Date.now();
    const inputs: Array<string | typeof SILENCE> = [];
    for (const step of this.steps) {
      if (step._data.send !== undefined) {
        inputs.push(step._data.send);
      } else if (step._data.silence) {
        inputs.push(SILENCE);
      }
    }
    const simulator = center.flow(this.flow);
    const { result, itemSteps } = simulator._runScript(this.environment, inputs);
    const check = checkSteps(this.steps, {
      transcript: result.transcript,
      attributes: result.attributes,
      end: { type: result.end.type, target: result.end.target, reason: result.end.reason },
      divergence: item => divergence(result.path, item === undefined ? result.path.length : itemSteps[item]),
    });
    return ChatScriptResult._create(this, check, result.transcript, Date.now() - started, result);
  }

  /** The script as plain data (the script format), for the live runner. @internal */
  public _stepData(): StepData[] {
    return this.steps.map(step => step._data);
  }
}

/** Where a simulated contact went another way: the last branching step before the path index. */
function divergence(steps: readonly SimulatedStep[], before: number): string | undefined {
  for (let i = Math.min(before, steps.length) - 1; i >= 0; i--) {
    const step = steps[i];
    if (!['Next', 'End', 'Waiting'].includes(step.branch)) {
      return `action '${step.action}' (${step.actionType}) of flow '${step.flow}', which took the branch '${step.branch}'`;
    }
  }
  return undefined;
}

/** The outcome of running a chat script. */
export class ChatScriptResult {
  /** @internal */
  public static _create(script: ChatScript, outcome: CheckOutcome, transcript: readonly TranscriptItem[], durationMs: number,
    simulation?: SimulationResult, infrastructureError: boolean = false): ChatScriptResult {
    return new ChatScriptResult(script, outcome, [...transcript], durationMs, simulation, infrastructureError);
  }

  /** The script's name. */
  public readonly scriptName: string;

  /** Where the script was read from. */
  public readonly source?: string;

  /** Whether every step passed. */
  public readonly passed: boolean;

  /**
   * The failure in words: the step, what happened instead, the transcript so far, and where the flow went another
   * way.
   */
  public readonly failure?: string;

  /** The index of the failed step. */
  public readonly failedStep?: number;

  /** Steps that could not be checked (live: data the Participant Service does not show). */
  public readonly notes: string[];

  /** The transcript. */
  public readonly transcript: TranscriptItem[];

  /** How long the run took, in milliseconds. */
  public readonly durationMs: number;

  /** The simulation, for scripts run on the simulator. */
  public readonly simulation?: SimulationResult;

  /** Whether the failure is one of the infrastructure (services, credentials), not of the flow. */
  public readonly infrastructureError: boolean;

  private constructor(script: ChatScript, outcome: CheckOutcome, transcript: TranscriptItem[], durationMs: number,
    simulation: SimulationResult | undefined, infrastructureError: boolean) {
    this.scriptName = script.name;
    this.source = script.source;
    this.passed = outcome.message === undefined;
    this.failure = outcome.message === undefined ? undefined : `chat script '${script.name}'${script.source ? ` (${script.source})` : ''}: ${outcome.message}`;
    this.failedStep = outcome.failedStep;
    this.notes = outcome.notes;
    this.transcript = [...transcript];
    this.durationMs = durationMs;
    this.simulation = simulation;
    this.infrastructureError = infrastructureError;
  }

  /** Throws an error with the failure in words when a step failed (for test frameworks). */
  public assertPassed(): void {
    if (!this.passed) {
      throw new Error(this.failure);
    }
  }
}
