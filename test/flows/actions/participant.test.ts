import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lex from 'aws-cdk-lib/aws-lex';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ContactFlowType } from '../../../src/constructs/contact-flow';
import { ContactFlowModule } from '../../../src/constructs/contact-flow-module';
import { IInstance } from '../../../src/constructs/instance';
import { IPrompt, Prompt, PromptSource } from '../../../src/constructs/prompt';
import { View, ViewTemplate } from '../../../src/constructs/view';
import { FlowAction, FlowCondition, FlowDefinition, RawAction } from '../../../src/flows';
import {
  AuthenticateParticipant,
  ConnectParticipantWithLexBot,
  DisconnectParticipant,
  GetParticipantInput,
  MessageParticipant,
  MessageParticipantIteratively,
  PhoneNumberInputFormat,
  ShowView,
} from '../../../src/flows/actions/participant';
import { INSTANCE_ARN, testStack } from '../../helpers';
import { actionOf, dependenciesOf, end, expectJsonWarning, expectWarning, expectWarningWhen, render, renderJson, renderModule } from '../render';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';
const ALIAS_ARN = 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID';

/** Routes the errors of an action to `failed` (a new `Failed` end by default) and returns the action. */
function handled<T extends FlowAction>(action: T, failed: FlowAction = end('Failed')): T {
  action.onError(failed);
  return action;
}

/** The logical ids the flow `Flow` of a stack depends on. */
function flowDependencies(stack: Stack): string[] {
  return dependenciesOf(stack, stack.node.findChild('Flow'));
}

/** A prompt defined in the stack, whose ARN is a token. */
function definedPrompt(stack: Stack, instance: IInstance): IPrompt {
  const bucket = s3.Bucket.fromBucketName(stack, 'Audio', 'amzn-s3-demo-bucket');
  return new Prompt(stack, 'Welcome', { instance, promptName: 'Welcome', source: PromptSource.fromBucket(bucket, 'welcome.wav') });
}

/** A JSON action with a next action `End`, followed by that `DisconnectParticipant`. */
function jsonAction(type: string, parameters: any, transitions: any = { NextAction: 'End' }): any[] {
  return [
    { Identifier: 'Under test', Type: type, Parameters: parameters, Transitions: transitions },
    { Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ];
}

/** Transitions that continue with `End` and route every error there. */
const TO_END = { NextAction: 'End', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] };

/** Transitions of a ConnectParticipantWithLexBot that route every branch Amazon Connect requires to `End`. */
const LEX_TO_END = {
  NextAction: 'End',
  Errors: ['InputTimeLimitExceeded', 'NoMatchingCondition', 'NoMatchingError'].map(errorType => ({ NextAction: 'End', ErrorType: errorType })),
};

/** Transitions of a ShowView that route every branch Amazon Connect requires to `End`. */
const VIEW_TO_END = {
  NextAction: 'End',
  Errors: ['NoMatchingCondition', 'TimeLimitExceeded', 'NoMatchingError'].map(errorType => ({ NextAction: 'End', ErrorType: errorType })),
};

/** Routes the branches Amazon Connect requires of a ShowView (timeout, no view action, error) and its next action. */
function viewRouted(show: ShowView): ShowView {
  show.next(end('Next'));
  show.otherwise(end('Other'));
  show.onTimeout(end('Late')).onError(end('Failed'));
  return show;
}

/** Routes the branches Amazon Connect requires of a Lex bot action (timeout, no intent, error) and its next action. */
function lexRouted(bot: ConnectParticipantWithLexBot): ConnectParticipantWithLexBot {
  bot.next(end('Done'));
  bot.otherwise(end('Other'));
  bot.onTimeout(end('Late')).onError(end('Failed'));
  return bot;
}

describe('MessageParticipant', () => {
  /** A message with its errors routed to `Failed` and its next action `Bye`. */
  function message(id: string, props: ConstructorParameters<typeof MessageParticipant>[1]): MessageParticipant {
    const action = handled(new MessageParticipant(id, props));
    action.next(end('Bye'));
    return action;
  }

  test('renders text as the Text parameter, continues with its next action and routes its error', () => {
    expect(actionOf(render(message('Greeting', { text: 'Welcome to Example Corp.' })), 'Greeting')).toEqual({
      Identifier: 'Greeting',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Welcome to Example Corp.' },
      Transitions: { NextAction: 'Bye', Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] },
    });
  });

  test('renders SSML, and an audio file in S3 as a Media source', () => {
    const failed = end('Failed');
    const ssml = handled(new MessageParticipant('Ssml', { ssml: '<speak>Hello</speak>' }), failed);
    const audio = handled(new MessageParticipant('Audio', { s3AudioUri: 'https://amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com/hello.wav' }), failed);
    const document = render(ssml.next(audio).next(end('Bye')));
    expect(actionOf(document, 'Ssml').Parameters).toEqual({ SSML: '<speak>Hello</speak>' });
    expect(actionOf(document, 'Audio').Parameters).toEqual({
      Media: { Uri: 'https://amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com/hello.wav', SourceType: 'S3', MediaType: 'Audio' },
    });
  });

  test('renders a prompt as the ARN of the prompt construct', () => {
    const stackAndInstance = testStack();
    const { stack, instance } = stackAndInstance;
    const prompt = definedPrompt(stack, instance);
    const document = render(message('Play', { prompt }), ContactFlowType.CONTACT_FLOW, stackAndInstance);
    // The reference makes CloudFormation create the prompt before the flow.
    expect(actionOf(document, 'Play').Parameters).toEqual({ PromptId: { 'Fn::GetAtt': [expect.stringMatching(/^Welcome/), 'PromptArn'] } });
  });

  test('renders an imported prompt as its ARN', () => {
    const stackAndInstance = testStack();
    const prompt = Prompt.fromPromptArn(stackAndInstance.stack, 'Imported', `${INSTANCE_ARN}/prompt/p1`);
    const document = render(message('Play', { prompt }), ContactFlowType.CONTACT_FLOW, stackAndInstance);
    expect(actionOf(document, 'Play').Parameters).toEqual({ PromptId: `${INSTANCE_ARN}/prompt/p1` });
  });

  test('fails without a message, naming the action', () => {
    expect(() => render(message('Empty', {})))
      .toThrow(/flow action 'Empty' \(MessageParticipant\) needs exactly one of the parameters PromptId, Text, SSML, Media, got none/);
  });

  test('fails with two messages', () => {
    expect(() => render(message('Two', { text: 'Hi', ssml: '<speak>Hi</speak>' })))
      .toThrow(/flow action 'Two' \(MessageParticipant\) needs exactly one of the parameters PromptId, Text, SSML, Media, got Text, SSML/);
  });

  test('fails for text longer than 6,000 characters', () => {
    expect(() => render(message('Long', { text: 'a'.repeat(6001) })))
      .toThrow(/flow action 'Long' \(MessageParticipant\) parameter Text must be a string of 1 to 6000 characters, got 6001 characters/);
  });

  test('fails for a prompt of another instance', () => {
    const stackAndInstance = testStack();
    const prompt = Prompt.fromPromptArn(stackAndInstance.stack, 'Other', `${OTHER_INSTANCE_ARN}/prompt/p1`);
    expect(() => render(message('Play', { prompt }), ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(/flow action 'Play' \(MessageParticipant\) references the prompt '.*Other' of instance .*99999999/);
  });

  test('fails in a hold flow', () => {
    expect(() => render(message('Hold', { text: 'Please hold' }), ContactFlowType.CUSTOMER_HOLD))
      .toThrow(/flow action 'Hold' \(MessageParticipant\) cannot be used in a CUSTOMER_HOLD flow/);
  });

  test('fails as a dead end', () => {
    expectWarning(handled(new MessageParticipant('Open', { text: 'Hi' })), /flow action 'Open' \(MessageParticipant\) is a dead end/);
  });

  test('fails when its error is not routed', () => {
    expectWarning(new MessageParticipant('Unhandled', { text: 'Hi' }).next(end('Bye')), /flow action 'Unhandled' \(MessageParticipant\) does not handle NoMatchingError: route each error with onErrorType\(\), or every error to a default with onError\(\)/);
  });

  test('fails for a media source other than S3 audio (JSON content)', () => {
    expect(() => renderJson(jsonAction('MessageParticipant', { Media: { Uri: 'https://example.com/a.wav', SourceType: 'HTTP', MediaType: 'Audio' } }, TO_END)))
      .toThrow(/flow action 'Under test' \(MessageParticipant\) parameter Media.SourceType must be one of S3, got "HTTP"/);
    expect(() => renderJson(jsonAction('MessageParticipant', { Media: { SourceType: 'S3', MediaType: 'Audio' } }, TO_END)))
      .toThrow(/flow action 'Under test' \(MessageParticipant\) parameter Media.Uri is required/);
  });

  test('fails without its error branch (JSON content)', () => {
    expectJsonWarning(jsonAction('MessageParticipant', { Text: 'Hi' }), /flow action 'Under test' \(MessageParticipant\) does not handle NoMatchingError/);
  });
});

describe('MessageParticipantIteratively', () => {
  test('renders the messages and the interruption, and branches when interrupted', () => {
    const stackAndInstance = testStack();
    const { stack, instance } = stackAndInstance;
    const prompt = definedPrompt(stack, instance);
    const loop = new MessageParticipantIteratively('Waiting', {
      messages: [{ text: 'Thank you for waiting.' }, { prompt }],
      interruptEvery: Duration.minutes(1),
    }).whenInterrupted(end('Offer'));
    loop.onError(end('Failed'));
    const document = render(loop, ContactFlowType.CUSTOMER_QUEUE, stackAndInstance);

    expect(actionOf(document, 'Waiting')).toEqual({
      Identifier: 'Waiting',
      Type: 'MessageParticipantIteratively',
      Parameters: {
        Messages: [{ Text: 'Thank you for waiting.' }, { PromptId: { 'Fn::GetAtt': [expect.stringMatching(/^Welcome/), 'PromptArn'] } }],
        InterruptFrequencySeconds: '60',
      },
      Transitions: {
        Conditions: [{ NextAction: 'Offer', Condition: { Operator: 'Equals', Operands: ['MessagesInterrupted'] } }],
        Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }],
      },
    });
  });

  test('loops without interruption as the end of a hold flow, with only its error branch', () => {
    const music = handled(new MessageParticipantIteratively('Music', { messages: [{ s3AudioUri: 's3://amzn-s3-demo-bucket/music.wav' }] }));
    const document = render(music, ContactFlowType.CUSTOMER_HOLD);
    expect(actionOf(document, 'Music')).toEqual({
      Identifier: 'Music',
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: [{ Media: { Uri: 's3://amzn-s3-demo-bucket/music.wav', SourceType: 'S3', MediaType: 'Audio' } }] },
      Transitions: { Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] },
    });
  });

  test('fails when its error is not routed', () => {
    expectWarning(new MessageParticipantIteratively('Music', { messages: [{ text: 'Please hold' }] }), /flow action 'Music' \(MessageParticipantIteratively\) does not handle NoMatchingError/, ContactFlowType.AGENT_HOLD);
  });

  test('fails to branch on an interruption without interruptEvery', () => {
    const loop = handled(new MessageParticipantIteratively('Loop', { messages: [{ text: 'Please wait' }] }).whenInterrupted(end('Offer')));
    expect(() => render(loop, ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Loop' \(MessageParticipantIteratively\) parameter InterruptFrequencySeconds is required: the loop is interrupted \(the MessagesInterrupted condition\) only after an interruption time/);
  });

  test('takes a next action as the flow designer writes one, and is no open end of a chain', () => {
    const loop = handled(new MessageParticipantIteratively('Loop', { messages: [{ text: 'Please wait' }] }));
    expect(loop.next(end('Bye')).endActions).toEqual([]);
    expect(actionOf(render(loop, ContactFlowType.CUSTOMER_QUEUE), 'Loop').Transitions.NextAction).toBe('Bye');
  });

  test('fails for a message with two contents', () => {
    const loop = handled(new MessageParticipantIteratively('Loop', { messages: [{ text: 'a' }, { text: 'b', ssml: '<speak>b</speak>' }] }));
    expect(() => render(loop, ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Loop' \(MessageParticipantIteratively\) needs exactly one of the parameters Messages.1.PromptId, Messages.1.Text, Messages.1.SSML, Messages.1.Media, got Messages.1.Text, Messages.1.SSML/);
  });

  test('fails for no messages', () => {
    expect(() => render(handled(new MessageParticipantIteratively('Loop', { messages: [] })), ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Loop' \(MessageParticipantIteratively\) parameter Messages must be a list of 1 or more messages, got \[\]/);
  });

  test('fails in an inbound flow', () => {
    expect(() => render(new MessageParticipantIteratively('Loop', { messages: [{ text: 'Please wait' }] })))
      .toThrow(/flow action 'Loop' \(MessageParticipantIteratively\) cannot be used in a CONTACT_FLOW flow; it is allowed in: CUSTOMER_QUEUE flow, CUSTOMER_HOLD flow, AGENT_HOLD flow/);
  });

  test('fails for an interruption that is not a whole number of seconds', () => {
    const loop = new MessageParticipantIteratively('Loop', { messages: [{ text: 'Please wait' }], interruptEvery: Duration.millis(1500) });
    expect(() => render(loop, ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Loop' \(MessageParticipantIteratively\) interruptEvery must be a whole number of seconds, got 1 second 500 millis/);
  });

  test('fails for a zero interruption and for a condition other than MessagesInterrupted; accepts a NextAction (JSON content)', () => {
    expect(() => renderJson(jsonAction('MessageParticipantIteratively', { Messages: [{ Text: 'Wait' }], InterruptFrequencySeconds: '0' }, TO_END),
      ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Under test' \(MessageParticipantIteratively\) parameter InterruptFrequencySeconds must be a whole number of seconds greater than 0, got "0"/);
    expect(() => renderJson(jsonAction('MessageParticipantIteratively', { Messages: [{ Text: 'Wait' }], InterruptFrequencySeconds: '30' }, {
      ...TO_END,
      Conditions: [{ NextAction: 'End', Condition: { Operator: 'Equals', Operands: ['Timeout'] } }],
    }), ContactFlowType.CUSTOMER_QUEUE))
      .toThrow(/flow action 'Under test' \(MessageParticipantIteratively\) takes only the condition Equals MessagesInterrupted, got Equals "Timeout"/);
    expect(() => renderJson(jsonAction('MessageParticipantIteratively', { Messages: [{ Text: 'Wait' }] }, TO_END), ContactFlowType.CUSTOMER_QUEUE))
      .not.toThrow();
  });
});

describe('GetParticipantInput', () => {
  function menu(props: ConstructorParameters<typeof GetParticipantInput>[1] = { text: 'Press 1 for sales, 2 for support.' }): GetParticipantInput {
    return new GetParticipantInput('Menu', props);
  }

  test('renders a DTMF menu: key conditions, the default branch as the next action too, and the timeout', () => {
    const input = menu({ text: 'Press 1 for sales, 2 for support.', timeout: Duration.seconds(8) });
    const sorry = end('Sorry');
    input.when(FlowCondition.equalTo('1'), end('Sales')).when(FlowCondition.equalTo('2'), end('Support')).otherwise(sorry);
    input.onTimeout(sorry).onError(sorry);
    const document = render(input);
    expect(actionOf(document, 'Menu')).toEqual({
      Identifier: 'Menu',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1 for sales, 2 for support.', InputTimeLimitSeconds: '8', StoreInput: 'False' },
      Transitions: {
        NextAction: 'Sorry',
        Conditions: [
          { NextAction: 'Sales', Condition: { Operator: 'Equals', Operands: ['1'] } },
          { NextAction: 'Support', Condition: { Operator: 'Equals', Operands: ['2'] } },
        ],
        Errors: [
          { NextAction: 'Sorry', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'Sorry', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'Sorry', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  test('waits 5 seconds by default, and renders the DTMF options', () => {
    const input = menu({
      prompt: Prompt.fromPromptArn(new Stack(), 'P', `${INSTANCE_ARN}/prompt/menu`),
      dtmf: { terminator: '#', disableCancelKey: true, interdigitTimeout: Duration.seconds(5) },
    });
    input.when(FlowCondition.equalTo('#'), end('Hash')).otherwise(end('Other'));
    input.onError(end('Failed'));
    expect(actionOf(render(input), 'Menu').Parameters).toEqual({
      PromptId: `${INSTANCE_ARN}/prompt/menu`,
      InputTimeLimitSeconds: '5',
      StoreInput: 'False',
      DTMFConfiguration: { InputTerminationSequence: '#', DisableCancelKey: 'True', InterdigitTimeLimitSeconds: '5' },
    });
  });

  test('stores digits, encrypted, and continues with its next action', () => {
    const input = menu({
      text: 'Enter your card number, then press #.',
      timeout: Duration.seconds(10),
      dtmf: { terminator: '#' },
      storeInput: { maxDigits: 16, encryption: { encryptionKeyId: 'key-1', publicKey: '-----BEGIN PUBLIC KEY-----' } },
    });
    input.next(end('Stored'));
    input.onError(end('Failed'));
    expect(actionOf(render(input), 'Menu')).toEqual({
      Identifier: 'Menu',
      Type: 'GetParticipantInput',
      Parameters: {
        Text: 'Enter your card number, then press #.',
        InputTimeLimitSeconds: '10',
        StoreInput: 'True',
        InputValidation: { CustomValidation: { MaximumLength: '16' } },
        InputEncryption: { EncryptionKeyId: 'key-1', Key: '-----BEGIN PUBLIC KEY-----' },
        DTMFConfiguration: { InputTerminationSequence: '#' },
      },
      Transitions: { NextAction: 'Stored', Errors: [{ NextAction: 'Failed', ErrorType: 'NoMatchingError' }] },
    });
  });

  test('stores a phone number and branches when it is invalid', () => {
    const input = menu({ text: 'Enter your phone number.', storeInput: { phoneNumberFormat: PhoneNumberInputFormat.LOCAL, countryCode: 'US' } });
    input.next(end('Stored'));
    input.onInvalidPhoneNumber(end('Invalid')).onError(end('Failed'));
    const action = actionOf(render(input), 'Menu');
    expect(action.Parameters.InputValidation).toEqual({ PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } });
    expect(action.Transitions.Errors).toEqual([
      { NextAction: 'Invalid', ErrorType: 'InvalidPhoneNumber' },
      { NextAction: 'Failed', ErrorType: 'NoMatchingError' },
    ]);
  });

  test.each([
    [FlowCondition.equalTo('12'), 'Equals "12"'],
    [FlowCondition.numberGreaterThan(1), 'NumberGreaterThan "1"'],
  ])('fails for the condition %j, naming the action', (condition, got) => {
    const input = menu();
    input.when(condition, end('Next')).otherwise(end('Other'));
    input.onError(end('Failed'));
    expect(() => render(input)).toThrow(`flow action 'Menu' (GetParticipantInput) conditions must be Equals with one key: 0-9, * or #, got ${got}`);
  });

  test('fails to branch on stored input', () => {
    const input = menu({ storeInput: { maxDigits: 4 } });
    input.when(FlowCondition.equalTo('1'), end('One')).otherwise(end('Other'));
    input.onError(end('Failed'));
    expect(() => render(input))
      .toThrow(/flow action 'Menu' \(GetParticipantInput\) stores its input \(StoreInput True\), so it takes no conditions; continue it with its next action/);
  });

  function failing(props: ConstructorParameters<typeof GetParticipantInput>[1], message: RegExp): void {
    const input = menu(props);
    input.next(end('Next'));
    input.onError(end('Failed'));
    expect(() => render(input)).toThrow(message);
  }

  test.each([
    [Duration.minutes(4), '240'],
    [Duration.seconds(0), '0'],
  ])('fails for the timeout %s: 1 to 180 seconds', (timeout, got) => {
    failing({ text: 'Hi', timeout },
      new RegExp(`flow action 'Menu' \\(GetParticipantInput\\) parameter InputTimeLimitSeconds must be an integer from 1 to 180 seconds, got "${got}"`));
  });

  test('fails for an interdigit timeout longer than 20 seconds', () => {
    failing({ text: 'Hi', dtmf: { interdigitTimeout: Duration.seconds(21) } },
      /flow action 'Menu' \(GetParticipantInput\) parameter DTMFConfiguration.InterdigitTimeLimitSeconds must be an integer from 1 to 20 seconds, got "21"/);
  });

  test.each(['123456', 'A', ''])('fails for the terminator %j', (terminator) => {
    failing({ text: 'Hi', dtmf: { terminator } },
      /flow action 'Menu' \(GetParticipantInput\) parameter DTMFConfiguration.InputTerminationSequence must be 1 to 5 keys of 0-9, \* and #/);
  });

  test('fails for stored input checked both by digits and as a phone number, or neither', () => {
    failing({ text: 'Hi', storeInput: { maxDigits: 10, phoneNumberFormat: PhoneNumberInputFormat.E164 } },
      /flow action 'Menu' \(GetParticipantInput\) needs exactly one of the parameters InputValidation.PhoneNumberValidation, InputValidation.CustomValidation, got InputValidation.PhoneNumberValidation, InputValidation.CustomValidation/);
    failing({ text: 'Hi', storeInput: {} },
      /flow action 'Menu' \(GetParticipantInput\) needs exactly one of the parameters InputValidation.PhoneNumberValidation, InputValidation.CustomValidation, got none/);
  });

  test('fails for a local phone number format without a country code, and for a bad country code', () => {
    failing({ text: 'Hi', storeInput: { phoneNumberFormat: PhoneNumberInputFormat.LOCAL } },
      /flow action 'Menu' \(GetParticipantInput\) parameter InputValidation.PhoneNumberValidation.CountryCode is required: a Local number format needs the two-letter country code/);
    failing({ text: 'Hi', storeInput: { phoneNumberFormat: PhoneNumberInputFormat.LOCAL, countryCode: 'USA' } },
      /parameter InputValidation.PhoneNumberValidation.CountryCode must be a two-letter country code such as US, got "USA"/);
  });

  test('fails for encryption of a phone number', () => {
    failing({ text: 'Hi', storeInput: { phoneNumberFormat: PhoneNumberInputFormat.E164, encryption: { encryptionKeyId: 'k', publicKey: 'p' } } },
      /flow action 'Menu' \(GetParticipantInput\) takes InputEncryption only with InputValidation.CustomValidation/);
  });

  test('fails for a maximum number of digits of 0', () => {
    failing({ text: 'Hi', storeInput: { maxDigits: 0 } },
      /parameter InputValidation.CustomValidation.MaximumLength must be a whole number of digits greater than 0, got "0"/);
  });

  test('fails for two messages', () => {
    failing({ text: 'Hi', ssml: '<speak>Hi</speak>' },
      /flow action 'Menu' \(GetParticipantInput\) takes at most one of the parameters PromptId, Text, SSML, Media, got Text, SSML/);
  });

  test('fails for a timeout that is not a whole number of seconds', () => {
    expect(() => render(menu({ text: 'Hi', timeout: Duration.millis(2500) }).next(end('Next'))))
      .toThrow(/flow action 'Menu' \(GetParticipantInput\) timeout must be a whole number of seconds, got 2 seconds 500 millis/);
  });

  test('fails without a timeout, and for validation of input that is not stored (JSON content)', () => {
    expect(() => renderJson(jsonAction('GetParticipantInput', { Text: 'Hi', StoreInput: 'False' }, TO_END)))
      .toThrow(/flow action 'Under test' \(GetParticipantInput\) parameter InputTimeLimitSeconds is required/);
    expect(() => renderJson(jsonAction('GetParticipantInput',
      { InputTimeLimitSeconds: '5', StoreInput: 'False', InputValidation: { CustomValidation: { MaximumLength: '4' } } }, TO_END)))
      .toThrow(/flow action 'Under test' \(GetParticipantInput\) takes InputValidation only when StoreInput is True/);
    expect(() => renderJson(jsonAction('GetParticipantInput', { InputTimeLimitSeconds: '5', StoreInput: 'Yes' }, TO_END)))
      .toThrow(/flow action 'Under test' \(GetParticipantInput\) parameter StoreInput must be one of True, False, got "Yes"/);
  });

  test('fails when the timeout is not handled', () => {
    const input = menu();
    input.when(FlowCondition.equalTo('1'), end('One')).otherwise(end('Other'));
    expectWarning(input, /flow action 'Menu' \(GetParticipantInput\) does not handle InputTimeLimitExceeded, InvalidPhoneNumber, NoMatchingError: /);
  });

  test('fails when no key matches and there is no otherwise branch', () => {
    const input = menu();
    input.when(FlowCondition.equalTo('1'), end('One'));
    input.onError(end('Failed'));
    expectWarning(input, /flow action 'Menu' \(GetParticipantInput\) does not handle NoMatchingCondition: route NoMatchingCondition with otherwise\(\)/);
  });

  test('fails in an agent whisper flow', () => {
    expect(() => render(menu().next(end('Next')), ContactFlowType.AGENT_WHISPER))
      .toThrow(/flow action 'Menu' \(GetParticipantInput\) cannot be used in a AGENT_WHISPER flow/);
  });

  test('is allowed in a flow module', () => {
    const input = menu({ text: 'Hi' });
    input.next(end('Next'));
    input.onError(end('Failed'));
    const { document } = renderModule(FlowDefinition.start(input));
    expect(actionOf(document, 'Menu').Parameters.InputTimeLimitSeconds).toBe('5');
  });
});

describe('ConnectParticipantWithLexBot', () => {
  test('renders the bot alias as its ARN, session attributes and the chat timeout; intents are conditions', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
    const bot = new ConnectParticipantWithLexBot('Bot', {
      text: 'How can I help you?',
      botAlias: alias,
      sessionAttributes: { customerId: '$.Attributes.customerId' },
      chatTimeout: Duration.minutes(5),
    });
    const sorry = end('Sorry');
    bot.whenIntent('CheckBalance', end('Balance')).otherwise(sorry);
    bot.onTimeout(sorry).onError(sorry);
    const document = render(bot, ContactFlowType.CONTACT_FLOW, stackAndInstance);

    expect(actionOf(document, 'Bot')).toEqual({
      Identifier: 'Bot',
      Type: 'ConnectParticipantWithLexBot',
      Parameters: {
        Text: 'How can I help you?',
        LexV2Bot: { AliasArn: { 'Fn::GetAtt': [expect.stringMatching(/^Alias/), 'Arn'] } },
        LexSessionAttributes: { customerId: '$.Attributes.customerId' },
        LexTimeoutSeconds: { Text: '300' },
      },
      Transitions: {
        NextAction: 'Sorry',
        Conditions: [{ NextAction: 'Balance', Condition: { Operator: 'Equals', Operands: ['CheckBalance'] } }],
        Errors: [
          { NextAction: 'Sorry', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'Sorry', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'Sorry', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  test('associates the bot alias with the instance, and the flow depends on the association', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const alias = new lex.CfnBotAlias(stack, 'Alias', { botId: 'ABCDEFGHIJ', botAliasName: 'live' });
    const bot = lexRouted(new ConnectParticipantWithLexBot('Bot', { botAlias: alias }));
    render(bot, ContactFlowType.CONTACT_FLOW, stackAndInstance);

    const template = Template.fromStack(stack);
    const associations = template.findResources('AWS::Connect::IntegrationAssociation', { Properties: { IntegrationType: 'LEX_BOT' } });
    expect(Object.keys(associations)).toHaveLength(1);
    expect(flowDependencies(stack)).toContain(Object.keys(associations)[0]);
  });

  test('fails for a condition other than Equals', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const bot = new ConnectParticipantWithLexBot('Bot', { botAlias: new lex.CfnBotAlias(stack, 'Alias', { botId: 'B', botAliasName: 'a' }) });
    bot.when(FlowCondition.textContains('Balance'), end('Balance')).otherwise(end('Other'));
    bot.onTimeout(end('Late')).onError(end('Failed'));
    expect(() => render(bot, ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(/flow action 'Bot' \(ConnectParticipantWithLexBot\) conditions must be Equals with an intent name, got TextContains "Balance"/);
  });

  test('fails for a chat timeout longer than 7 days', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const bot = new ConnectParticipantWithLexBot('Bot', {
      botAlias: new lex.CfnBotAlias(stack, 'Alias', { botId: 'B', botAliasName: 'a' }),
      chatTimeout: Duration.days(8),
    });
    lexRouted(bot);
    expect(() => render(bot, ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(/flow action 'Bot' \(ConnectParticipantWithLexBot\) parameter LexTimeoutSeconds.Text must be an integer from 1 to 604800 seconds, got "691200"/);
  });

  test('fails in a hold flow', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const bot = lexRouted(new ConnectParticipantWithLexBot('Bot', { botAlias: new lex.CfnBotAlias(stack, 'Alias', { botId: 'B', botAliasName: 'a' }) }));
    expect(() => render(bot, ContactFlowType.AGENT_HOLD, stackAndInstance))
      .toThrow(/flow action 'Bot' \(ConnectParticipantWithLexBot\) cannot be used in a AGENT_HOLD flow/);
  });

  test('fails when the timeout or the error is not handled: Amazon Connect requires both branches', () => {
    const { stack, instance } = testStack();
    const bot = new ConnectParticipantWithLexBot('Bot', { botAlias: new lex.CfnBotAlias(stack, 'Alias', { botId: 'B', botAliasName: 'a' }) });
    bot.whenIntent('Help', end('Help')).otherwise(end('Other'));
    expect(() => render(bot, ContactFlowType.CONTACT_FLOW, { stack, instance }))
      .toThrow(/flow action 'Bot' \(ConnectParticipantWithLexBot\) has no branch for InputTimeLimitExceeded, NoMatchingError: Amazon Connect requires each \(CreateContactFlow answers "Action is missing required error. Error: InputTimeLimitExceeded"\); route each with onTimeout\(\), onError\(\)/);
  });

  test('fails without otherwise(): Amazon Connect requires the NoMatchingCondition branch', () => {
    const { stack, instance } = testStack();
    const bot = new ConnectParticipantWithLexBot('Bot', { botAlias: new lex.CfnBotAlias(stack, 'Alias', { botId: 'B', botAliasName: 'a' }) });
    bot.whenIntent('Help', end('Help')).onTimeout(end('Late')).onError(end('Failed'));
    expect(() => render(bot, ContactFlowType.CONTACT_FLOW, { stack, instance }))
      .toThrow(/flow action 'Bot' \(ConnectParticipantWithLexBot\) has no branch for NoMatchingCondition: Amazon Connect requires it .*; route it with otherwise\(\)/);
  });

  test('fails without a bot, with two bots, and for a malformed alias ARN (JSON content)', () => {
    expect(() => renderJson(jsonAction('ConnectParticipantWithLexBot', { Text: 'Hi' }, LEX_TO_END)))
      .toThrow(/flow action 'Under test' \(ConnectParticipantWithLexBot\) needs exactly one of the parameters LexV2Bot, LexBot, got none/);
    expect(() => renderJson(jsonAction('ConnectParticipantWithLexBot',
      { LexV2Bot: { AliasArn: ALIAS_ARN }, LexBot: { Name: 'b', Region: 'us-east-1', Alias: 'a' } }, LEX_TO_END)))
      .toThrow(/needs exactly one of the parameters LexV2Bot, LexBot, got LexV2Bot, LexBot/);
    expect(() => renderJson(jsonAction('ConnectParticipantWithLexBot', { LexV2Bot: { AliasArn: 'arn:aws:lex:us-east-1:111122223333:bot/ABC' } }, LEX_TO_END)))
      .toThrow(/parameter LexV2Bot.AliasArn must be the ARN of a Lex V2 bot alias/);
    expect(() => renderJson(jsonAction('ConnectParticipantWithLexBot', { LexBot: { Name: 'b', Region: 'us-east-1' } }, LEX_TO_END)))
      .toThrow(/parameter LexBot.Alias is required/);
  });

  test('accepts a valid bot given as JSON', () => {
    expect(() => renderJson(jsonAction('ConnectParticipantWithLexBot', { LexV2Bot: { AliasArn: ALIAS_ARN }, LexTimeoutSeconds: { Text: '$.Attributes.t' } },
      LEX_TO_END))).not.toThrow();
  });
});

describe('ShowView', () => {
  function defined(stack: Stack, instance: IInstance): View {
    return new View(stack, 'Form', { instance, template: ViewTemplate.fromObject({ Head: {}, Body: [] }), actions: ['Confirm', 'Cancel'] });
  }

  test('renders the view as its ARN, with version, time limit, data and hidden responses; view actions are conditions', () => {
    const stackAndInstance = testStack();
    const { stack, instance } = stackAndInstance;
    const show = new ShowView('Confirm', {
      view: defined(stack, instance),
      version: '$LATEST',
      timeLimit: Duration.minutes(5),
      viewData: { Heading: 'Confirm the order', OrderId: '$.Attributes.orderId' },
      hideResponseInTranscript: true,
    });
    const bye = end('Bye');
    show.whenAction('Confirm', end('Order')).whenAction('Cancel', bye);
    show.onTimeout(bye).otherwise(bye).onError(bye);
    const document = render(show, ContactFlowType.CONTACT_FLOW, stackAndInstance);

    expect(actionOf(document, 'Confirm')).toEqual({
      Identifier: 'Confirm',
      Type: 'ShowView',
      Parameters: {
        ViewResource: { Id: { 'Fn::GetAtt': [expect.stringMatching(/^Form/), 'ViewArn'] }, Version: '$LATEST' },
        InvocationTimeLimitSeconds: '300',
        ViewData: { Heading: 'Confirm the order', OrderId: '$.Attributes.orderId' },
        SensitiveDataConfiguration: { HideResponseOn: ['TRANSCRIPT'] },
      },
      Transitions: {
        NextAction: 'Bye',
        Conditions: [
          { NextAction: 'Order', Condition: { Operator: 'Equals', Operands: ['Confirm'] } },
          { NextAction: 'Bye', Condition: { Operator: 'Equals', Operands: ['Cancel'] } },
        ],
        Errors: [
          { NextAction: 'Bye', ErrorType: 'TimeLimitExceeded' },
          { NextAction: 'Bye', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'Bye', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  test('renders an AWS managed view with its ARN and only the parameters given', () => {
    const stackAndInstance = testStack();
    const { stack, instance } = stackAndInstance;
    const view = View.fromManagedViewArn(stack, 'Detail', 'arn:aws:connect:us-east-1:aws:view/detail', instance);
    const show = viewRouted(new ShowView('Detail', { view }));
    expect(actionOf(render(show, ContactFlowType.CUSTOMER_QUEUE, stackAndInstance), 'Detail').Parameters)
      .toEqual({ ViewResource: { Id: 'arn:aws:connect:us-east-1:aws:view/detail' } });
  });

  function simple(stack: Stack, view?: View): ShowView {
    return viewRouted(new ShowView('Show', { view: view ?? View.fromViewArn(stack, 'V', `${INSTANCE_ARN}/view/v1`) }));
  }

  test('fails in a customer whisper flow', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    expect(() => render(simple(stack), ContactFlowType.CUSTOMER_WHISPER, stackAndInstance))
      .toThrow(/flow action 'Show' \(ShowView\) cannot be used in a CUSTOMER_WHISPER flow; it is allowed in: CONTACT_FLOW flow, CUSTOMER_QUEUE flow, flow module/);
  });

  test('fails for a view of another instance', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const other = View.fromViewArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/view/v1`) as View;
    expect(() => render(simple(stack, other), ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(/flow action 'Show' \(ShowView\) references the view '.*Other' of instance/);
  });

  test('fails when the time limit or no view action is not handled: Amazon Connect requires both branches', () => {
    const { stack, instance } = testStack();
    const show = new ShowView('Show', { view: View.fromViewArn(stack, 'V', `${INSTANCE_ARN}/view/v1`), timeLimit: Duration.minutes(1) });
    show.next(end('Next'));
    show.onError(end('Failed'));
    expect(() => render(show, ContactFlowType.CONTACT_FLOW, { stack, instance }))
      .toThrow(/flow action 'Show' \(ShowView\) has no branch for NoMatchingCondition, TimeLimitExceeded: Amazon Connect requires each \(CreateContactFlow answers "Action is missing required error. Error: NoMatchingCondition"\); route each with otherwise\(\), onTimeout\(\)/);
  });

  test('warns when its error is not handled', () => {
    expectWarningWhen(stackAndInstance => {
      const show = new ShowView('Show', { view: View.fromViewArn(stackAndInstance.stack, 'V', `${INSTANCE_ARN}/view/v1`) });
      show.next(end('Next'));
      show.onTimeout(end('Late')).otherwise(end('Other'));
      render(show, ContactFlowType.CONTACT_FLOW, stackAndInstance);
    }, /flow action 'Show' \(ShowView\) does not handle NoMatchingError: /);
  });

  test('fails without a view, for a zero time limit and for an unknown hidden response (JSON content)', () => {
    expect(() => renderJson(jsonAction('ShowView', { ViewData: {} }, VIEW_TO_END)))
      .toThrow(/flow action 'Under test' \(ShowView\) parameter ViewResource.Id is required: the view to show/);
    expect(() => renderJson(jsonAction('ShowView', { ViewResource: { Id: 'v' }, InvocationTimeLimitSeconds: 0 }, VIEW_TO_END)))
      .toThrow(/parameter InvocationTimeLimitSeconds must be a whole number of seconds greater than 0, got 0/);
    expect(() => renderJson(jsonAction('ShowView', { ViewResource: { Id: 'v' }, SensitiveDataConfiguration: { HideResponseOn: ['CHAT'] } }, VIEW_TO_END)))
      .toThrow(/parameter SensitiveDataConfiguration.HideResponseOn may only contain TRANSCRIPT, got "CHAT"/);
  });
});

describe('DisconnectParticipant', () => {
  test('renders no parameters and no transitions', () => {
    expect(actionOf(render(new DisconnectParticipant('Bye')), 'Bye')).toEqual({ Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });
  });

  test.each(Object.values(ContactFlowType))('is allowed in a %s flow', (type) => {
    expect(() => render(new DisconnectParticipant('Bye'), type)).not.toThrow();
  });

  test('is allowed in a flow module', () => {
    expect(actionOf(renderModule(FlowDefinition.start(new DisconnectParticipant('Bye'))).document, 'Bye').Type).toBe('DisconnectParticipant');
  });

  test('fails to continue with a next action', () => {
    expect(() => new DisconnectParticipant('Bye').next(end('After')))
      .toThrow(/flow action 'Bye' \(DisconnectParticipant\) ends the flow, so it has no next action: Amazon Connect rejects transitions on it/);
  });

  test('fails for a next action or an error branch (JSON content)', () => {
    expect(() => renderJson(jsonAction('DisconnectParticipant', {}))).toThrow(/flow action 'Under test' \(DisconnectParticipant\) ends the flow, so it takes no transitions, got next action 'End': Amazon Connect rejects them \(CreateContactFlow answers "Action does not support transitions"\); remove them/);
    expect(() => renderJson(jsonAction('DisconnectParticipant', {}, { Errors: [{ NextAction: 'End', ErrorType: 'QueueAtCapacity' }] })))
      .toThrow(/flow action 'Under test' \(DisconnectParticipant\) ends the flow, so it takes no transitions, got error branches \(QueueAtCapacity\)/);
    expect(() => renderJson(jsonAction('DisconnectParticipant', {}, { Conditions: [{ NextAction: 'End', Condition: { Operator: 'Equals', Operands: ['1'] } }] })))
      .toThrow(/flow action 'Under test' \(DisconnectParticipant\) ends the flow, so it takes no transitions, got conditions/);
  });
});

describe('AuthenticateParticipant', () => {
  function authenticate(stack: Stack, extra: { timeout?: Duration; customerProfilesObjectType?: string } = {}): AuthenticateParticipant {
    const userPool = new cognito.UserPool(stack, 'Customers');
    const signIn = new AuthenticateParticipant('SignIn', { userPool, userPoolClient: userPool.addClient('Chat'), ...extra });
    signIn.next(end('Signed'));
    signIn.whenOptedOut(end('Guest')).onTimeout(end('Late')).onError(end('Failed'));
    return signIn;
  }

  test('renders the user pool, the app client, the timeout and the object type; branches on success, opt-out, timeout, error', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const document = render(authenticate(stack, { timeout: Duration.minutes(10), customerProfilesObjectType: 'Customer-mapping' }), ContactFlowType.CONTACT_FLOW, stackAndInstance);

    expect(actionOf(document, 'SignIn')).toEqual({
      Identifier: 'SignIn',
      Type: 'AuthenticateParticipant',
      Parameters: {
        CognitoConfiguration: {
          UserPoolArn: { 'Fn::GetAtt': [expect.stringMatching(/^Customers/), 'Arn'] },
          AppClientId: { Ref: expect.stringMatching(/^CustomersChat/) },
        },
        CustomerProfilesConfiguration: { ObjectTypeName: 'Customer-mapping' },
        TimeLimitMinutes: '10',
      },
      Transitions: {
        NextAction: 'Signed',
        Conditions: [{ NextAction: 'Guest', Condition: { Operator: 'Equals', Operands: ['OptedOut'] } }],
        Errors: [
          { NextAction: 'Late', ErrorType: 'TimeLimitExceeded' },
          { NextAction: 'Failed', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  test('associates the user pool with the instance, and the flow depends on the association', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    render(authenticate(stack), ContactFlowType.CONTACT_FLOW, stackAndInstance);
    const dependencies = flowDependencies(stack);
    expect(dependencies).toContainEqual(expect.stringMatching(/CognitoUserPool/));
  });

  test('waits 3 minutes by default and leaves the object type to the default template', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    const action = actionOf(render(authenticate(stack), ContactFlowType.CONTACT_FLOW, stackAndInstance), 'SignIn');
    expect(action.Parameters.TimeLimitMinutes).toBe('3');
    expect(action.Parameters.CustomerProfilesConfiguration).toBeUndefined();
  });

  test.each([
    [Duration.minutes(2), '"2"'],
    [Duration.minutes(16), '"16"'],
  ])('fails for the timeout %s', (timeout, got) => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    expect(() => render(authenticate(stack, { timeout }), ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(new RegExp(`flow action 'SignIn' \\(AuthenticateParticipant\\) parameter TimeLimitMinutes must be an integer from 3 to 15 minutes, got ${got}`));
  });

  test('fails for a timeout that is not a whole number of minutes', () => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    expect(() => render(authenticate(stack, { timeout: Duration.seconds(270) }), ContactFlowType.CONTACT_FLOW, stackAndInstance))
      .toThrow(/flow action 'SignIn' \(AuthenticateParticipant\) timeout must be a whole number of minutes, got 4 minutes 30 seconds/);
  });

  test.each([ContactFlowType.CUSTOMER_QUEUE, ContactFlowType.QUEUE_TRANSFER])('fails in a %s flow', (type) => {
    const stackAndInstance = testStack();
    const { stack } = stackAndInstance;
    expect(() => render(authenticate(stack), type, stackAndInstance))
      .toThrow(new RegExp(`flow action 'SignIn' \\(AuthenticateParticipant\\) cannot be used in a ${type} flow; it is allowed in: CONTACT_FLOW flow`));
  });

  test('warns in a flow module: it works only when an inbound flow runs the module', () => {
    expectWarningWhen(({ stack, instance }) => new ContactFlowModule(stack, 'Module', { instance, contactFlowModuleName: 'Module', content: FlowDefinition.start(authenticate(stack)) }),
      /flow action 'SignIn' \(AuthenticateParticipant\) is not offered in flow modules \(it is allowed in: CONTACT_FLOW flow\)/);
  });

  test('fails when the timeout is not handled', () => {
    expectWarningWhen(stackAndInstance => {
      const userPool = new cognito.UserPool(stackAndInstance.stack, 'Customers');
      const signIn = new AuthenticateParticipant('SignIn', { userPool, userPoolClient: userPool.addClient('Chat') });
      signIn.next(end('Signed'));
      signIn.whenOptedOut(end('Guest'));
      render(signIn, ContactFlowType.CONTACT_FLOW, stackAndInstance);
    }, /flow action 'SignIn' \(AuthenticateParticipant\) does not handle TimeLimitExceeded, NoMatchingError: /);
  });

  test('fails with the timeout routed but not its other errors', () => {
    expectWarningWhen(stackAndInstance => {
      const userPool = new cognito.UserPool(stackAndInstance.stack, 'Customers');
      const signIn = new AuthenticateParticipant('SignIn', { userPool, userPoolClient: userPool.addClient('Chat') });
      signIn.next(end('Signed'));
      signIn.onTimeout(end('Late'));
      render(signIn, ContactFlowType.CONTACT_FLOW, stackAndInstance);
    }, /flow action 'SignIn' \(AuthenticateParticipant\) does not handle NoMatchingError: route each error with onErrorType\(\), or every error to a default with onError\(\)/);
  });

  test('fails without a user pool or app client (JSON content)', () => {
    expect(() => renderJson(jsonAction('AuthenticateParticipant', { CognitoConfiguration: { AppClientId: 'client' }, TimeLimitMinutes: '3' }, TO_END)))
      .toThrow(/flow action 'Under test' \(AuthenticateParticipant\) parameter CognitoConfiguration.UserPoolArn is required/);
    expect(() => renderJson(jsonAction('AuthenticateParticipant', {
      CognitoConfiguration: { UserPoolArn: 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_abc' },
    }, TO_END))).toThrow(/parameter CognitoConfiguration.AppClientId is required/);
  });

  test('fails for a condition other than Equals OptedOut (JSON content)', () => {
    const parameters = { CognitoConfiguration: { UserPoolArn: 'arn:aws:cognito-idp:us-east-1:111122223333:userpool/us-east-1_abc', AppClientId: 'client' } };
    expect(() => renderJson(jsonAction('AuthenticateParticipant', parameters, {
      NextAction: 'End',
      Conditions: [{ NextAction: 'End', Condition: { Operator: 'Equals', Operands: ['Declined'] } }],
      Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }],
    }))).toThrow(/flow action 'Under test' \(AuthenticateParticipant\) takes only the condition Equals OptedOut, got Equals "Declined"/);
  });
});

describe('participant actions in JSON content', () => {
  test('the checks apply to actions of a raw action type the library knows', () => {
    const raw = handled(new RawAction('Raw', { actionType: 'MessageParticipant', parameters: { Text: 'Hi', SSML: '<speak>Hi</speak>' } }));
    expect(() => render(raw.next(end('Bye'))))
      .toThrow(/flow action 'Raw' \(MessageParticipant\) needs exactly one of the parameters PromptId, Text, SSML, Media, got Text, SSML/);
  });

  test('a flow exported from the designer passes the checks', () => {
    const actions = [
      { Identifier: 'Play', Type: 'MessageParticipant', Parameters: { Text: 'Hi' }, Transitions: { NextAction: 'Menu', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] } },
      {
        Identifier: 'Menu',
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
        Transitions: {
          NextAction: 'End',
          Conditions: [{ NextAction: 'End', Condition: { Operator: 'Equals', Operands: ['1'] } }],
          Errors: [
            { NextAction: 'End', ErrorType: 'InputTimeLimitExceeded' },
            { NextAction: 'End', ErrorType: 'NoMatchingCondition' },
            { NextAction: 'End', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      { Identifier: 'End', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ];
    expect(() => renderJson(actions)).not.toThrow();
  });
});
