import { ActionSpec, FlowKind, ParameterChecker, allFlowKindsExcept, describeCondition, isDynamic } from './rules';

/**
 * The most characters of text or SSML in a message: the flow designer takes 3,000 billed characters, 6,000 in all
 * (admin guide, "Play prompt" and "Get customer input").
 */
const MAX_MESSAGE_CHARACTERS = 6000;

/** The parameters that give the content of a message; a message has one of them. */
const MESSAGE_CONTENT = ['PromptId', 'Text', 'SSML', 'Media'];

/** "Play prompt": every flow type but the hold flows. */
const MESSAGE_FLOW_KINDS = allFlowKindsExcept('CUSTOMER_HOLD', 'AGENT_HOLD');

/** "Loop prompts": the flows that run while a contact waits. */
const LOOP_FLOW_KINDS: FlowKind[] = ['CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'AGENT_HOLD'];

/**
 * "Get customer input" (DTMF and Amazon Lex) and "Store customer input": inbound, customer queue, outbound whisper
 * and transfer flows, and modules (which run inside inbound flows); not hold or agent and customer whisper flows.
 */
const INPUT_FLOW_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'OUTBOUND_WHISPER', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'MODULE'];

/** "Show view": inbound and customer queue flows, and modules. */
const VIEW_FLOW_KINDS: FlowKind[] = ['CONTACT_FLOW', 'CUSTOMER_QUEUE', 'MODULE'];

/** "Authenticate Customer": inbound flows only. */
const AUTHENTICATE_FLOW_KINDS: FlowKind[] = ['CONTACT_FLOW'];

/** The ARN of a Lex V2 bot alias. */
const LEX_BOT_ALIAS_ARN = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9a-zA-Z]+\/[0-9a-zA-Z]+$/;

/** The flow language rules of the participant actions (see src/flows/actions/participant.ts). */
export const PARTICIPANT_SPECS: Record<string, ActionSpec> = {
  MessageParticipant: {
    next: 'required',
    errors: ['NoMatchingError'],
    flowKinds: MESSAGE_FLOW_KINDS,
    check: p => {
      checkMessage(p, '', true);
      // The flow designer writes it in lower case.
      p.oneOf('SkipWhenDTMFBufferEnabled', ['true', 'false']);
    },
  },

  MessageParticipantIteratively: {
    // It loops until the contact leaves the queue or hold; the only way on is the MessagesInterrupted condition (a
    // NextAction, as a flow designer export may have one, is accepted and never taken).
    next: 'ends',
    errors: ['NoMatchingError'],
    conditions: true,
    flowKinds: LOOP_FLOW_KINDS,
    check: p => {
      p.required('Messages', 'the messages to play in a loop');
      const messages = p.value('Messages');
      if (!isDynamic(messages)) {
        if (!Array.isArray(messages) || messages.length === 0) {
          return p.fail(`parameter Messages must be a list of 1 or more messages, got ${JSON.stringify(messages)}`);
        }
        messages.forEach((_message, index) => checkMessage(p, `Messages.${index}.`, true));
      }
      p.positiveInteger('InterruptFrequencySeconds', 'seconds');
    },
    checkConditions: (conditions, p) => {
      p.equalsAmong(conditions, ['MessagesInterrupted']);
      p.required('InterruptFrequencySeconds', 'the loop is interrupted (the MessagesInterrupted condition) only after an interruption time');
    },
  },

  GetParticipantInput: {
    // Branches on the key pressed; stored input continues with the next action. The reference describes the timeout
    // error (InputTimeLimitExceeded) with InputTimeLimitSeconds.
    next: 'branches',
    errors: ['NoMatchingCondition', 'InputTimeLimitExceeded', 'InvalidPhoneNumber', 'NoMatchingError'],
    conditions: true,
    flowKinds: INPUT_FLOW_KINDS,
    check: p => {
      checkMessage(p, '', false);
      p.required('InputTimeLimitSeconds', 'the seconds to wait for the first key');
      p.integer('InputTimeLimitSeconds', 1, 180, 'seconds');
      p.oneOf('StoreInput', ['True', 'False']);
      if (p.value('StoreInput') === 'True') {
        p.required('InputValidation', 'stored input is checked with a PhoneNumberValidation or a CustomValidation');
        p.exactlyOneOf(['InputValidation.PhoneNumberValidation', 'InputValidation.CustomValidation']);
      } else if (p.has('InputValidation')) {
        p.fail('takes InputValidation only when StoreInput is True');
      }
      if (p.has('InputValidation.PhoneNumberValidation')) {
        const format = 'InputValidation.PhoneNumberValidation.NumberFormat';
        const country = 'InputValidation.PhoneNumberValidation.CountryCode';
        p.required(format, 'Local or E164');
        p.oneOf(format, ['Local', 'E164']);
        if (p.value(format) === 'Local') {
          p.required(country, 'a Local number format needs the two-letter country code');
        }
        p.matches(country, /^[A-Z]{2}$/, 'a two-letter country code such as US');
      }
      if (p.has('InputValidation.CustomValidation')) {
        p.required('InputValidation.CustomValidation.MaximumLength', 'the most digits the customer may enter');
        p.positiveInteger('InputValidation.CustomValidation.MaximumLength', 'digits');
      }
      if (p.has('InputEncryption')) {
        if (!p.has('InputValidation.CustomValidation')) {
          p.fail('takes InputEncryption only with InputValidation.CustomValidation (stored input checked by its number of digits)');
        }
        p.required('InputEncryption.EncryptionKeyId');
        p.required('InputEncryption.Key', 'the public key in PEM format');
      }
      p.matches('DTMFConfiguration.InputTerminationSequence', /^[0-9*#]{1,5}$/, '1 to 5 keys of 0-9, * and #');
      p.oneOf('DTMFConfiguration.DisableCancelKey', ['True', 'False']);
      p.integer('DTMFConfiguration.InterdigitTimeLimitSeconds', 1, 20, 'seconds');
    },
    checkConditions: (conditions, p) => {
      if (p.value('StoreInput') === 'True') {
        p.fail('stores its input (StoreInput True), so it takes no conditions; continue it with its next action');
      }
      for (const condition of conditions) {
        const operand = p.equalsOperand(condition, 'one key: 0-9, * or #');
        if (operand !== undefined && !isDynamic(operand) && !/^[0-9*#]$/.test(operand)) {
          p.fail(`conditions must be Equals with one key: 0-9, * or #, got ${describeCondition(condition)}`);
        }
      }
    },
  },

  ConnectParticipantWithLexBot: {
    next: 'branches',
    errors: ['NoMatchingCondition', 'InputTimeLimitExceeded', 'NoMatchingError'],
    // CreateContactFlow answers "Action is missing required error" without any one of them.
    requiredErrors: ['NoMatchingCondition', 'InputTimeLimitExceeded', 'NoMatchingError'],
    conditions: true,
    flowKinds: INPUT_FLOW_KINDS,
    check: p => {
      checkMessage(p, '', false);
      p.exactlyOneOf(['LexV2Bot', 'LexBot']);
      if (p.has('LexV2Bot')) {
        p.required('LexV2Bot.AliasArn', 'the ARN of the Lex V2 bot alias');
        p.matches('LexV2Bot.AliasArn', LEX_BOT_ALIAS_ARN, 'the ARN of a Lex V2 bot alias (arn:aws:lex:<region>:<account>:bot-alias/<bot-id>/<alias-id>)');
      }
      if (p.has('LexBot')) {
        for (const member of ['Name', 'Region', 'Alias']) {
          p.required(`LexBot.${member}`);
          p.text(`LexBot.${member}`);
        }
      }
      p.integer('LexTimeoutSeconds.Text', 1, 7 * 24 * 3600, 'seconds');
    },
    checkConditions: (conditions, p) => {
      conditions.forEach(condition => p.equalsOperand(condition, 'an intent name'));
    },
  },

  ShowView: {
    next: 'branches',
    errors: ['NoMatchingCondition', 'TimeLimitExceeded', 'NoMatchingError'],
    // CreateContactFlow answers "Action is missing required error" without either of them.
    requiredErrors: ['NoMatchingCondition', 'TimeLimitExceeded'],
    conditions: true,
    flowKinds: VIEW_FLOW_KINDS,
    check: p => {
      p.required('ViewResource.Id', 'the view to show');
      p.text('ViewResource.Id');
      p.text('ViewResource.Version');
      p.positiveInteger('InvocationTimeLimitSeconds', 'seconds');
      p.listOf('SensitiveDataConfiguration.HideResponseOn', ['TRANSCRIPT']);
    },
  },

  DisconnectParticipant: {
    next: 'none',
    errors: [],
  },

  AuthenticateParticipant: {
    // Success is the next action; OptedOut is a condition; the timeout is TimeLimitExceeded. The flow language
    // reference has no page for it; the "Authenticate Customer" block has an Error branch (NoMatchingError).
    next: 'required',
    errors: ['TimeLimitExceeded', 'NoMatchingError'],
    conditions: true,
    flowKinds: AUTHENTICATE_FLOW_KINDS,
    check: p => {
      p.required('CognitoConfiguration.UserPoolArn', 'the ARN of the Amazon Cognito user pool');
      p.required('CognitoConfiguration.AppClientId', 'the id of the user pool app client');
      p.text('CognitoConfiguration.UserPoolArn');
      p.text('CognitoConfiguration.AppClientId');
      p.integer('TimeLimitMinutes', 3, 15, 'minutes');
      if (p.has('CustomerProfilesConfiguration')) {
        p.text('CustomerProfilesConfiguration.ObjectTypeName');
      }
    },
    checkConditions: (conditions, p) => {
      p.equalsAmong(conditions, ['OptedOut']);
    },
  },
};

/**
 * Checks the content of a message at `prefix` (`''` or `Messages.0.`): exactly one (or at most one) of a prompt,
 * text, SSML and an audio file, text of at most 6,000 characters, and a well-formed S3 media source.
 */
function checkMessage(p: ParameterChecker, prefix: string, required: boolean): void {
  const paths = MESSAGE_CONTENT.map(name => prefix + name);
  if (required) {
    p.exactlyOneOf(paths);
  } else {
    p.atMostOneOf(paths);
  }
  p.text(`${prefix}PromptId`);
  p.text(`${prefix}Text`, MAX_MESSAGE_CHARACTERS);
  p.text(`${prefix}SSML`, MAX_MESSAGE_CHARACTERS);
  if (p.has(`${prefix}Media`)) {
    p.required(`${prefix}Media.Uri`, 'the location of the audio file in Amazon S3');
    p.text(`${prefix}Media.Uri`);
    p.oneOf(`${prefix}Media.SourceType`, ['S3']);
    p.oneOf(`${prefix}Media.MediaType`, ['Audio']);
  }
}
