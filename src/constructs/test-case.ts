import * as fs from 'fs';
import { IResource, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import { CfnTestCase } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ContactFlowType, IContactFlow } from './contact-flow';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { fail, validateLength, validatePattern, validatePhoneNumber } from '../private/validation';

/**
 * An Amazon Connect test case, defined in this app or imported.
 */
export interface ITestCase extends IResource, connectRefs.ITestCaseRef {
  /**
   * The ARN of the test case.
   *
   * @attribute
   */
  readonly testCaseArn: string;

  /**
   * The id of the test case.
   *
   * @attribute
   */
  readonly testCaseId: string;

  /**
   * The ARN of the instance the test case belongs to.
   */
  readonly instanceArn: string;
}

abstract class TestCaseBase extends Resource implements ITestCase {
  public abstract readonly testCaseArn: string;
  public abstract readonly testCaseId: string;
  public abstract readonly instanceArn: string;

  public get testCaseRef(): connectRefs.TestCaseReference {
    return { testCaseArn: this.testCaseArn };
  }
}

/**
 * A JSON document of a test case: its content (in the Amazon Connect testing language) or its initialization
 * data. Checked at synth time to be a JSON object.
 */
export abstract class TestCaseJson {
  /**
   * A JSON document from a file, read at synth time.
   *
   * @param path the path of the file; a relative path is relative to the current working directory
   */
  public static fromFile(path: string): TestCaseJson {
    return new SourcedTestCaseJson({ path });
  }

  /**
   * A JSON document from a string. A string that is a token is passed through unchecked.
   */
  public static fromJsonString(json: string): TestCaseJson {
    return new SourcedTestCaseJson({ json });
  }

  /**
   * A JSON document from an object, such as the result of `JSON.parse`. Values may be tokens (for example
   * the ARN of a queue the test expects the contact in).
   */
  public static fromObject(document: any): TestCaseJson {
    return new SourcedTestCaseJson({ object: document });
  }

  /**
   * Renders the document as a JSON string.
   *
   * @param scope the test case that uses the document (validation messages name it)
   * @param what how the document is named in messages, such as `content`
   */
  public abstract bind(scope: Construct, what: string): string;
}

/** Where a JSON document comes from: exactly one member is set. */
interface JsonSource {
  readonly path?: string;
  readonly json?: string;
  readonly object?: any;
}

/** The most characters of a test case's content and of its initialization data. */
const MAX_JSON_LENGTH = 256_000;

class SourcedTestCaseJson extends TestCaseJson {
  private readonly source: JsonSource;

  constructor(source: JsonSource) {
    super();
    this.source = source;
  }

  public bind(scope: Construct, what: string): string {
    const { path, json, object } = this.source;
    let document: unknown;
    if (path !== undefined) {
      let text: string;
      try {
        text = fs.readFileSync(path, 'utf8');
      } catch (e) {
        fail(scope, `cannot read ${what} file '${path}': ${(e as Error).message}`);
      }
      document = parse(scope, text, `${what} file '${path}'`);
    } else if (json !== undefined) {
      if (Token.isUnresolved(json)) {
        return json;
      }
      document = parse(scope, json, what);
    } else {
      document = object;
    }
    if (Token.isUnresolved(document) && !Array.isArray(document)) {
      return typeof document === 'string' ? document : Stack.of(scope).toJsonString(document);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      fail(scope, `${what} must be a JSON object, got ${Array.isArray(document) ? 'an array' : document === null ? 'null' : typeof document}`);
    }
    if (Object.keys(document).length === 0) {
      fail(scope, `${what} must not be an empty JSON object`);
    }
    const stack = Stack.of(scope);
    const rendered = stack.toJsonString(document);
    // Known at synth time unless the document holds tokens (then it resolves to a CloudFormation function).
    const resolved = stack.resolve(rendered);
    if (typeof resolved === 'string' && resolved.length > MAX_JSON_LENGTH) {
      fail(scope, `${what} must be at most ${MAX_JSON_LENGTH} characters, got ${resolved.length}`);
    }
    return rendered;
  }
}

function parse(scope: Construct, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(scope, `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Options of a voice call entry point.
 *
 * Note: the CloudFormation schema of `AWS::Connect::TestCase` (like the Amazon Connect API model) gives these
 * phone numbers a pattern with doubled backslashes that no E.164 number matches, so template validation
 * (aws-cdk-lib's synth-time check, cfn-lint) reports valid numbers; leave them out unless the test needs them.
 */
export interface VoiceCallEntryPointOptions {
  /**
   * The phone number the simulated call comes from, in E.164 format.
   *
   * @default - none
   */
  readonly sourcePhoneNumber?: string;

  /**
   * The phone number the simulated call is made to, in E.164 format: a number of the instance.
   *
   * @default - none
   */
  readonly destinationPhoneNumber?: string;
}

/**
 * The channel of the simulated contact of a test case.
 */
export enum TestCaseEntryPointType {
  /** A voice call. */
  VOICE_CALL = 'VOICE_CALL',
  /** A chat. */
  CHAT = 'CHAT',
}

/**
 * How a test case starts: the channel of the simulated contact and the flow under test.
 */
export class TestCaseEntryPoint {
  /**
   * A simulated voice call that runs the flow.
   *
   * @param flow the flow under test, an inbound flow (type `CONTACT_FLOW`) of the same instance
   */
  public static voiceCall(flow: IContactFlow, options: VoiceCallEntryPointOptions = {}): TestCaseEntryPoint {
    return new TestCaseEntryPoint(TestCaseEntryPointType.VOICE_CALL, flow, options);
  }

  /**
   * A simulated chat that runs the flow.
   *
   * @param flow the flow under test, an inbound flow (type `CONTACT_FLOW`) of the same instance
   */
  public static chat(flow: IContactFlow): TestCaseEntryPoint {
    return new TestCaseEntryPoint(TestCaseEntryPointType.CHAT, flow, {});
  }

  /**
   * The channel of the simulated contact.
   */
  public readonly entryPointType: TestCaseEntryPointType;

  /**
   * The flow under test.
   */
  public readonly flow: IContactFlow;

  private readonly options: VoiceCallEntryPointOptions;

  private constructor(entryPointType: TestCaseEntryPointType, flow: IContactFlow, options: VoiceCallEntryPointOptions) {
    this.entryPointType = entryPointType;
    this.flow = flow;
    this.options = options;
  }

  /**
   * Renders the entry point for a test case.
   *
   * @internal
   */
  public _render(scope: Construct, instanceArn: string): CfnTestCase.EntryPointProperty {
    validateSameInstance(scope, 'flow under test', instanceArn, this.flow.instanceArn);
    validateFlowType(scope, 'flow under test', this.flow, ContactFlowType.CONTACT_FLOW);
    validatePhoneNumber(scope, 'sourcePhoneNumber', this.options.sourcePhoneNumber);
    validatePhoneNumber(scope, 'destinationPhoneNumber', this.options.destinationPhoneNumber);
    const flowId = this.flow.contactFlowId;
    return this.entryPointType === TestCaseEntryPointType.CHAT
      ? { type: TestCaseEntryPointType.CHAT, chatEntryPointParameters: { flowId } }
      : {
        type: TestCaseEntryPointType.VOICE_CALL,
        voiceCallEntryPointParameters: {
          flowId,
          sourcePhoneNumber: this.options.sourcePhoneNumber,
          destinationPhoneNumber: this.options.destinationPhoneNumber,
        },
      };
  }
}

/**
 * Whether a test case is ready to run.
 */
export enum TestCaseStatus {
  /** Published: Amazon Connect validates the content, and the test case can run. */
  PUBLISHED = 'PUBLISHED',
  /** Saved as a draft: the content is not validated. */
  SAVED = 'SAVED',
}

/**
 * Properties of a test case.
 */
export interface TestCaseProps {
  /**
   * The instance the test case belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the test case (1 to 127 characters, not only white space).
   *
   * @default - a name generated from the construct path
   */
  readonly testCaseName?: string;

  /**
   * A description of the test case (1 to 500 characters, not only white space).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * The test, in the Amazon Connect testing language: the observations, events and actions of the simulated
   * contact. A JSON object of at most 256,000 characters.
   *
   * @see https://docs.aws.amazon.com/connect/latest/APIReference/testing-language.html
   */
  readonly content: TestCaseJson;

  /**
   * How the test starts: the channel of the simulated contact and the flow under test.
   *
   * @default - none: the content defines how the test starts
   */
  readonly entryPoint?: TestCaseEntryPoint;

  /**
   * The initial data of the simulated contact, such as contact attributes: a JSON object of at most
   * 256,000 characters.
   *
   * @default - no initialization data
   */
  readonly initializationData?: TestCaseJson;

  /**
   * Whether the test case is published (validated and ready to run) or saved as a draft.
   *
   * @default TestCaseStatus.PUBLISHED
   */
  readonly status?: TestCaseStatus;
}

/**
 * An Amazon Connect test case: a simulated contact that runs a flow and checks what happens (prompts
 * played, inputs asked, the queue the contact ends in), written in the Amazon Connect testing language.
 * Test cases are deployed with the flows they test and run from the Amazon Connect admin website or with
 * `StartTestCaseExecution`.
 *
 * ```ts
 * declare const inbound: IContactFlow;
 * new TestCase(this, 'InboundTest', {
 *   instance,
 *   testCaseName: 'Inbound greets and queues',
 *   entryPoint: TestCaseEntryPoint.voiceCall(inbound),
 *   content: TestCaseJson.fromFile('tests/inbound.json'),
 * });
 * ```
 *
 * @resource AWS::Connect::TestCase
 */
export class TestCase extends TestCaseBase {
  /**
   * Imports a test case by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>/test-case/<id>`).
   */
  public static fromTestCaseArn(scope: Construct, id: string, testCaseArn: string): ITestCase {
    class Import extends TestCaseBase {
      public readonly testCaseArn = testCaseArn;
      public readonly testCaseId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(testCaseArn) });
        const parts = parseInstanceResourceArn(this, testCaseArn, 'test-case', 'test case');
        this.testCaseId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the test case.
   *
   * @attribute
   */
  public readonly testCaseArn: string;

  /**
   * The id of the test case.
   *
   * @attribute
   */
  public get testCaseId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._testCaseId ?? (this._testCaseId = resourceIdOfArn(this, this.testCaseArn, 'test-case', 'test case'));
  }

  private _testCaseId?: string;

  /**
   * The ARN of the instance the test case belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the test case.
   */
  public readonly testCaseName: string;

  constructor(scope: Construct, id: string, props: TestCaseProps) {
    super(scope, id);

    const name = props.testCaseName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'test case name', name, 1, 127);
    validatePattern(this, 'test case name', name, /\S/, 'more than white space');
    validateLength(this, 'description', props.description, 1, 500);
    validatePattern(this, 'description', props.description, /\S/, 'more than white space');

    const resource = new CfnTestCase(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name,
      description: props.description,
      content: props.content.bind(this, 'content'),
      entryPoint: props.entryPoint?._render(this, props.instance.instanceArn),
      initializationData: props.initializationData?.bind(this, 'initializationData'),
      status: props.status ?? TestCaseStatus.PUBLISHED,
    });
    fixLogicalIdAtSynthesis(resource);

    this.testCaseArn = resource.attrTestCaseArn;
    this.instanceArn = props.instance.instanceArn;
    this.testCaseName = name;
  }
}
