import { Token } from 'aws-cdk-lib';
import { ActionSpec, describeFlowKind, FlowKind, isDynamic, isJsonPath, ParameterChecker } from './rules';

/*
 * The contact actions: what they set on the contact or the flow. Sources: the flow language reference
 * (contact-actions-*, flow-control-actions-* pages of the Amazon Connect API reference) for parameters and errors, and
 * the "Flow types" section of each flow block page of the administrator guide for where an action may be used.
 * Flow modules run inside inbound flows, so an action allowed in inbound flows is allowed in modules.
 */

/** A contact holds at most this many bytes (UTF-8) of user-defined attributes. */
const MAX_CONTACT_ATTRIBUTE_BYTES = 32768;

/** Keys of contact attributes: letters, digits, `-` and `_`. */
const CONTACT_ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;

/** The event hooks of `UpdateContactEventHooks`. */
const EVENT_HOOKS = [
  'AgentHold', 'AgentWhisper', 'CustomerHold', 'CustomerQueue', 'CustomerRemaining', 'CustomerWhisper',
  'DefaultAgentUI', 'DisconnectAgentUI', 'PauseContact', 'ResumeContact',
];

/** The engines of Amazon Polly, as the flow language accepts them (in any case). */
const POLLY_ENGINES = ['standard', 'neural', 'generative'];

/** The largest queue priority (the lowest): a signed 64-bit integer. */
const MAX_QUEUE_PRIORITY = BigInt('9223372036854775807');

/** Kinds where inbound-flow-only actions may be used: inbound flows and the modules they invoke. */
const INBOUND: FlowKind[] = ['CONTACT_FLOW', 'MODULE'];

/** Inbound, customer queue and transfer flows (and modules). */
const INBOUND_QUEUE_AND_TRANSFER: FlowKind[] = [...INBOUND, 'CUSTOMER_QUEUE', 'AGENT_TRANSFER', 'QUEUE_TRANSFER'];

/** The flow kinds of the flow designer's "Set hold flow" block. */
const HOLD_HOOK_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'];

/** The flow kinds of the flow designer's "Set whisper flow" block. */
const WHISPER_HOOK_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'];

/**
 * The flow kinds a hook can be set in: the "Flow types" of the block that sets it ("Set customer queue flow", "Set
 * hold flow", "Set whisper flow"). Hooks not listed (disconnect and event flows) can be set in every kind.
 */
const HOOK_FLOW_KINDS: Record<string, readonly FlowKind[]> = {
  CustomerQueue: ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'],
  CustomerHold: HOLD_HOOK_KINDS,
  AgentHold: HOLD_HOOK_KINDS,
  CustomerWhisper: WHISPER_HOOK_KINDS,
  AgentWhisper: WHISPER_HOOK_KINDS,
};

function checkContactAttributes(p: ParameterChecker): void {
  p.required('Attributes');
  const attributes = p.object('Attributes');
  if (attributes !== undefined) {
    const keys = Object.keys(attributes);
    if (keys.length === 0) {
      p.fail('parameter Attributes must set at least one contact attribute');
    }
    let bytes = 0;
    for (const key of keys) {
      const value = attributes[key];
      if (!isJsonPath(key) && !Token.isUnresolved(key)) {
        if (!CONTACT_ATTRIBUTE_KEY.test(key)) {
          p.fail(`contact attribute key '${key}' may contain only letters, digits, - and _`);
        }
        bytes += Buffer.byteLength(key, 'utf8');
      }
      if (Token.isUnresolved(value)) {
        continue;
      }
      if (typeof value !== 'string') {
        p.fail(`contact attribute '${key}' must be a string (text or a JSONPath), got ${JSON.stringify(value)}`);
      }
      if (!isJsonPath(value)) {
        bytes += Buffer.byteLength(value, 'utf8');
      }
    }
    if (bytes > MAX_CONTACT_ATTRIBUTE_BYTES) {
      p.fail(`sets ${bytes} bytes of contact attributes (keys and values, UTF-8); a contact holds at most ${MAX_CONTACT_ATTRIBUTE_BYTES}`);
    }
  }
  p.staticOneOf('TargetContact', ['Current', 'Related']);
}

function checkFlowAttributes(p: ParameterChecker): void {
  p.required('FlowAttributes');
  const attributes = p.object('FlowAttributes');
  if (attributes === undefined) {
    return;
  }
  const keys = Object.keys(attributes);
  if (keys.length === 0) {
    p.fail('parameter FlowAttributes must set at least one flow attribute');
  }
  for (const key of keys) {
    const attribute = attributes[key];
    if (Token.isUnresolved(attribute)) {
      continue;
    }
    if (typeof attribute !== 'object' || attribute === null || Array.isArray(attribute) || (attribute as Record<string, unknown>).Value === undefined) {
      p.fail(`flow attribute '${key}' must be an object with a Value (and a Type), got ${JSON.stringify(attribute)}`);
    }
  }
}

function checkRecordingBehavior(p: ParameterChecker): void {
  p.required('RecordingBehavior.RecordedParticipants', 'a list of Agent and Customer (empty to stop recording)');
  p.staticValue('RecordingBehavior.RecordedParticipants');
  const recorded = p.listOf('RecordingBehavior.RecordedParticipants', ['Agent', 'Customer']);
  p.staticValue('RecordingBehavior.ScreenRecordedParticipants');
  p.listOf('RecordingBehavior.ScreenRecordedParticipants', ['Agent']);
  p.staticOneOf('RecordingBehavior.IVRRecordingBehavior', ['Enabled', 'Disabled']);

  if (p.object('AnalyticsBehavior') === undefined) {
    return;
  }
  if (recorded !== undefined && !(recorded.includes('Agent') && recorded.includes('Customer'))) {
    p.fail(`sets AnalyticsBehavior, which needs RecordingBehavior.RecordedParticipants to include both Agent and Customer, got ${JSON.stringify(recorded)}`);
  }
  p.staticOneOf('AnalyticsBehavior.Enabled', ['True', 'False']);
  p.staticValue('AnalyticsBehavior.AnalyticsLanguage');
  p.matches('AnalyticsBehavior.AnalyticsLanguage', /^[a-z]{2}-[A-Z]{2}$/, 'a language code like en-US (xx-XX)');
  p.oneOf('AnalyticsBehavior.AnalyticsRedactionBehavior', ['Enabled', 'Disabled']);
  p.oneOf('AnalyticsBehavior.AnalyticsRedactionResults', ['RedactedAndOriginal', 'RedactedOnly']);
  p.staticOneOf('AnalyticsBehavior.AnalyticsRedactionMaskMode', ['EntityType', 'PII']);
  const entities = p.list('AnalyticsBehavior.AnalyticsRedactionEntities');
  if (entities !== undefined) {
    if (entities.length === 0) {
      p.fail('parameter AnalyticsBehavior.AnalyticsRedactionEntities must list at least one entity type; leave it out to redact every type');
    }
    for (const entity of entities) {
      if (!Token.isUnresolved(entity) && (typeof entity !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(entity))) {
        p.fail(`parameter AnalyticsBehavior.AnalyticsRedactionEntities must contain entity types such as NAME or SSN, got ${JSON.stringify(entity)}`);
      }
    }
  }
  p.listOf('AnalyticsBehavior.ChannelConfiguration.Chat.AnalyticsModes', ['ContactLens']);
  p.listOf('AnalyticsBehavior.ChannelConfiguration.Voice.AnalyticsModes', ['RealTime', 'PostContact']);
  p.listOf('AnalyticsBehavior.SummaryConfiguration.SummaryModes', ['PostContact']);
  p.staticOneOf('AnalyticsBehavior.SentimentConfiguration.Enabled', ['True', 'False']);
}

function checkEventHooks(p: ParameterChecker): void {
  p.required('EventHooks');
  const hooks = p.object('EventHooks');
  if (hooks === undefined) {
    return;
  }
  const keys = Object.keys(hooks);
  if (keys.length !== 1) {
    p.fail(`parameter EventHooks must set exactly one event hook, got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
  }
  const [hook] = keys;
  if (!EVENT_HOOKS.includes(hook)) {
    p.fail(`cannot set the event hook '${hook}'; event hooks: ${EVENT_HOOKS.join(', ')}`);
  }
  const kinds = HOOK_FLOW_KINDS[hook];
  if (kinds !== undefined && p.flowKind !== undefined && !kinds.includes(p.flowKind)) {
    p.fail(`sets the ${hook} event hook, which cannot be set in a ${describeFlowKind(p.flowKind)}; it can be set in: ${kinds.map(describeFlowKind).join(', ')}`);
  }
  const flow = hooks[hook];
  if (flow === undefined || (!Token.isUnresolved(flow) && (typeof flow !== 'string' || flow.length === 0))) {
    p.fail(`parameter EventHooks.${hook} must be the ID or ARN of a flow (or a JSONPath to one), got ${JSON.stringify(flow) ?? 'nothing'}`);
  }
  p.idOrPath(`EventHooks.${hook}`, 'flow');
}

function checkTextToSpeechVoice(p: ParameterChecker): void {
  p.required('TextToSpeechVoice');
  p.text('TextToSpeechVoice');
  const engine = p.value('TextToSpeechEngine');
  // Engines of third-party text-to-speech providers are written `provider:model`; only Polly's are known here.
  if (engine !== undefined && !isDynamic(engine) && !(typeof engine === 'string' && (engine.includes(':') || POLLY_ENGINES.includes(engine.toLowerCase())))) {
    p.fail(`parameter TextToSpeechEngine must be one of Standard, Neural, Generative, got ${JSON.stringify(engine)}`);
  }
  p.oneOf('TextToSpeechStyle', ['None', 'Conversational', 'Newscaster']);
}

function checkLoggingBehavior(p: ParameterChecker): void {
  p.required('FlowLoggingBehavior');
  p.staticOneOf('FlowLoggingBehavior', ['Enabled', 'Disabled']);
}

function checkRoutingBehavior(p: ParameterChecker): void {
  p.exactlyOneOf(['QueuePriority', 'QueueTimeAdjustmentSeconds']);
  p.staticValue('QueuePriority');
  p.staticValue('QueueTimeAdjustmentSeconds');
  const priority = p.value('QueuePriority');
  if (priority !== undefined && !Token.isUnresolved(priority)) {
    const digits = typeof priority === 'number' && Number.isInteger(priority) ? String(priority) : priority;
    if (typeof digits !== 'string' || !/^\d+$/.test(digits.trim()) || BigInt(digits.trim()) < BigInt(1) || BigInt(digits.trim()) > MAX_QUEUE_PRIORITY) {
      p.fail(`parameter QueuePriority must be an integer from 1 (highest) to ${MAX_QUEUE_PRIORITY} (lowest), got ${JSON.stringify(priority)}`);
    }
  }
  p.integer('QueueTimeAdjustmentSeconds', -2147483648, 2147483647, 'seconds');
}

/** Checks a routing expression: one attribute condition, or a non-empty AND (or OR) of expressions. */
function checkExpression(p: ParameterChecker, path: string): void {
  const expression = p.object(path);
  if (expression === undefined) {
    p.required(path);
    return;
  }
  const forms = ['AttributeCondition', 'AndExpression', 'OrExpression', 'NotAttributeCondition'].filter(form => expression[form] !== undefined);
  if (forms.length !== 1) {
    p.fail(`parameter ${path} must have exactly one of AttributeCondition, AndExpression, got ${forms.length === 0 ? 'none' : forms.join(', ')}`);
  }
  const [form] = forms;
  if (form === 'AndExpression' || form === 'OrExpression') {
    const list = p.list(`${path}.${form}`);
    if (list !== undefined) {
      if (list.length === 0) {
        p.fail(`parameter ${path}.${form} must list at least one expression`);
      }
      list.forEach((_, index) => checkExpression(p, `${path}.${form}.${index}`));
    }
    return;
  }
  const condition = `${path}.${form}`;
  p.text(`${condition}.Name`, 64);
  p.text(`${condition}.Value`, 64);
  const level = p.value(`${condition}.ProficiencyLevel`);
  if (level !== undefined && !isDynamic(level)) {
    const number = typeof level === 'string' && level.trim() !== '' ? Number(level) : level;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 5) {
      p.fail(`parameter ${condition}.ProficiencyLevel must be one of 1.0, 2.0, 3.0, 4.0, 5.0, got ${JSON.stringify(level)}`);
    }
  }
}

function checkRoutingCriteria(p: ParameterChecker): void {
  p.required('RoutingCriteria.Steps');
  const stepsValue = p.value('RoutingCriteria.Steps');
  if (isDynamic(stepsValue)) {
    return;
  }
  const steps = p.list('RoutingCriteria.Steps');
  if (steps === undefined) {
    return;
  }
  if (steps.length === 0) {
    p.fail('parameter RoutingCriteria.Steps must list at least one routing step');
  }
  steps.forEach((_, index) => {
    const step = `RoutingCriteria.Steps.${index}`;
    checkExpression(p, `${step}.Expression`);
    p.staticValue(`${step}.Expiry.DurationInSeconds`);
    p.integer(`${step}.Expiry.DurationInSeconds`, 1, 2147483647, 'seconds');
  });
}

/** The flow language rules of the contact actions (see src/flows/actions/contact.ts). */
export const CONTACT_SPECS: Record<string, ActionSpec> = {
  // Set contact attributes: all flows.
  UpdateContactAttributes: {
    next: 'required',
    errors: ['NoMatchingError'],
    check: checkContactAttributes,
  },
  // Set contact attributes (flow namespace): all flows. The reference lists no errors; an error branch is accepted.
  UpdateFlowAttributes: {
    next: 'required',
    errors: [],
    check: checkFlowAttributes,
  },
  // Set recording and analytics behavior: inbound, transfer, outbound whisper and customer queue flows.
  UpdateContactRecordingBehavior: {
    next: 'required',
    errors: [],
    // CreateContactFlow answers "Invalid Action error. Error: NoMatchingError".
    rejectsNoMatchingError: true,
    flowKinds: [...INBOUND_QUEUE_AND_TRANSFER, 'OUTBOUND_WHISPER'],
    check: checkRecordingBehavior,
  },
  // Set customer queue / hold / whisper / disconnect / event flow: together, every flow type; each hook can be set
  // in the flow types of its block (HOOK_FLOW_KINDS).
  UpdateContactEventHooks: {
    next: 'required',
    errors: ['NoMatchingError'],
    check: checkEventHooks,
  },
  // Set voice: all flows.
  UpdateContactTextToSpeechVoice: {
    next: 'required',
    errors: ['NoMatchingError'],
    check: checkTextToSpeechVoice,
  },
  // Set logging behavior: all flows.
  UpdateFlowLoggingBehavior: {
    next: 'required',
    errors: [],
    check: checkLoggingBehavior,
  },
  // Change routing priority / age: inbound, customer queue and transfer flows.
  UpdateContactRoutingBehavior: {
    next: 'required',
    errors: [],
    flowKinds: INBOUND_QUEUE_AND_TRANSFER,
    check: checkRoutingBehavior,
  },
  // Set routing criteria: inbound, customer queue and transfer flows.
  UpdateRoutingCriteria: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: INBOUND_QUEUE_AND_TRANSFER,
    check: checkRoutingCriteria,
  },
};
