import { Duration } from 'aws-cdk-lib';
import { ContactFlow, ContactFlowType } from '../../../src/constructs/contact-flow';
import { Instance } from '../../../src/constructs/instance';
import { PredefinedAttribute } from '../../../src/constructs/predefined-attribute';
import { FlowAction, FlowDefinition, IFlowChainable } from '../../../src/flows';
import {
  ContactAttribute, ContactEventHook, FlowAttribute, QueueTimeAdjustment, RecordedParticipant, RedactionEntity,
  RedactionMaskMode, RedactionResults, RoutingProficiency, TargetContact, TextToSpeechEngine, TextToSpeechStyle,
  TextToSpeechVoice, UpdateContactAttributes, UpdateContactEventHooks, UpdateContactRecordingBehavior,
  UpdateContactRoutingBehavior, UpdateContactTextToSpeechVoice, UpdateFlowAttributes, UpdateFlowLoggingBehavior,
  UpdateRoutingCriteria, VoiceAnalyticsMode,
} from '../../../src/flows/actions/contact';
import { flowOfType, testStack } from '../../helpers';
import { actionOf, dependenciesOf, end, expectWarning, raw, render, renderJson, renderModule } from '../render';

/** The action types that Amazon Connect rejects a NoMatchingError branch of. */
const WITHOUT_ERROR_BRANCH = ['UpdateContactRecordingBehavior'];

/** Continues an action with `End` and routes its errors to `End` as well (for the types that take an error branch). */
function closed(action: FlowAction, withErrors = true): IFlowChainable {
  const last = end();
  if (withErrors && !WITHOUT_ERROR_BRANCH.includes(action.actionType)) {
    action.onError(last);
  }
  action.next(last);
  return action;
}

/** Renders one action (continued with an `End`) into a flow of a type; returns its rendered parameters. */
function parametersOf(action: FlowAction, type = ContactFlowType.CONTACT_FLOW, withErrors = true): any {
  return actionOf(render(closed(action, withErrors), type), action.id).Parameters;
}

/** Renders a raw action of a type with the given parameters, to reach the spec's rules. */
function renderRaw(actionType: string, parameters: any, type = ContactFlowType.CONTACT_FLOW): void {
  render(closed(raw('Raw', actionType, parameters)), type);
}

describe('UpdateContactAttributes', () => {
  test('renders the attributes, and no target contact unless given (Amazon Connect sets them on the current contact)', () => {
    const action = new UpdateContactAttributes('Remember', {
      attributes: [
        ContactAttribute.of('greetingPlayed', 'true'),
        ContactAttribute.fromJsonPath('account-id', '$.External.accountId'),
      ],
    });
    expect(parametersOf(action)).toEqual({
      Attributes: { 'greetingPlayed': 'true', 'account-id': '$.External.accountId' },
    });
    const current = new UpdateContactAttributes('Current', { attributes: [ContactAttribute.of('x', 'y')], targetContact: TargetContact.CURRENT });
    expect(parametersOf(current).TargetContact).toBe('Current');
  });

  test('renders the related contact as target', () => {
    const action = new UpdateContactAttributes('Related', {
      attributes: [ContactAttribute.of('x', 'y')],
      targetContact: TargetContact.RELATED,
    });
    expect(parametersOf(action).TargetContact).toBe('Related');
  });

  test('accepts a JSONPath key and 32,768 bytes of attributes', () => {
    const action = new UpdateContactAttributes('Full', {
      attributes: [ContactAttribute.of('k', 'v'.repeat(32766)), ContactAttribute.of('$.External.key', 'x')],
    });
    expect(Object.keys(parametersOf(action).Attributes)).toEqual(['k', '$.External.key']);
  });

  test('fails for a key given twice, naming the action', () => {
    const action = new UpdateContactAttributes('Twice', { attributes: [ContactAttribute.of('a', '1'), ContactAttribute.of('a', '2')] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Twice' \(UpdateContactAttributes\) sets the contact attribute 'a' twice/);
  });

  test('fails for no attributes', () => {
    expect(() => parametersOf(new UpdateContactAttributes('None', { attributes: [] })))
      .toThrow(/flow action 'None' \(UpdateContactAttributes\) parameter Attributes must set at least one contact attribute/);
  });

  test('fails for a key with other characters', () => {
    expect(() => parametersOf(new UpdateContactAttributes('Key', { attributes: [ContactAttribute.of('first name', 'x')] })))
      .toThrow(/flow action 'Key' \(UpdateContactAttributes\) contact attribute key 'first name' may contain only letters, digits, - and _/);
  });

  test('fails for more than 32,768 bytes of attributes', () => {
    const action = new UpdateContactAttributes('Big', { attributes: [ContactAttribute.of('k', 'é'.repeat(16384))] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Big' \(UpdateContactAttributes\) sets 32769 bytes of contact attributes \(keys and values, UTF-8\); a contact holds at most 32768/);
  });

  test('fails for a JSONPath that does not start with $.', () => {
    expect(() => ContactAttribute.fromJsonPath('k', 'External.accountId')).toThrow(/contact attribute 'k' must come from a JSONPath that starts with '\$\.', got 'External.accountId'/);
  });

  test('fails without its error branch', () => {
    const action = new UpdateContactAttributes('Open', { attributes: [ContactAttribute.of('a', '1')] });
    expectWarning(closed(action, false), /flow action 'Open' \(UpdateContactAttributes\) does not handle NoMatchingError/);
  });

  test('fails for an error type it cannot raise', () => {
    const action = new UpdateContactAttributes('Odd', { attributes: [ContactAttribute.of('a', '1')] });
    action.onErrorType('InputTimeLimitExceeded', end('Other'));
    expectWarning(closed(action), /flow action 'Odd' \(UpdateContactAttributes\) cannot raise InputTimeLimitExceeded/);
  });

  test('fails without a next action', () => {
    const action = new UpdateContactAttributes('Dead', { attributes: [ContactAttribute.of('a', '1')] });
    action.onError(end());
    expectWarning(action, /flow action 'Dead' \(UpdateContactAttributes\) is a dead end/);
  });

  test.each([
    [{ TargetContact: 'Current' }, /parameter Attributes is required/],
    [{ Attributes: ['a'] }, /parameter Attributes must be an object/],
    [{ Attributes: { a: 5 } }, /contact attribute 'a' must be a string \(text or a JSONPath\), got 5/],
    [{ Attributes: { a: 'b' }, TargetContact: 'Other' }, /parameter TargetContact must be one of Current, Related, got "Other"/],
    [{ Attributes: { a: 'b' }, TargetContact: '$.Attributes.target' }, /parameter TargetContact must be set statically, not from a JSONPath/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateContactAttributes', parameters)).toThrow(message);
    expect(() => renderRaw('UpdateContactAttributes', parameters)).toThrow(/flow action 'Raw' \(UpdateContactAttributes\)/);
  });
});

describe('UpdateFlowAttributes', () => {
  test('renders each attribute as a string value', () => {
    const action = new UpdateFlowAttributes('Count', { attributes: [FlowAttribute.of('attempts', '1'), FlowAttribute.of('caller', '$.CustomerEndpoint.Address')] });
    expect(parametersOf(action)).toEqual({
      FlowAttributes: {
        attempts: { Value: '1', Type: 'String' },
        caller: { Value: '$.CustomerEndpoint.Address', Type: 'String' },
      },
    });
  });

  test('fails for a key given twice', () => {
    const action = new UpdateFlowAttributes('Twice', { attributes: [FlowAttribute.of('a', '1'), FlowAttribute.of('a', '2')] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Twice' \(UpdateFlowAttributes\) sets the flow attribute 'a' twice/);
  });

  test('fails for no attributes', () => {
    expect(() => parametersOf(new UpdateFlowAttributes('None', { attributes: [] })))
      .toThrow(/flow action 'None' \(UpdateFlowAttributes\) parameter FlowAttributes must set at least one flow attribute/);
  });

  test('needs no error branch: the flow language documents no error for it', () => {
    expect(parametersOf(new UpdateFlowAttributes('Open', { attributes: [FlowAttribute.of('a', '1')] }), ContactFlowType.CONTACT_FLOW, false))
      .toEqual({ FlowAttributes: { a: { Value: '1', Type: 'String' } } });
  });

  test('fails for an error type it cannot raise', () => {
    const action = new UpdateFlowAttributes('Odd', { attributes: [FlowAttribute.of('a', '1')] });
    action.onErrorType('InvalidPhoneNumber', end('Other'));
    expectWarning(closed(action), /flow action 'Odd' \(UpdateFlowAttributes\) cannot raise InvalidPhoneNumber; its error types: NoMatchingError/);
  });

  test.each([
    [{}, /parameter FlowAttributes is required/],
    [{ FlowAttributes: { a: 'plain' } }, /flow attribute 'a' must be an object with a Value \(and a Type\), got "plain"/],
    [{ FlowAttributes: { a: { Type: 'String' } } }, /flow attribute 'a' must be an object with a Value/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateFlowAttributes', parameters)).toThrow(message);
  });
});

describe('UpdateContactRecordingBehavior', () => {
  test('fails for a NoMatchingError branch, which Amazon Connect rejects', () => {
    const action = new UpdateContactRecordingBehavior('Record', { recordedParticipants: [RecordedParticipant.AGENT] });
    action.onError(end('Failed'));
    action.next(end());
    expect(() => render(action)).toThrow(/flow action 'Record' \(UpdateContactRecordingBehavior\) cannot have a NoMatchingError branch: Amazon Connect rejects it \(CreateContactFlow answers "Invalid Action error. Error: NoMatchingError"\); its error types: none/);
  });

  test('renders recording, screen and IVR recording and Contact Lens analytics', () => {
    const action = new UpdateContactRecordingBehavior('Record', {
      recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
      screenRecording: true,
      ivrRecording: false,
      analytics: {
        language: 'en-US',
        redaction: true,
        redactionResults: RedactionResults.REDACTED_ONLY,
        redactionMaskMode: RedactionMaskMode.ENTITY_TYPE,
        redactionEntities: [RedactionEntity.CREDIT_DEBIT_NUMBER, RedactionEntity.of('NEW_ENTITY')],
        voiceAnalyticsModes: [VoiceAnalyticsMode.REAL_TIME, VoiceAnalyticsMode.POST_CONTACT],
        chatAnalytics: true,
        postContactSummary: true,
        sentimentAnalysis: false,
      },
    });
    expect(parametersOf(action)).toEqual({
      RecordingBehavior: {
        RecordedParticipants: ['Agent', 'Customer'],
        ScreenRecordedParticipants: ['Agent'],
        IVRRecordingBehavior: 'Disabled',
      },
      AnalyticsBehavior: {
        Enabled: 'True',
        AnalyticsLanguage: 'en-US',
        AnalyticsRedactionBehavior: 'Enabled',
        AnalyticsRedactionResults: 'RedactedOnly',
        AnalyticsRedactionMaskMode: 'EntityType',
        AnalyticsRedactionEntities: ['CREDIT_DEBIT_NUMBER', 'NEW_ENTITY'],
        ChannelConfiguration: { Chat: { AnalyticsModes: ['ContactLens'] }, Voice: { AnalyticsModes: ['RealTime', 'PostContact'] } },
        SummaryConfiguration: { SummaryModes: ['PostContact'] },
        SentimentConfiguration: { Enabled: 'False' },
      },
    });
  });

  test('renders an empty list of participants to stop recording, and no analytics', () => {
    const action = new UpdateContactRecordingBehavior('Stop', { recordedParticipants: [], screenRecording: false });
    expect(parametersOf(action)).toEqual({ RecordingBehavior: { RecordedParticipants: [], ScreenRecordedParticipants: [] } });
  });

  test('renders analytics that are turned off', () => {
    const action = new UpdateContactRecordingBehavior('NoLens', {
      recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
      analytics: { enabled: false },
    });
    expect(parametersOf(action).AnalyticsBehavior).toEqual({ Enabled: 'False' });
  });

  test('needs no error branch and is allowed in outbound whisper and transfer flows', () => {
    for (const type of [ContactFlowType.OUTBOUND_WHISPER, ContactFlowType.QUEUE_TRANSFER, ContactFlowType.CUSTOMER_QUEUE]) {
      const action = new UpdateContactRecordingBehavior('Record', { recordedParticipants: [RecordedParticipant.AGENT] });
      expect(parametersOf(action, type, false).RecordingBehavior.RecordedParticipants).toEqual(['Agent']);
    }
  });

  test.each([ContactFlowType.CUSTOMER_HOLD, ContactFlowType.AGENT_WHISPER, ContactFlowType.CUSTOMER_WHISPER])('fails in a %s flow', (type) => {
    const action = new UpdateContactRecordingBehavior('Record', { recordedParticipants: [RecordedParticipant.AGENT] });
    expect(() => parametersOf(action, type)).toThrow(new RegExp(`flow action 'Record' \\(UpdateContactRecordingBehavior\\) cannot be used in a ${type} flow; it is allowed in: CONTACT_FLOW flow`));
  });

  test('fails for analytics without both participants recorded', () => {
    const action = new UpdateContactRecordingBehavior('Lens', { recordedParticipants: [RecordedParticipant.CUSTOMER], analytics: { language: 'en-US' } });
    expect(() => parametersOf(action)).toThrow(/flow action 'Lens' \(UpdateContactRecordingBehavior\) sets AnalyticsBehavior, which needs RecordingBehavior.RecordedParticipants to include both Agent and Customer, got \["Customer"\]/);
  });

  test('fails for a participant listed twice', () => {
    const action = new UpdateContactRecordingBehavior('Twice', { recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.AGENT] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Twice' \(UpdateContactRecordingBehavior\) parameter RecordingBehavior.RecordedParticipants lists Agent twice/);
  });

  test('fails for a language that is not xx-XX', () => {
    const action = new UpdateContactRecordingBehavior('Lang', {
      recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
      analytics: { language: 'english' },
    });
    expect(() => parametersOf(action)).toThrow(/parameter AnalyticsBehavior.AnalyticsLanguage must be a language code like en-US \(xx-XX\), got "english"/);
  });

  test('fails for an empty list of redaction entities', () => {
    const action = new UpdateContactRecordingBehavior('Entities', {
      recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
      analytics: { redactionEntities: [] },
    });
    expect(() => parametersOf(action)).toThrow(/parameter AnalyticsBehavior.AnalyticsRedactionEntities must list at least one entity type/);
  });

  const both = ['Agent', 'Customer'];
  test.each([
    [{}, /parameter RecordingBehavior.RecordedParticipants is required: a list of Agent and Customer/],
    [{ RecordingBehavior: { RecordedParticipants: '$.Attributes.who' } }, /parameter RecordingBehavior.RecordedParticipants must be set statically/],
    [{ RecordingBehavior: { RecordedParticipants: ['Supervisor'] } }, /parameter RecordingBehavior.RecordedParticipants may only contain Agent, Customer, got "Supervisor"/],
    [{ RecordingBehavior: { RecordedParticipants: [], ScreenRecordedParticipants: ['Customer'] } }, /parameter RecordingBehavior.ScreenRecordedParticipants may only contain Agent, got "Customer"/],
    [{ RecordingBehavior: { RecordedParticipants: [], IVRRecordingBehavior: 'On' } }, /parameter RecordingBehavior.IVRRecordingBehavior must be one of Enabled, Disabled, got "On"/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { Enabled: 'Yes' } }, /parameter AnalyticsBehavior.Enabled must be one of True, False/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { AnalyticsRedactionMaskMode: 'Stars' } }, /parameter AnalyticsBehavior.AnalyticsRedactionMaskMode must be one of EntityType, PII/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { AnalyticsRedactionResults: 'All' } }, /parameter AnalyticsBehavior.AnalyticsRedactionResults must be one of RedactedAndOriginal, RedactedOnly/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { AnalyticsRedactionEntities: ['credit card'] } }, /must contain entity types such as NAME or SSN, got "credit card"/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { ChannelConfiguration: { Voice: { AnalyticsModes: ['Later'] } } } }, /parameter AnalyticsBehavior.ChannelConfiguration.Voice.AnalyticsModes may only contain RealTime, PostContact, got "Later"/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { ChannelConfiguration: { Chat: { AnalyticsModes: ['RealTime'] } } } }, /parameter AnalyticsBehavior.ChannelConfiguration.Chat.AnalyticsModes may only contain ContactLens/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { SummaryConfiguration: { SummaryModes: ['Daily'] } } }, /parameter AnalyticsBehavior.SummaryConfiguration.SummaryModes may only contain PostContact/],
    [{ RecordingBehavior: { RecordedParticipants: both }, AnalyticsBehavior: { SentimentConfiguration: { Enabled: 'maybe' } } }, /parameter AnalyticsBehavior.SentimentConfiguration.Enabled must be one of True, False/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateContactRecordingBehavior', parameters)).toThrow(message);
  });
});

describe('UpdateContactEventHooks', () => {
  test('renders the ARN of a flow of the app, as a reference', () => {
    const env = testStack();
    const { stack, instance } = env;
    const queueFlow = flowOfType(stack, instance, 'QueueFlow', ContactFlowType.CUSTOMER_QUEUE);
    const action = new UpdateContactEventHooks('SetQueueFlow', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flow: queueFlow });
    const document = render(closed(action), ContactFlowType.CONTACT_FLOW, env);
    expect(actionOf(document, 'SetQueueFlow').Parameters).toEqual({
      EventHooks: { CustomerQueue: { 'Fn::GetAtt': [stack.getLogicalId(queueFlow.node.defaultChild as any), 'ContactFlowArn'] } },
    });
  });

  test('renders the ARN of an imported flow, without checking its type', () => {
    const env = testStack();
    const { stack } = env;
    const arn = 'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555/contact-flow/abc';
    const whisper = ContactFlow.fromContactFlowArn(stack, 'Whisper', arn);
    const action = new UpdateContactEventHooks('SetWhisper', { eventHook: ContactEventHook.AGENT_WHISPER, flow: whisper });
    const document = render(closed(action), ContactFlowType.CONTACT_FLOW, env);
    expect(actionOf(document, 'SetWhisper').Parameters).toEqual({ EventHooks: { AgentWhisper: arn } });
  });

  test('renders a JSONPath to the flow', () => {
    const action = new UpdateContactEventHooks('SetHold', { eventHook: ContactEventHook.CUSTOMER_HOLD, flowJsonPath: '$.Attributes.holdFlow' });
    expect(parametersOf(action)).toEqual({ EventHooks: { CustomerHold: '$.Attributes.holdFlow' } });
  });

  test('sets hooks without a flow type rule in any flow type', () => {
    const action = new UpdateContactEventHooks('Guide', { eventHook: ContactEventHook.DEFAULT_AGENT_UI, flowJsonPath: '$.Attributes.guide' });
    expect(parametersOf(action, ContactFlowType.AGENT_WHISPER)).toEqual({ EventHooks: { DefaultAgentUI: '$.Attributes.guide' } });
  });

  test('fails for a flow of the app whose type does not fit the hook, naming the hook and the flow', () => {
    const env = testStack();
    const { stack, instance } = env;
    const holdFlow = flowOfType(stack, instance, 'HoldFlow', ContactFlowType.CUSTOMER_HOLD);
    const action = new UpdateContactEventHooks('SetQueueFlow', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flow: holdFlow });
    expect(() => render(closed(action), ContactFlowType.CONTACT_FLOW, env))
      .toThrow(/flow action 'SetQueueFlow' \(UpdateContactEventHooks\) sets the CustomerQueue event hook to the flow 'Test\/HoldFlow' of type CUSTOMER_HOLD; the CustomerQueue hook runs a CUSTOMER_QUEUE flow/);
  });

  test('fails for a flow of another instance', () => {
    const env = testStack();
    const { stack } = env;
    const other = Instance.fromInstanceArn(stack, 'Other', 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555');
    const queueFlow = flowOfType(stack, other, 'QueueFlow', ContactFlowType.CUSTOMER_QUEUE);
    const action = new UpdateContactEventHooks('SetQueueFlow', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flow: queueFlow });
    expect(() => render(closed(action), ContactFlowType.CONTACT_FLOW, env))
      .toThrow(/flow action 'SetQueueFlow' \(UpdateContactEventHooks\) references the flow 'Test\/QueueFlow' of instance/);
  });

  test.each([
    [ContactEventHook.CUSTOMER_QUEUE, ContactFlowType.CUSTOMER_QUEUE],
    [ContactEventHook.CUSTOMER_HOLD, ContactFlowType.AGENT_WHISPER],
    [ContactEventHook.AGENT_WHISPER, ContactFlowType.OUTBOUND_WHISPER],
  ])('fails to set the %s hook in a %s flow', (hook, type) => {
    const action = new UpdateContactEventHooks('Hook', { eventHook: hook, flowJsonPath: '$.Attributes.flow' });
    expect(() => parametersOf(action, type)).toThrow(new RegExp(`flow action 'Hook' \\(UpdateContactEventHooks\\) sets the ${hook} event hook, which cannot be set in a ${type} flow; it can be set in: CONTACT_FLOW flow`));
  });

  test('sets the customer queue hook in a flow module', () => {
    const action = new UpdateContactEventHooks('Hook', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flowJsonPath: '$.Attributes.flow' });
    const { document } = renderModule(FlowDefinition.start(closed(action)));
    expect(actionOf(document, 'Hook').Parameters).toEqual({ EventHooks: { CustomerQueue: '$.Attributes.flow' } });
  });

  test('fails for both a flow and a JSONPath, and for a JSONPath that does not start with $.', () => {
    const { stack, instance } = testStack();
    const queueFlow = flowOfType(stack, instance, 'QueueFlow', ContactFlowType.CUSTOMER_QUEUE);
    expect(() => new UpdateContactEventHooks('Both', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flow: queueFlow, flowJsonPath: '$.Attributes.flow' }))
      .toThrow(/flow action 'Both' \(UpdateContactEventHooks\) takes either flow or flowJsonPath, not both/);
    expect(() => new UpdateContactEventHooks('Path', { eventHook: ContactEventHook.CUSTOMER_QUEUE, flowJsonPath: 'Attributes.flow' }))
      .toThrow(/flow action 'Path' \(UpdateContactEventHooks\) flowJsonPath must be a JSONPath starting with '\$\.', such as \$\.Attributes\.name, got 'Attributes\.flow'/);
  });

  test.each([
    ['CustomerQueue', ContactFlowType.CUSTOMER_QUEUE],
    ['AgentHold', ContactFlowType.CUSTOMER_WHISPER],
    ['CustomerWhisper', ContactFlowType.OUTBOUND_WHISPER],
  ])('fails to set the %s hook in a %s flow in a flow document (raw action)', (hook, type) => {
    expect(() => renderRaw('UpdateContactEventHooks', { EventHooks: { [hook]: '$.Attributes.flow' } }, type))
      .toThrow(new RegExp(`flow action 'Raw' \\(UpdateContactEventHooks\\) sets the ${hook} event hook, which cannot be set in a ${type} flow`));
  });

  test('fails to set the customer queue hook in a customer queue flow of JSON content', () => {
    const actions = [
      {
        Identifier: 'Hook',
        Type: 'UpdateContactEventHooks',
        Parameters: { EventHooks: { CustomerQueue: '$.Attributes.flow' } },
        Transitions: { NextAction: 'End', Errors: [{ NextAction: 'End', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'End', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
    ];
    expect(() => renderJson(actions, ContactFlowType.CUSTOMER_QUEUE)).toThrow(
      /flow action 'Hook' \(UpdateContactEventHooks\) sets the CustomerQueue event hook, which cannot be set in a CUSTOMER_QUEUE flow; it can be set in: CONTACT_FLOW flow, AGENT_TRANSFER flow, QUEUE_TRANSFER flow, flow module/);
    expect(() => renderJson(actions, ContactFlowType.QUEUE_TRANSFER)).not.toThrow();
  });

  test('sets the disconnect hook in any flow type of a flow document (raw action)', () => {
    expect(() => renderRaw('UpdateContactEventHooks', { EventHooks: { CustomerRemaining: '$.Attributes.flow' } }, ContactFlowType.AGENT_HOLD)).not.toThrow();
  });

  test('fails for neither a flow nor a JSONPath', () => {
    const action = new UpdateContactEventHooks('Neither', { eventHook: ContactEventHook.CUSTOMER_REMAINING });
    expect(() => parametersOf(action)).toThrow(/flow action 'Neither' \(UpdateContactEventHooks\) parameter EventHooks.CustomerRemaining must be the ID or ARN of a flow \(or a JSONPath to one\), got nothing/);
  });

  test('fails without its error branch', () => {
    const action = new UpdateContactEventHooks('Open', { eventHook: ContactEventHook.PAUSE_CONTACT, flowJsonPath: '$.Attributes.flow' });
    expectWarning(closed(action, false), /flow action 'Open' \(UpdateContactEventHooks\) does not handle NoMatchingError/);
  });

  test.each([
    [{}, /parameter EventHooks is required/],
    [{ EventHooks: { CustomerQueue: 'a', CustomerHold: 'b' } }, /parameter EventHooks must set exactly one event hook, got CustomerQueue, CustomerHold/],
    [{ EventHooks: { CustomerSurvey: 'a' } }, /cannot set the event hook 'CustomerSurvey'; event hooks: AgentHold, AgentWhisper/],
    [{ EventHooks: { CustomerQueue: '' } }, /parameter EventHooks.CustomerQueue must be the ID or ARN of a flow \(or a JSONPath to one\), got ""/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateContactEventHooks', parameters)).toThrow(message);
  });
});

describe('UpdateContactTextToSpeechVoice', () => {
  test('renders the voice, engine and style', () => {
    const action = new UpdateContactTextToSpeechVoice('Voice', {
      voice: TextToSpeechVoice.MATTHEW,
      engine: TextToSpeechEngine.GENERATIVE,
      style: TextToSpeechStyle.CONVERSATIONAL,
    });
    expect(parametersOf(action)).toEqual({ TextToSpeechVoice: 'Matthew', TextToSpeechEngine: 'Generative', TextToSpeechStyle: 'Conversational' });
  });

  test('renders a voice the library does not name, and one read from a JSONPath', () => {
    expect(parametersOf(new UpdateContactTextToSpeechVoice('Voice', { voice: TextToSpeechVoice.of('Newvoice', 'en-NZ') }))).toEqual({ TextToSpeechVoice: 'Newvoice' });
    expect(parametersOf(new UpdateContactTextToSpeechVoice('Voice', { voice: TextToSpeechVoice.fromJsonPath('$.Attributes.voice') }))).toEqual({ TextToSpeechVoice: '$.Attributes.voice' });
  });

  test('knows the language of the voices it names', () => {
    expect(TextToSpeechVoice.JOANNA.languageCode).toBe('en-US');
    expect(TextToSpeechVoice.LUCIA.languageCode).toBe('es-ES');
    expect(TextToSpeechVoice.fromJsonPath('$.Attributes.voice').languageCode).toBeUndefined();
  });

  test('fails for a voice JSONPath that does not start with $.', () => {
    expect(() => TextToSpeechVoice.fromJsonPath('Attributes.voice')).toThrow(/text-to-speech voice must come from a JSONPath that starts with '\$\.', got 'Attributes.voice'/);
  });

  test('fails without its error branch', () => {
    const action = new UpdateContactTextToSpeechVoice('Open', { voice: TextToSpeechVoice.JOANNA });
    expectWarning(closed(action, false), /flow action 'Open' \(UpdateContactTextToSpeechVoice\) does not handle NoMatchingError/);
  });

  test('is allowed in every flow type', () => {
    for (const type of Object.values(ContactFlowType)) {
      expect(parametersOf(new UpdateContactTextToSpeechVoice('Voice', { voice: TextToSpeechVoice.AMY }), type)).toEqual({ TextToSpeechVoice: 'Amy' });
    }
  });

  test('accepts engines in any case and engines of other providers', () => {
    expect(() => renderRaw('UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Joanna', TextToSpeechEngine: 'neural' })).not.toThrow();
    expect(() => renderRaw('UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'thalia', TextToSpeechEngine: 'provider:model-2' })).not.toThrow();
  });

  test.each([
    [{}, /parameter TextToSpeechVoice is required/],
    [{ TextToSpeechVoice: '' }, /parameter TextToSpeechVoice must be a string of 1 to any number of characters/],
    [{ TextToSpeechVoice: 'Joanna', TextToSpeechEngine: 'Turbo' }, /parameter TextToSpeechEngine must be one of Standard, Neural, Generative, got "Turbo"/],
    [{ TextToSpeechVoice: 'Joanna', TextToSpeechStyle: 'Whisper' }, /parameter TextToSpeechStyle must be one of None, Conversational, Newscaster, got "Whisper"/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateContactTextToSpeechVoice', parameters)).toThrow(message);
  });
});

describe('UpdateFlowLoggingBehavior', () => {
  test('renders Enabled and Disabled, without an error branch', () => {
    expect(parametersOf(new UpdateFlowLoggingBehavior('On', { enabled: true }), ContactFlowType.CONTACT_FLOW, false)).toEqual({ FlowLoggingBehavior: 'Enabled' });
    expect(parametersOf(new UpdateFlowLoggingBehavior('Off', { enabled: false }), ContactFlowType.AGENT_HOLD, false)).toEqual({ FlowLoggingBehavior: 'Disabled' });
  });

  test.each([
    [{}, /parameter FlowLoggingBehavior is required/],
    [{ FlowLoggingBehavior: 'On' }, /parameter FlowLoggingBehavior must be one of Enabled, Disabled, got "On"/],
    [{ FlowLoggingBehavior: '$.Attributes.logging' }, /parameter FlowLoggingBehavior must be set statically, not from a JSONPath/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateFlowLoggingBehavior', parameters)).toThrow(message);
  });
});

describe('UpdateContactRoutingBehavior', () => {
  test('renders a queue priority', () => {
    expect(parametersOf(new UpdateContactRoutingBehavior('Vip', { queuePriority: 1 }), ContactFlowType.CONTACT_FLOW, false)).toEqual({ QueuePriority: '1' });
  });

  test('renders a routing age added or subtracted, in seconds', () => {
    expect(parametersOf(new UpdateContactRoutingBehavior('Sooner', { queueTimeAdjustment: QueueTimeAdjustment.add(Duration.minutes(5)) })))
      .toEqual({ QueueTimeAdjustmentSeconds: '300' });
    expect(parametersOf(new UpdateContactRoutingBehavior('Later', { queueTimeAdjustment: QueueTimeAdjustment.subtract(Duration.seconds(30)) })))
      .toEqual({ QueueTimeAdjustmentSeconds: '-30' });
  });

  test('is allowed in customer queue and transfer flows and in flow modules', () => {
    expect(parametersOf(new UpdateContactRoutingBehavior('Vip', { queuePriority: 2 }), ContactFlowType.CUSTOMER_QUEUE)).toEqual({ QueuePriority: '2' });
    expect(parametersOf(new UpdateContactRoutingBehavior('Vip', { queuePriority: 2 }), ContactFlowType.AGENT_TRANSFER)).toEqual({ QueuePriority: '2' });
    const { document } = renderModule(FlowDefinition.start(closed(new UpdateContactRoutingBehavior('Vip', { queuePriority: 3 }))));
    expect(actionOf(document, 'Vip').Parameters).toEqual({ QueuePriority: '3' });
  });

  test.each([ContactFlowType.AGENT_WHISPER, ContactFlowType.CUSTOMER_HOLD, ContactFlowType.OUTBOUND_WHISPER])('fails in a %s flow', (type) => {
    expect(() => parametersOf(new UpdateContactRoutingBehavior('Vip', { queuePriority: 1 }), type))
      .toThrow(new RegExp(`flow action 'Vip' \\(UpdateContactRoutingBehavior\\) cannot be used in a ${type} flow`));
  });

  test('fails for both a priority and a time adjustment, and for neither', () => {
    expect(() => parametersOf(new UpdateContactRoutingBehavior('Both', { queuePriority: 1, queueTimeAdjustment: QueueTimeAdjustment.add(Duration.seconds(1)) })))
      .toThrow(/flow action 'Both' \(UpdateContactRoutingBehavior\) needs exactly one of the parameters QueuePriority, QueueTimeAdjustmentSeconds, got QueuePriority, QueueTimeAdjustmentSeconds/);
    expect(() => parametersOf(new UpdateContactRoutingBehavior('Neither', {})))
      .toThrow(/flow action 'Neither' \(UpdateContactRoutingBehavior\) needs exactly one of the parameters QueuePriority, QueueTimeAdjustmentSeconds, got none/);
  });

  test.each([0, 1.5, -3])('fails for the priority %d', (priority) => {
    expect(() => parametersOf(new UpdateContactRoutingBehavior('Vip', { queuePriority: priority })))
      .toThrow(/flow action 'Vip' \(UpdateContactRoutingBehavior\) parameter QueuePriority must be an integer from 1 \(highest\) to 9223372036854775807 \(lowest\)/);
  });

  test('fails for a time adjustment that is not whole seconds', () => {
    expect(() => parametersOf(new UpdateContactRoutingBehavior('Age', { queueTimeAdjustment: QueueTimeAdjustment.add(Duration.millis(1500)) })))
      .toThrow(/flow action 'Age' \(UpdateContactRoutingBehavior\) queueTimeAdjustment must be a whole number of seconds, got 1 second 500 millis/);
  });

  test('accepts the largest priority', () => {
    expect(() => renderRaw('UpdateContactRoutingBehavior', { QueuePriority: '9223372036854775807' })).not.toThrow();
  });

  test.each([
    [{ QueuePriority: '9223372036854775808' }, /parameter QueuePriority must be an integer from 1 \(highest\) to 9223372036854775807 \(lowest\), got "9223372036854775808"/],
    [{ QueuePriority: '$.Attributes.priority' }, /parameter QueuePriority must be set statically, not from a JSONPath/],
    [{ QueueTimeAdjustmentSeconds: '$.Attributes.age' }, /parameter QueueTimeAdjustmentSeconds must be set statically/],
    [{ QueueTimeAdjustmentSeconds: '3000000000' }, /parameter QueueTimeAdjustmentSeconds must be an integer from -2147483648 to 2147483647 seconds, got "3000000000"/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateContactRoutingBehavior', parameters)).toThrow(message);
  });
});

describe('UpdateRoutingCriteria', () => {
  test('renders steps of proficiencies, with expiry in seconds, and depends on the predefined attribute', () => {
    const env = testStack();
    const { stack, instance } = env;
    const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', 'Spanish'] });
    const action = new UpdateRoutingCriteria('SpanishFirst', {
      steps: [
        { proficiencies: [RoutingProficiency.atLeast(language, 'Spanish', 4), RoutingProficiency.fromName('Skill', 'Billing', 2)], expiry: Duration.seconds(30) },
        { proficiencies: [RoutingProficiency.atLeast(language, 'Spanish', 1)] },
      ],
    });
    const document = render(closed(action), ContactFlowType.CONTACT_FLOW, env);
    const condition = (name: string, value: string, level: number) => ({
      AttributeCondition: { Name: name, Value: value, ProficiencyLevel: level, ComparisonOperator: 'NumberGreaterOrEqualTo' },
    });
    expect(actionOf(document, 'SpanishFirst').Parameters).toEqual({
      RoutingCriteria: {
        Steps: [
          { Expression: { AndExpression: [condition('Language', 'Spanish', 4), condition('Skill', 'Billing', 2)] }, Expiry: { DurationInSeconds: 30 } },
          { Expression: condition('Language', 'Spanish', 1) },
        ],
      },
    });
    expect(dependenciesOf(stack, stack.node.findChild('Flow'))).toContain(stack.getLogicalId(language.node.defaultChild as any));
  });

  test('fails for a value that is not one of the predefined attribute\'s values', () => {
    const env = testStack();
    const { stack, instance } = env;
    const language = new PredefinedAttribute(stack, 'Language', { instance, predefinedAttributeName: 'Language', values: ['English', 'Spanish'] });
    const action = new UpdateRoutingCriteria('Klingon', { steps: [{ proficiencies: [RoutingProficiency.atLeast(language, 'Klingon', 3)] }] });
    expect(() => render(closed(action), ContactFlowType.CONTACT_FLOW, env))
      .toThrow(/flow action 'Klingon' \(UpdateRoutingCriteria\) requires proficiency in 'Klingon', which is not a value of the predefined attribute 'Test\/Language' \(values: English, Spanish\)/);
  });

  test('fails for a predefined attribute of another instance', () => {
    const env = testStack();
    const { stack } = env;
    const other = Instance.fromInstanceArn(stack, 'Other', 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555');
    const language = PredefinedAttribute.fromPredefinedAttributeName(stack, 'Language', other, 'Language');
    const action = new UpdateRoutingCriteria('Criteria', { steps: [{ proficiencies: [RoutingProficiency.atLeast(language, 'Spanish', 3)] }] });
    expect(() => render(closed(action), ContactFlowType.CONTACT_FLOW, env))
      .toThrow(/flow action 'Criteria' \(UpdateRoutingCriteria\) references the predefined attribute 'Test\/Language' of instance/);
  });

  test('fails for an expiry that is not whole seconds', () => {
    const action = new UpdateRoutingCriteria('Criteria', { steps: [{ proficiencies: [RoutingProficiency.fromName('Skill', 'Billing', 2)], expiry: Duration.millis(500) }] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Criteria' \(UpdateRoutingCriteria\) the expiry of a routing step must be a whole number of seconds/);
  });

  test('fails without steps, and for a step without proficiencies', () => {
    expect(() => parametersOf(new UpdateRoutingCriteria('NoSteps', { steps: [] })))
      .toThrow(/flow action 'NoSteps' \(UpdateRoutingCriteria\) parameter RoutingCriteria.Steps must list at least one routing step/);
    expect(() => parametersOf(new UpdateRoutingCriteria('Empty', { steps: [{ proficiencies: [] }] })))
      .toThrow(/flow action 'Empty' \(UpdateRoutingCriteria\) parameter RoutingCriteria.Steps.0.Expression.AndExpression must list at least one expression/);
  });

  test.each([0, 6, 2.5])('fails for the proficiency level %d', (level) => {
    const action = new UpdateRoutingCriteria('Level', { steps: [{ proficiencies: [RoutingProficiency.fromName('Skill', 'Billing', level)] }] });
    expect(() => parametersOf(action)).toThrow(/flow action 'Level' \(UpdateRoutingCriteria\) parameter RoutingCriteria.Steps.0.Expression.AttributeCondition.ProficiencyLevel must be one of 1.0, 2.0, 3.0, 4.0, 5.0/);
  });

  test('fails for a name longer than 64 characters', () => {
    const action = new UpdateRoutingCriteria('Long', { steps: [{ proficiencies: [RoutingProficiency.fromName('n'.repeat(65), 'Billing', 1)] }] });
    expect(() => parametersOf(action)).toThrow(/parameter RoutingCriteria.Steps.0.Expression.AttributeCondition.Name must be a string of 1 to 64 characters, got 65 characters/);
  });

  test('fails in a hold flow', () => {
    const action = new UpdateRoutingCriteria('Criteria', { steps: [{ proficiencies: [RoutingProficiency.fromName('Skill', 'Billing', 2)] }] });
    expect(() => parametersOf(action, ContactFlowType.CUSTOMER_HOLD)).toThrow(/flow action 'Criteria' \(UpdateRoutingCriteria\) cannot be used in a CUSTOMER_HOLD flow/);
  });

  test('fails without its error branch', () => {
    const action = new UpdateRoutingCriteria('Criteria', { steps: [{ proficiencies: [RoutingProficiency.fromName('Skill', 'Billing', 2)] }] });
    expectWarning(closed(action, false), /flow action 'Criteria' \(UpdateRoutingCriteria\) does not handle NoMatchingError/);
  });

  test('accepts steps from a JSONPath', () => {
    expect(() => renderRaw('UpdateRoutingCriteria', { RoutingCriteria: { Steps: '$.Attributes.steps' } })).not.toThrow();
  });

  test.each([
    [{}, /parameter RoutingCriteria.Steps is required/],
    [{ RoutingCriteria: { Steps: [{}] } }, /parameter RoutingCriteria.Steps.0.Expression is required/],
    [{ RoutingCriteria: { Steps: [{ Expression: {} }] } }, /parameter RoutingCriteria.Steps.0.Expression must have exactly one of AttributeCondition, AndExpression, got none/],
    [{ RoutingCriteria: { Steps: [{ Expression: { AttributeCondition: { Name: 'a', Value: 'b', ProficiencyLevel: '3.0' } }, Expiry: { DurationInSeconds: 0 } }] } },
      /parameter RoutingCriteria.Steps.0.Expiry.DurationInSeconds must be an integer from 1 to 2147483647 seconds, got 0/],
    [{ RoutingCriteria: { Steps: [{ Expression: { AttributeCondition: { Name: 'a', Value: 'b' } }, Expiry: { DurationInSeconds: '$.Attributes.expiry' } }] } },
      /parameter RoutingCriteria.Steps.0.Expiry.DurationInSeconds must be set statically/],
    [{ RoutingCriteria: { Steps: [{ Expression: { AndExpression: [{ AttributeCondition: { Name: 'a', Value: '', ProficiencyLevel: 1 } }] } }] } },
      /parameter RoutingCriteria.Steps.0.Expression.AndExpression.0.AttributeCondition.Value must be a string of 1 to 64 characters/],
  ])('fails for the parameters %j', (parameters, message) => {
    expect(() => renderRaw('UpdateRoutingCriteria', parameters)).toThrow(message);
  });
});
