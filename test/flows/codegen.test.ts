import * as fs from 'fs';
import * as path from 'path';
import { renderGenerated, roundTripActions, SOURCE, SRC, typeCheck } from './generated';
import { ContactFlowType } from '../../src/constructs/contact-flow';
import { FlowDefinition, RawAction } from '../../src/flows';
import { ACTION_EMITTERS, ActionEmitter, actionVariableBase, GeneratedFlowCode, generateFlowCode } from '../../src/flows/import/codegen';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flows', 'import');
const SOURCE_QUEUE = `${SOURCE}/queue/aaaaaaaa-0000-0000-0000-000000000001`;

/** The flow files of the fixtures whose code is generated, type-checked and run. */
const FILES = ['exported-inbound.json', 'edge-cases.json', 'console-inbound.json'];

/** The action types the typed emitters must cover, all in console-inbound.json. */
const REQUIRED_TYPES = [
  'MessageParticipant', 'GetParticipantInput', 'DisconnectParticipant', 'UpdateContactTargetQueue', 'TransferContactToQueue',
  'TransferToFlow', 'InvokeFlowModule', 'CheckHoursOfOperation', 'Compare', 'InvokeLambdaFunction', 'UpdateContactAttributes',
  'UpdateFlowLoggingBehavior', 'UpdateContactRecordingBehavior', 'UpdateContactEventHooks', 'UpdateContactTextToSpeechVoice',
  'EndFlowExecution', 'Loop', 'Wait', 'DistributeByPercentage',
];

function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

function generate(document: any, options: Parameters<typeof generateFlowCode>[2] = {}): GeneratedFlowCode {
  return generateFlowCode(document, 'flow document', options);
}

/** A flow document of the given actions. */
function flow(start: string, actions: any[]): any {
  return { Version: '2019-10-30', StartAction: start, Actions: actions };
}

function custom(id: string, transitions: any = {}, parameters: any = {}, type: string = 'CustomStep'): any {
  return { Identifier: id, Type: type, Parameters: parameters, Transitions: transitions };
}

/** The resources of the source instance (and Lambda and Lex resources of its account) the typed cases reference. */
const ARN = {
  queue: SOURCE_QUEUE,
  agent: `${SOURCE}/agent/ffffffff-0000-0000-0000-000000000001`,
  prompt: `${SOURCE}/prompt/bbbbbbbb-0000-0000-0000-000000000001`,
  lexBotAlias: 'arn:aws:lex:us-west-2:444455556666:bot-alias/ABCDEFGHIJ/TSTALIASID',
};

/** An action of a flow document. */
function step(id: string, type: string, parameters: any, transitions: any = {}): any {
  return { Identifier: id, Type: type, Parameters: parameters, Transitions: transitions };
}

/** Transitions to a next action, with every error to the same action. */
function onward(next: string, errors: string[] = ['NoMatchingError']): any {
  return { NextAction: next, Errors: errors.map(errorType => ({ NextAction: next, ErrorType: errorType })) };
}

function equals(operand: string, next: string): any {
  return { NextAction: next, Condition: { Operator: 'Equals', Operands: [operand] } };
}

function error(errorType: string, next: string): any {
  return { NextAction: next, ErrorType: errorType };
}

const END = step('End', 'DisconnectParticipant', {});

/** A message that continues with `End`. */
function say(id: string): any {
  return step(id, 'MessageParticipant', { Text: id }, onward('End'));
}

/** A case of the typed emitters: a small flow, what its code must contain, and which actions stay RawActions. */
interface TypedCase {
  readonly document: any;
  readonly contains: string[];
  readonly raw?: string[];
  readonly flowType?: ContactFlowType | 'MODULE';
  /** Whether to render the code (false for files that are not valid flows, which no code renders). */
  readonly render?: boolean;
}

/** Flows that the typed emitters write with their typed classes. */
const TYPED_CASES: Record<string, TypedCase> = {
  'MessageParticipant with SSML': {
    document: flow('Say', [step('Say', 'MessageParticipant', { SSML: '<speak>Hello</speak>' }, onward('End')), END]),
    contains: ['const Say = new MessageParticipant(\'Say\', { ssml: \'<speak>Hello</speak>\' });', 'Say.next(End);', 'Say.onError(End);'],
  },
  'MessageParticipant with an audio file in Amazon S3': {
    document: flow('Say', [
      step('Say', 'MessageParticipant', { Media: { Uri: 'https://amzn-s3-demo-bucket.s3.amazonaws.com/hello.wav', SourceType: 'S3', MediaType: 'Audio' } }, onward('End')),
      END,
    ]),
    contains: ['new MessageParticipant(\'Say\', { s3AudioUri: \'https://amzn-s3-demo-bucket.s3.amazonaws.com/hello.wav\' })'],
  },
  'MessageParticipantIteratively with an interruption': {
    flowType: ContactFlowType.CUSTOMER_QUEUE,
    document: flow('Hold', [
      step('Hold', 'MessageParticipantIteratively', { Messages: [{ Text: 'Please hold.' }, { PromptId: ARN.prompt }], InterruptFrequencySeconds: '60' }, {
        Conditions: [equals('MessagesInterrupted', 'Offer')],
        Errors: [error('NoMatchingError', 'End')],
      }),
      say('Offer'),
      END,
    ]),
    contains: [
      '  messages: [{ text: \'Please hold.\' }, { prompt: prompt1 }],',
      '  interruptEvery: Duration.seconds(60),',
      'Hold\n  .whenInterrupted(Offer)\n  .onError(End);',
    ],
  },
  'GetParticipantInput with DTMF options and key conditions': {
    document: flow('Menu', [
      step('Menu', 'GetParticipantInput', {
        Text: 'Press 1 for sales.',
        InputTimeLimitSeconds: '8',
        StoreInput: 'False',
        DTMFConfiguration: { InputTerminationSequence: '#', DisableCancelKey: 'True', InterdigitTimeLimitSeconds: '3' },
      }, {
        NextAction: 'Sorry',
        Conditions: [equals('1', 'Sales'), equals('#', 'Sales')],
        Errors: [error('InputTimeLimitExceeded', 'Sorry'), error('NoMatchingCondition', 'Sorry'), error('NoMatchingError', 'Sorry')],
      }),
      say('Sales'),
      say('Sorry'),
      END,
    ]),
    contains: [
      '  timeout: Duration.seconds(8),',
      '  dtmf: {\n    terminator: \'#\',\n    disableCancelKey: true,\n    interdigitTimeout: Duration.seconds(3),\n  },',
      '  .when(FlowCondition.equalTo(\'1\'), Sales)',
      '  .when(FlowCondition.equalTo(\'#\'), Sales)',
      '  .onTimeout(Sorry)',
      '  .otherwise(Sorry)',
    ],
  },
  'GetParticipantInput storing encrypted digits': {
    document: flow('Card', [
      step('Card', 'GetParticipantInput', {
        Text: 'Enter your card number.',
        InputTimeLimitSeconds: '10',
        StoreInput: 'True',
        InputValidation: { CustomValidation: { MaximumLength: '16' } },
        InputEncryption: { EncryptionKeyId: 'key-1', Key: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----' },
      }, onward('Thanks')),
      say('Thanks'),
      END,
    ]),
    contains: [
      '    maxDigits: 16,',
      '    encryption: {\n      encryptionKeyId: \'key-1\',\n      publicKey: \'-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----\',\n    },',
      'Card\n  .next(Thanks)\n  .next(End);',
    ],
  },
  'GetParticipantInput storing a local phone number': {
    document: flow('Phone', [
      step('Phone', 'GetParticipantInput', {
        Text: 'Enter your phone number.',
        InputTimeLimitSeconds: '5',
        StoreInput: 'True',
        InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } },
      }, { NextAction: 'End', Errors: [error('InvalidPhoneNumber', 'Sorry'), error('NoMatchingError', 'Sorry')] }),
      say('Sorry'),
      END,
    ]),
    contains: ['storeInput: { phoneNumberFormat: PhoneNumberInputFormat.LOCAL, countryCode: \'US\' },', 'Phone\n  .onInvalidPhoneNumber(Sorry)\n  .onError(Sorry);'],
  },
  'ConnectParticipantWithLexBot with intents, session attributes and a chat timeout': {
    document: flow('Bot', [
      step('Bot', 'ConnectParticipantWithLexBot', {
        Text: 'How can I help?',
        LexV2Bot: { AliasArn: ARN.lexBotAlias },
        LexSessionAttributes: { customerId: '$.Attributes.customerId' },
        LexTimeoutSeconds: { Text: '300' },
      }, {
        NextAction: 'Sorry',
        Conditions: [equals('Billing', 'Billing')],
        Errors: [error('InputTimeLimitExceeded', 'Sorry'), error('NoMatchingCondition', 'Sorry'), error('NoMatchingError', 'Sorry')],
      }),
      say('Billing'),
      say('Sorry'),
      END,
    ]),
    contains: ['  botAlias: lexBotAlias1,', '  chatTimeout: Duration.seconds(300),', '.whenIntent(\'Billing\', Billing)', '.onTimeout(Sorry)'],
  },
  'UpdateContactTargetQueue with a JSONPath, and TransferContactToQueue without a NextAction': {
    document: flow('SetQueue', [
      step('SetQueue', 'UpdateContactTargetQueue', { QueueId: '$.Attributes.queueArn' }, { NextAction: 'Transfer', Errors: [error('NoMatchingError', 'End')] }),
      step('Transfer', 'TransferContactToQueue', {}, { Errors: [error('QueueAtCapacity', 'Full'), error('NoMatchingError', 'End')] }),
      say('Full'),
      END,
    ]),
    contains: [
      'new UpdateContactTargetQueue(\'SetQueue\', { queuePath: \'$.Attributes.queueArn\' })',
      'const Transfer = new TransferContactToQueue(\'Transfer\');',
      'Transfer\n  .onQueueAtCapacity(Full)\n  .onError(End);',
    ],
  },
  'UpdateContactTargetQueue with an agent': {
    document: flow('SetAgent', [step('SetAgent', 'UpdateContactTargetQueue', { AgentId: ARN.agent }, onward('End')), END]),
    contains: ['new UpdateContactTargetQueue(\'SetAgent\', { agent: user1 })'],
  },
  'TransferToFlow with a JSONPath, its NextAction written by the class': {
    document: flow('ToFlow', [step('ToFlow', 'TransferToFlow', { ContactFlowId: '$.Attributes.nextFlow' }, onward('End')), END]),
    contains: ['new TransferToFlow(\'ToFlow\', { contactFlowPath: \'$.Attributes.nextFlow\' })', 'ToFlow.onError(End);'],
  },
  'InvokeFlowModule with a JSONPath': {
    document: flow('Module', [step('Module', 'InvokeFlowModule', { FlowModuleId: '$.Attributes.module' }, onward('End')), END]),
    contains: ['new InvokeFlowModule(\'Module\', { flowModulePath: \'$.Attributes.module\' })', 'Module.next(End);'],
  },
  'CheckHoursOfOperation of the working queue': {
    document: flow('Hours', [
      step('Hours', 'CheckHoursOfOperation', {}, { Conditions: [equals('True', 'Open'), equals('False', 'Closed')], Errors: [error('NoMatchingError', 'Closed')] }),
      say('Open'),
      say('Closed'),
      END,
    ]),
    contains: ['const Hours = new CheckHoursOfOperation(\'Hours\');', 'Hours\n  .whenInHours(Open)\n  .whenOutOfHours(Closed)\n  .onError(Closed);'],
  },
  'CheckMetricData of an agent metric': {
    document: flow('Staffed', [
      step('Staffed', 'CheckMetricData', { MetricType: 'NumberOfAgentsStaffed', QueueId: ARN.queue }, {
        NextAction: 'Nobody',
        Conditions: [{ NextAction: 'Agents', Condition: { Operator: 'NumberGreaterThan', Operands: ['0'] } }],
        Errors: [error('NoMatchingCondition', 'Nobody'), error('NoMatchingError', 'Nobody')],
      }),
      say('Agents'),
      say('Nobody'),
      END,
    ]),
    contains: ['new CheckMetricData(\'Staffed\', { metric: QueueMetric.AGENTS_STAFFED, queue: queue1 })', '  .whenAgents(Agents)\n  .otherwise(Nobody)'],
  },
  'CheckMetricData of a contact metric': {
    document: flow('Oldest', [
      step('Oldest', 'CheckMetricData', { MetricType: 'OldestContactInQueueAgeSeconds' }, {
        Conditions: [{ NextAction: 'Long', Condition: { Operator: 'NumberGreaterThan', Operands: ['300'] } }],
        Errors: [error('NoMatchingCondition', 'Short'), error('NoMatchingError', 'Short')],
      }),
      say('Long'),
      say('Short'),
      END,
    ]),
    contains: ['.when(FlowCondition.numberGreaterThan(300), Long)'],
  },
  'Loop with a JSONPath count': {
    document: flow('Retry', [
      step('Retry', 'Loop', { LoopCount: '$.Attributes.retries' }, { Conditions: [equals('ContinueLooping', 'Again'), equals('DoneLooping', 'End')] }),
      step('Again', 'MessageParticipant', { Text: 'Again' }, onward('Retry')),
      END,
    ]),
    contains: ['new Loop(\'Retry\', { countPath: \'$.Attributes.retries\' })', 'Retry\n  .whenLooping(Again)\n  .whenDone(End);', 'Again.next(Retry);'],
  },
  'Wait with a JSONPath timeout and a bot event': {
    document: flow('Pause', [
      step('Pause', 'Wait', { TimeLimitSeconds: '$.Attributes.wait', Events: ['BotParticipantDisconnected'] }, {
        Conditions: [equals('WaitCompleted', 'End'), equals('BotParticipantDisconnected', 'Back')],
        Errors: [error('NoMatchingError', 'End')],
      }),
      say('Back'),
      END,
    ]),
    contains: ['new Wait(\'Pause\', { timeoutPath: \'$.Attributes.wait\' })', '  .whenBotParticipantDisconnected(Back)'],
  },
  'InvokeLambdaFunction with a JSONPath function, asynchronous, JSON response': {
    document: flow('Call', [
      step('Call', 'InvokeLambdaFunction', {
        LambdaFunctionARN: '$.Attributes.handler',
        InvocationTimeLimitSeconds: '3',
        InvocationType: 'ASYNCHRONOUS',
        ResponseValidation: { ResponseType: 'JSON' },
      }, onward('End')),
      END,
    ]),
    contains: ['  functionArnPath: \'$.Attributes.handler\',', '  invocationType: LambdaInvocationType.ASYNCHRONOUS,', '  responseValidation: LambdaResponseType.JSON,'],
  },
  'UpdateContactAttributes of the related contact': {
    document: flow('Note', [step('Note', 'UpdateContactAttributes', { Attributes: { note: 'callback' }, TargetContact: 'Related' }, onward('End')), END]),
    contains: ['  attributes: [ContactAttribute.of(\'note\', \'callback\')],\n  targetContact: TargetContact.RELATED,\n'],
  },
  'UpdateFlowAttributes': {
    document: flow('Count', [step('Count', 'UpdateFlowAttributes', { FlowAttributes: { attempts: { Value: '1', Type: 'String' } } }, onward('End')), END]),
    contains: ['new UpdateFlowAttributes(\'Count\', { attributes: [FlowAttribute.of(\'attempts\', \'1\')] })'],
  },
  'UpdateContactRecordingBehavior with screen recording and chat analytics only': {
    document: flow('Record', [
      step('Record', 'UpdateContactRecordingBehavior', {
        RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'], ScreenRecordedParticipants: ['Agent'], IVRRecordingBehavior: 'Enabled' },
        AnalyticsBehavior: { Enabled: 'False', ChannelConfiguration: { Chat: { AnalyticsModes: ['ContactLens'] } } },
      }, { NextAction: 'End' }),
      END,
    ]),
    contains: ['  screenRecording: true,', '  ivrRecording: true,', '  analytics: { enabled: false, chatAnalytics: true },'],
  },
  'UpdateContactEventHooks with a JSONPath': {
    document: flow('Hook', [step('Hook', 'UpdateContactEventHooks', { EventHooks: { CustomerRemaining: '$.Attributes.disconnectFlow' } }, onward('End')), END]),
    contains: ['  eventHook: ContactEventHook.CUSTOMER_REMAINING,\n  flowJsonPath: \'$.Attributes.disconnectFlow\',\n'],
  },
  'UpdateContactTextToSpeechVoice with voices the library does not name, or from a JSONPath': {
    document: flow('Voice', [
      step('Voice', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Aria' }, onward('Dynamic')),
      step('Dynamic', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: '$.Attributes.voice', TextToSpeechEngine: 'Generative' }, onward('End')),
      END,
    ]),
    contains: ['{ voice: TextToSpeechVoice.of(\'Aria\') }', '  voice: TextToSpeechVoice.fromJsonPath(\'$.Attributes.voice\'),\n  engine: TextToSpeechEngine.GENERATIVE,\n'],
  },
  'UpdateContactRoutingBehavior by priority and by age': {
    document: flow('Priority', [
      step('Priority', 'UpdateContactRoutingBehavior', { QueuePriority: '1' }, { NextAction: 'Later' }),
      step('Later', 'UpdateContactRoutingBehavior', { QueueTimeAdjustmentSeconds: '-120' }, { NextAction: 'End' }),
      END,
    ]),
    contains: ['{ queuePriority: 1 }', '  queueTimeAdjustment: QueueTimeAdjustment.subtract(Duration.seconds(120)),\n', 'Priority\n  .next(Later)\n  .next(End);'],
  },
  'EndFlowModuleExecution in a flow module': {
    flowType: 'MODULE',
    document: flow('Say', [step('Say', 'MessageParticipant', { Text: 'Hi' }, onward('Return')), step('Return', 'EndFlowModuleExecution', {})]),
    contains: ['const Return = new EndFlowModuleExecution(\'Return\');'],
  },
  'TransferContactToAgent in a transfer flow, EndFlowExecution': {
    flowType: ContactFlowType.AGENT_TRANSFER,
    document: flow('Which', [
      step('Which', 'Compare', { ComparisonValue: '$.Channel' }, { Conditions: [equals('VOICE', 'ToAgent')], Errors: [error('NoMatchingCondition', 'Stop')] }),
      step('ToAgent', 'TransferContactToAgent', {}),
      step('Stop', 'EndFlowExecution', {}),
    ]),
    contains: ['const ToAgent = new TransferContactToAgent(\'ToAgent\');', 'const Stop = new EndFlowExecution(\'Stop\');'],
  },
};

/**
 * Flows whose parameters or next actions the typed props cannot give as the file has them: the actions are typed all
 * the same, with parameter overrides and next() for what the props cannot express; actions whose transitions no
 * typed class can link stay RawActions, saying why.
 */
const FALLBACK_CASES: Record<string, TypedCase> = {
  'a number where the class writes a string of digits': {
    document: flow('Call', [step('Call', 'InvokeLambdaFunction', { LambdaFunctionARN: '$.Attributes.fn', InvocationTimeLimitSeconds: 3 }, onward('End')), END]),
    raw: [],
    contains: ["Call.addParameterOverride('InvocationTimeLimitSeconds', 3);"],
  },
  'a number with a leading zero': {
    document: flow('Menu', [
      step('Menu', 'GetParticipantInput', { Text: 'Hi', InputTimeLimitSeconds: '05', StoreInput: 'False' }, onward('End')),
      END,
    ]),
    raw: [],
    contains: ["const Menu = new GetParticipantInput('Menu', { text: 'Hi' });\nMenu.addParameterOverride('InputTimeLimitSeconds', '05');"],
  },
  'a parameter the typed class does not write': {
    document: flow('Say', [step('Say', 'MessageParticipant', { Text: 'Hi', Voice: 'Joanna' }, onward('End')), END]),
    raw: [],
    contains: ["Say.addParameterOverride('Voice', 'Joanna');"],
  },
  'a default the file leaves out': {
    document: flow('Note', [step('Note', 'UpdateContactAttributes', { Attributes: { note: 'x' } }, onward('End')), END]),
    raw: [],
    contains: ["const Note = new UpdateContactAttributes('Note', { attributes: [ContactAttribute.of('note', 'x')] });\nconst End"],
  },
  'a default the file gives': {
    document: flow('Note', [step('Note', 'UpdateContactAttributes', { Attributes: { note: 'x' }, TargetContact: 'Current' }, onward('End')), END]),
    raw: [],
    contains: ['  targetContact: TargetContact.CURRENT,'],
  },
  'a bare ID where the class takes a construct': {
    document: flow('SetQueue', [step('SetQueue', 'UpdateContactTargetQueue', { QueueId: 'aaaaaaaa-0000-0000-0000-000000000001' }, onward('End')), END]),
    raw: [],
    contains: ["const SetQueue = new UpdateContactTargetQueue('SetQueue', {});\nSetQueue.addParameterOverride('QueueId', 'aaaaaaaa-0000-0000-0000-000000000001');"],
  },
  'a NextAction on an action whose class takes none': {
    document: flow('Hours', [
      step('Hours', 'CheckHoursOfOperation', {}, { NextAction: 'Tier', Conditions: [equals('True', 'Tier'), equals('False', 'End')], Errors: [error('NoMatchingError', 'End')] }),
      step('Tier', 'Compare', { ComparisonValue: '$.Attributes.tier' }, { NextAction: 'End', Conditions: [equals('gold', 'End')], Errors: [error('NoMatchingCondition', 'End')] }),
      END,
    ]),
    raw: [],
    contains: [
      // The designer writes the out-of-hours branch as the next action; this file gives another one.
      'Hours\n  .whenInHours(Tier)\n  .whenOutOfHours(End)\n  .onError(End);\nHours.next(Tier);',
      // The designer writes the otherwise() branch as the next action: the class writes it by itself.
      "Tier\n  .when(FlowCondition.equalTo('gold'), End)\n  .otherwise(End);\n\nexport",
    ],
  },
  'a transfer whose NextAction is not the target of an error branch': {
    document: flow('Transfer', [
      step('Transfer', 'TransferContactToQueue', {}, { NextAction: 'Other', Errors: [error('QueueAtCapacity', 'End'), error('NoMatchingError', 'End')] }),
      say('Other'),
      END,
    ]),
    raw: [],
    contains: ['Transfer\n  .onQueueAtCapacity(End)\n  .onError(End);\nTransfer.next(Other);'],
  },
  'a condition the typed class has no branch for (not a valid flow either)': {
    document: flow('Hours', [
      step('Hours', 'CheckHoursOfOperation', {}, { Conditions: [equals('True', 'End'), equals('Maybe', 'End'), equals('False', 'End')], Errors: [error('NoMatchingError', 'End')] }),
      END,
    ]),
    raw: ['Hours'],
    render: false,
    contains: ['// As a RawAction: a typed CheckHoursOfOperation has no branch for the condition Equals Maybe.'],
  },
  'a branch the typed class takes once, given twice (not a valid flow either)': {
    document: flow('Hours', [
      step('Hours', 'CheckHoursOfOperation', {}, { Conditions: [equals('True', 'End'), equals('True', 'End'), equals('False', 'End')], Errors: [error('NoMatchingError', 'End')] }),
      END,
    ]),
    raw: ['Hours'],
    render: false,
    contains: ['// As a RawAction: a typed CheckHoursOfOperation cannot express it: flow action \'Hours\' (CheckHoursOfOperation) already has a branch for in hours.'],
  },
  'wait events in another order than their branches': {
    document: flow('Pause', [
      step('Pause', 'Wait', { TimeoutSeconds: '60', Events: ['CustomerReturned', 'BotParticipantDisconnected'] }, {
        Conditions: [equals('WaitCompleted', 'End'), equals('BotParticipantDisconnected', 'End'), equals('CustomerReturned', 'End')],
        Errors: [error('NoMatchingError', 'End')],
      }),
      END,
    ]),
    raw: [],
    contains: ["Pause.addParameterOverride('Events', ['CustomerReturned', 'BotParticipantDisconnected']);"],
  },
  'a loop count as a number, an engine in lower case, chat analytics without modes': {
    document: flow('Retry', [
      step('Retry', 'Loop', { LoopCount: 3 }, { Conditions: [equals('ContinueLooping', 'Voice'), equals('DoneLooping', 'End')] }),
      step('Voice', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Joanna', TextToSpeechEngine: 'neural' }, onward('Record')),
      step('Record', 'UpdateContactRecordingBehavior', {
        RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'] },
        AnalyticsBehavior: { Enabled: 'True', ChannelConfiguration: { Chat: { AnalyticsModes: [] } } },
      }, { NextAction: 'Retry' }),
      END,
    ]),
    raw: [],
    contains: [
      "Retry.addParameterOverride('LoopCount', 3);",
      "Voice.addParameterOverride('TextToSpeechEngine', 'neural');",
      "Record.addParameterOverride('AnalyticsBehavior.ChannelConfiguration.Chat.AnalyticsModes', []);",
    ],
  },
};

describe('generated code for flow files', () => {
  let dir: string;
  let moduleName: string;
  const cases: Record<string, { generated: GeneratedFlowCode; file: string }> = {};
  let diagnostics: string[];

  beforeAll(() => {
    // Inside test/, so that the generated code resolves aws-cdk-lib and the sources as the tests do.
    dir = fs.mkdtempSync(path.join(__dirname, '..', '.codegen-'));
    moduleName = path.relative(dir, SRC).split(path.sep).join('/');
    const documents: Record<string, any> = {
      ...Object.fromEntries(FILES.map(name => [name, fixture(name)])),
      ...Object.fromEntries(Object.entries({ ...TYPED_CASES, ...FALLBACK_CASES }).map(([name, c]) => [name, c.document])),
    };
    Object.entries(documents).forEach(([name, document], index) => {
      const generated = generateFlowCode(document, `flow file '${name}'`, { sourceName: name, moduleName });
      const file = path.join(dir, `case${index}.ts`);
      fs.writeFileSync(file, generated.code);
      cases[name] = { generated, file };
    });
    // A file with a type error, to show that the check finds errors.
    const broken = path.join(dir, 'broken.ts');
    fs.writeFileSync(broken, `import { RawAction } from '${moduleName}';\nexport const action = new RawAction('a', { actionType: 1 });\n`);
    diagnostics = typeCheck([...Object.values(cases).map(c => c.file), broken]);
  }, 180_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('type-checks against the library', () => {
    expect(diagnostics.filter(message => !message.startsWith('broken.ts'))).toEqual([]);
    expect(diagnostics.filter(message => message.startsWith('broken.ts'))).toEqual([
      expect.stringMatching(/^broken.ts:2: Type 'number' is not assignable to type 'string'/),
    ]);
  });

  test.each(FILES)('renders the actions of %s when evaluated', name => {
    const { generated } = cases[name];
    const document = renderGenerated(generated, moduleName);
    const input = fixture(name);
    expect(roundTripActions(document)).toEqual(roundTripActions(input));
    expect(document.StartAction).toBe(input.StartAction);
  });

  test('writes every action of the console export with its typed class, but the one without a class', () => {
    const { generated } = cases['console-inbound.json'];
    expect(generated.rawActions).toEqual(['\'7d1c2b3a-4e5f-4a6b-8c7d-9e0f00000016\' (UpdateContactData)']);
    expect(generated.actionCount).toBe(22);
    const input = fixture('console-inbound.json');
    const types = new Set(input.Actions.map((action: any) => action.Type));
    for (const type of REQUIRED_TYPES) {
      expect(types).toContain(type);
    }
  });

  test('passes construct variables as typed props, and chains actions with one successor', () => {
    const code = cases['console-inbound.json'].generated.code;
    expect(code).toContain('const updateContactTargetQueue1 = new UpdateContactTargetQueue(\'7d1c2b3a-4e5f-4a6b-8c7d-9e0f0000000c\', {\n  queue: queue1,\n});');
    expect(code).toContain('  hoursOfOperation: hoursOfOperation1,\n');
    expect(code).toContain('  eventHook: ContactEventHook.CUSTOMER_QUEUE,\n  flow: contactFlow1,\n');
    expect(code).toContain('  lambdaFunction: lambdaFunction1,\n  timeout: Duration.seconds(8),');
    expect(code).toContain('{ flowModule: flowModule1 }');
    expect(code).toContain('{ prompt: prompt1 }');
    expect(code).toContain('{ contactFlow: contactFlow2 }');
    expect(code).toContain([
      'updateFlowLoggingBehavior1',
      '  .next(updateContactRecordingBehavior1)',
      '  .next(updateContactData1)',
      '  .next(updateContactTextToSpeechVoice1)',
    ].join('\n'));
    // Where two actions continue with the same one, each links it on its own.
    expect(code).toContain('updateContactTargetQueue1.next(transferContactToQueue1);');
    expect(code).toContain('updateContactTargetQueue2.next(transferContactToQueue1);');
    expect(code).not.toMatch(/\.queueArn|\.functionArn|\.contactFlowArn/);
  });

  test('links branches with the methods of the typed classes', () => {
    const code = cases['console-inbound.json'].generated.code;
    expect(code).toContain('checkHoursOfOperation1\n  .whenInHours(getParticipantInput1)\n  .whenOutOfHours(messageParticipant2)\n  .onError(messageParticipant2);');
    expect(code).toContain('distributeByPercentage1\n  .withPercentage(50, updateContactTargetQueue1)\n  .withPercentage(30, updateContactTargetQueue2)\n  .otherwise(wait1);');
    expect(code).toContain('loop1\n  .whenLooping(getParticipantInput1)\n  .whenDone(updateContactTargetQueue2);');
    expect(code).toContain('transferContactToQueue1\n  .onQueueAtCapacity(invokeFlowModule1)\n  .onError(transferToFlow1);');
    expect(code).toContain('  .whenCustomerReturned(getParticipantInput1)\n  .onParticipantNotFound(disconnectParticipant1)');
    expect(code).toContain('getParticipantInput1\n  .onTimeout(loop1)\n  .when(FlowCondition.equalTo(\'1\'), updateContactTargetQueue1)');
    // The NextAction that these classes write themselves (the designer's default branch) is not linked again.
    expect(code).not.toMatch(/(getParticipantInput1|transferContactToQueue1|transferToFlow1)\.next\(/);
  });

  test('writes enums and enum-like classes for the values of the parameters', () => {
    const code = cases['console-inbound.json'].generated.code;
    expect(code).toContain('  recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],');
    expect(code).toContain('    redactionEntities: [RedactionEntity.CREDIT_DEBIT_NUMBER, RedactionEntity.SSN],');
    expect(code).toContain('  voice: TextToSpeechVoice.JOANNA,\n  engine: TextToSpeechEngine.NEURAL,\n  style: TextToSpeechStyle.CONVERSATIONAL,');
    expect(code).toContain('    ContactAttribute.fromJsonPath(\'tier\', \'$.External.tier\'),\n    ContactAttribute.of(\'greeted\', \'true\'),');
    expect(code).toContain('    { name: \'phone\', value: \'$.CustomerEndpoint.Address\' },');
    expect(code).toContain('import { Duration } from \'aws-cdk-lib\';');
  });

  test('declares one variable of the construct interface for each ARN, named from its kind', () => {
    const { generated } = cases['exported-inbound.json'];
    expect(generated.arns.map(arn => `${arn.name}: ${arn.typeName}`)).toEqual([
      'prompt1: IPrompt',
      'lambdaFunction1: lambda.IFunction',
      'lexBotAlias1: lexRefs.IBotAliasRef',
      'queue1: IQueue',
      'contactFlow1: IContactFlow',
    ]);
    const code = generated.code;
    expect(code).toContain('declare const queue1: IQueue;');
    expect(code).toContain('new UpdateContactTargetQueue(\'Set queue\', { queue: queue1 })');
    expect(code).toContain('  lambdaFunction: lambdaFunction1,');
    expect(code).toContain('  botAlias: lexBotAlias1,');
    expect(code).toContain('import * as lambda from \'aws-cdk-lib/aws-lambda\';');
    expect(code).toContain('import { aws_lex as lexRefs } from \'aws-cdk-lib/interfaces\';');
    expect(code).not.toContain('arn:aws:connect:us-west-2:444455556666:instance/99999999-8888-7777-6666-555555555555/queue/aaaaaaaa-0000-0000-0000-000000000001\'');
  });

  test('lists the ARNs to map in the header', () => {
    const header = cases['exported-inbound.json'].generated.code.split('\n\n')[0];
    expect(header).toContain('Generated by `cdk-connect import-flow` from exported-inbound.json');
    expect(header).toMatch(/^\/\/ {3}queue1 +IQueue +arn:aws:connect:us-west-2:444455556666:instance\/9{8}-8888-7777-6666-5{12}\/queue\/a{8}-0000-0000-0000-000000000001$/m);
    expect(header).toMatch(/^\/\/ {3}lambdaFunction1 +lambda.IFunction +arn:aws:lambda:us-west-2:444455556666:function:customer-lookup$/m);
  });

  test('keeps the identifiers, and names variables after them', () => {
    const code = cases['exported-inbound.json'].generated.code;
    expect(code).toContain('const Greeting = new MessageParticipant(\'Greeting\', { prompt: prompt1 });');
    expect(code).toContain('const lookupCustomer = new InvokeLambdaFunction(\'Lookup customer\', {');
    expect(code).toContain('const disconnectParticipant1 = new DisconnectParticipant(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c\');');
    // The file leaves out the NextActions that the designer writes beside some branches.
    expect(code).toContain('export const definition = FlowDefinition.start(Greeting, {\n'
      + '  // The file leaves out NextActions the flow designer writes: each is given with next().\n  designerNextActions: false,\n});');
  });

  test('declares every action before linking them', () => {
    const code = cases['exported-inbound.json'].generated.code;
    const lastDeclaration = code.lastIndexOf('= new ');
    expect(code.indexOf('Greeting\n  .next(lookupCustomer)\n  .next(checkTier);')).toBeGreaterThan(lastDeclaration);
    expect(code).toContain('askBot\n  .whenIntent(\'Billing\', setQueue)\n  .otherwise(setQueue);\naskBot\n  .onTimeout(setQueue)\n  .onError(setQueue);');
  });

  test.each(Object.keys(TYPED_CASES))('writes %s with the typed classes, rendering the same actions', name => {
    const { generated } = cases[name];
    const c = TYPED_CASES[name];
    expect(generated.rawActions).toEqual([]);
    for (const text of c.contains) {
      expect(generated.code).toContain(text);
    }
    const document = renderGenerated(generated, moduleName, c.flowType);
    expect(roundTripActions(document)).toEqual(roundTripActions(c.document));
  });

  test.each(Object.keys(FALLBACK_CASES))('writes %s with parameter overrides and next() (a RawAction only for transitions no class links), rendering the same actions', name => {
    const { generated } = cases[name];
    const c = FALLBACK_CASES[name];
    expect(generated.rawActions.map(raw => /^'(.*)' \(/.exec(raw)![1])).toEqual(c.raw);
    for (const text of c.contains) {
      expect(generated.code).toContain(text);
    }
    if (c.render !== false) {
      const document = renderGenerated(generated, moduleName, c.flowType);
      expect(roundTripActions(document)).toEqual(roundTripActions(c.document));
    }
  });

  test('makes names unique and legal, and avoids the imported names', () => {
    const { code, arns } = cases['edge-cases.json'].generated;
    expect(code).toContain('const playGreeting = new RawAction(\'Play greeting\'');
    expect(code).toContain('const playGreeting2 = new RawAction(\'Play-greeting\'');
    expect(code).toContain('const RawAction2 = new RawAction(\'RawAction\'');
    expect(code).toContain('const queue1 = new RawAction(\'queue1\'');
    expect(code).toContain('const action1stStep = new RawAction(\'1st step\'');
    expect(code).toContain('const deleteAction = new RawAction(\'delete\'');
    expect(arns.map(arn => arn.name)).toEqual(['queue2', 'routingProfileArn1']);
  });

  test('writes ARNs inside a text as a template, and ARNs no construct stands for as strings', () => {
    const code = cases['edge-cases.json'].generated.code;
    expect(code).toContain('\'Queue note\': `see \\${x} \\`q\\` ${queue2.queueArn} now\\\\`,');
    expect(code).toContain('declare const routingProfileArn1: string;');
    expect(code).toContain('    Profile: routingProfileArn1,');
  });

  test('writes conditions with the factory that renders them exactly', () => {
    const code = cases['edge-cases.json'].generated.code;
    expect(code).toContain('.when(FlowCondition.numberGreaterThan(5), deleteAction)');
    expect(code).toContain('.when(FlowCondition.of(\'NumberLessThan\', [\'1.50\']), deleteAction)');
    expect(code).toContain('.when(FlowCondition.textContains(\'x\'), deleteAction)');
    expect(code).toContain('.when(FlowCondition.of(\'CustomOperator\', [\'a\', \'b\']), action1stStep)');
    // otherwise() cannot follow onError(), which returns a plain FlowAction: it starts a statement of its own.
    expect(code).toContain('  .onError(deleteAction);\nqueue1.otherwise(deleteAction);');
  });

  test('chains RawActions with one successor too', () => {
    const code = cases['edge-cases.json'].generated.code;
    expect(code).toContain('playGreeting\n  .next(playGreeting2)\n  .next(RawAction2)\n  .next(queue1);');
    expect(code).toContain('action1stStep.next(deleteAction);');
  });

  test('keeps actions not reachable from the start as unreachableActions, and says so', () => {
    const { code, unreachable, actionCount } = cases['edge-cases.json'].generated;
    expect(unreachable).toEqual(['\'Orphan\' (CustomStep)']);
    expect(actionCount).toBe(7);
    expect(code).toContain('// Not reachable from the start action \'Play greeting\' (kept, as the flow designer keeps unconnected blocks;\n'
      + '// they never run, and the flow check warns about them):\n//   \'Orphan\' (CustomStep)');
    expect(code).toContain('new RawAction(\'Orphan\'');
    expect(code).toContain('export const definition = FlowDefinition.start(playGreeting, {\n  unreachableActions: [Orphan],\n});');
  });
});

describe('code generator', () => {
  test.each([
    ['Greeting', 'Greeting'],
    ['play_greeting$', 'play_greeting$'],
    ['Play greeting', 'playGreeting'],
    ['Set VIP queue', 'setVIPQueue'],
    ['check-hours (main)', 'checkHoursMain'],
    ['1st step', 'action1stStep'],
    ['Grüße sagen', 'grüßeSagen'],
    ['delete', 'deleteAction'],
    ['new', 'newAction'],
    ['definition', 'definitionAction'],
    ['require', 'requireAction'],
    ['0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d7c', undefined],
    ['12 34', undefined],
  ])('names the variable of the identifier %j %j', (identifier, name) => {
    expect(actionVariableBase(identifier)).toBe(name);
  });

  test('names actions with generated identifiers after their type, counting', () => {
    const { code } = generate(flow('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70', [
      custom('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70', { NextAction: '0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71' }, {}, 'MessageParticipant'),
      custom('0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71', {}, {}, 'MessageParticipant'),
    ]));
    expect(code).toContain('const messageParticipant1 = new MessageParticipant(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d70\', {});');
    expect(code).toContain('const messageParticipant2 = new MessageParticipant(\'0f2b6c1e-4a5f-4e0b-9c3d-2f1a0b9e8d71\', {});');
  });

  test('writes the same ARN as one variable, and ARNs of managed resources and other services as they are', () => {
    const { code, arns } = generate(flow('a', [custom('a', {}, {
      One: SOURCE_QUEUE,
      Two: SOURCE_QUEUE,
      View: 'arn:aws:connect:us-west-2:aws:view/wizard',
      Bucket: 'arn:aws:s3:::recordings',
    })]));
    expect(arns.map(arn => arn.name)).toEqual(['queue1']);
    expect(code).toContain('    View: \'arn:aws:connect:us-west-2:aws:view/wizard\',');
    expect(code).toContain('    Bucket: \'arn:aws:s3:::recordings\',');
  });

  test('says so when the file names no resource by ARN', () => {
    expect(generate(flow('a', [custom('a')])).code).toContain('// The flow file names no Amazon Connect, Lambda or Lex resource by ARN.');
  });

  test('quotes keys that are not names, and __proto__ as a computed key', () => {
    const document = JSON.parse('{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{"a b":1,"__proto__":{"x":1}}}]}');
    const { code } = generate(document);
    expect(code).toContain('    \'a b\': 1,');
    expect(code).toContain('    [\'__proto__\']: {');
  });

  test('imports from the module it is told', () => {
    expect(generate(flow('a', [custom('a')]), { moduleName: '@acme/connect' }).code)
      .toContain('import { FlowDefinition, RawAction } from \'@acme/connect\';');
  });

  test('writes actions with the emitter registered for their type, and the RawAction fallback when it declines', () => {
    const emitter: ActionEmitter = (action, context) => {
      if (action.parameters?.Text === undefined) {
        return context.fallBack('no text');
      }
      context.importFromLibrary('MessageParticipant');
      return {
        expression: `new MessageParticipant(${context.literal(action.identifier)}, { text: ${context.literal(action.parameters.Text)} })`,
        linkBranch: branch => (branch.kind === 'error' ? { call: `.onErrorType('Custom', ${branch.target})`, needs: 'action', returns: 'action' } : undefined),
      };
    };
    const { code, rawActions } = generate(flow('Hello', [
      custom('Hello', { NextAction: 'Silent', Errors: [{ NextAction: 'Silent', ErrorType: 'NoMatchingError' }] }, { Text: 'Hi' }, 'MessageParticipant'),
      custom('Silent', {}, {}, 'MessageParticipant'),
    ]), { emitters: new Map([['MessageParticipant', emitter]]) });
    expect(code).toContain('import { FlowDefinition, MessageParticipant, RawAction } from \'cdk-connect\';');
    expect(code).toContain('const Hello = new MessageParticipant(\'Hello\', { text: \'Hi\' });');
    expect(code).toContain('Hello.next(Silent);\nHello.onErrorType(\'Custom\', Silent);');
    expect(code).toContain('// As a RawAction: no text.\nconst Silent = new RawAction(\'Silent\', {');
    expect(rawActions).toEqual(['\'Silent\' (MessageParticipant)']);
  });

  test('registers a typed emitter for the action types that have a typed class', () => {
    expect([...ACTION_EMITTERS.keys()]).toEqual(expect.arrayContaining(REQUIRED_TYPES));
    expect([...ACTION_EMITTERS.keys()]).toEqual(expect.arrayContaining([
      'ConnectParticipantWithLexBot', 'MessageParticipantIteratively', 'CheckMetricData', 'UpdateFlowAttributes',
      'UpdateContactRoutingBehavior', 'EndFlowModuleExecution', 'TransferContactToAgent',
    ]));
  });

  test('keeps short props on the line of the action, and breaks long ones', () => {
    const { code } = generate(flow('a', [
      custom('a', { NextAction: 'b' }, { Text: 'Hi' }, 'MessageParticipant'),
      custom('b', { NextAction: 'c' }, { Text: 'x'.repeat(90) }, 'MessageParticipant'),
      custom('c', {}, {}, 'DisconnectParticipant'),
    ]));
    expect(code).toContain('const a = new MessageParticipant(\'a\', { text: \'Hi\' });');
    expect(code).toContain(`const b = new MessageParticipant('b', {\n  text: '${'x'.repeat(90)}',\n});`);
    expect(code).toContain('a\n  .next(b)\n  .next(c);');
  });

  test('chains a cycle of next actions once', () => {
    const { code } = generate(flow('a', [
      custom('a', { NextAction: 'b' }, { Text: 'a' }, 'MessageParticipant'),
      custom('b', { NextAction: 'a' }, { Text: 'b' }, 'MessageParticipant'),
    ]));
    expect(code).toContain('a\n  .next(b)\n  .next(a);');
    expect(code.match(/\.next\(/g)).toHaveLength(2);
  });

  test('fails for a transition to a missing action, naming the action', () => {
    expect(() => generate(flow('a', [custom('a', { NextAction: 'gone' })])))
      .toThrow('flow document: flow action \'a\' (CustomStep) NextAction transitions to \'gone\', which is not an action in the file; actions: \'a\'');
  });

  test('fails for a document that is not flow language', () => {
    expect(() => generate({ Version: '2019-10-30', StartAction: 'a' }))
      .toThrow('flow document is not an Amazon Connect flow language document: Actions must be a non-empty list of actions, got none');
  });

  test('builds the same actions as loading the file', () => {
    // The loader and the generator read files alike: the generated actions are the loader's, in the same order.
    const loaded = FlowDefinition.importFile(path.join(FIXTURES, 'exported-inbound.json'), { allowLiteralArns: true });
    expect(loaded.actions.every(action => action instanceof RawAction)).toBe(true);
    const { code } = generate(fixture('exported-inbound.json'));
    const declared = [...code.matchAll(/= new \w+\('([^']*)'/g)].map(match => match[1]);
    expect(new Set(declared)).toEqual(new Set(loaded.actions.map(action => action.id)));
  });
});
