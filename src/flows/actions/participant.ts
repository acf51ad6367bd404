import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { aws_lex as lexRefs } from 'aws-cdk-lib/interfaces';
import { IPrompt } from '../../constructs/prompt';
import { IView } from '../../constructs/view';
import { compact, failAction, numberText, trueFalse, wholeMinutes, wholeSeconds } from '../../private/flow-actions/rendering';
import { ConditionalFlowAction, FlowAction, FlowCondition, IFlowChainable } from '../action';
import { FlowRenderContext } from '../context';

/**
 * What an action says to the participant: text (text-to-speech on voice, a message on chat), SSML, a prompt, or an
 * audio file in Amazon S3. Give one of them.
 *
 * Prompts, SSML and audio files play on voice contacts only; other channels take text only.
 */
export interface ParticipantMessage {
  /**
   * Text to say (voice, as text-to-speech) or send (chat and other channels), at most 6,000 characters. It may hold
   * JSONPath references to contact data, such as `$.Attributes.greeting`.
   *
   * @default - no text
   */
  readonly text?: string;

  /**
   * SSML to speak on voice contacts, such as `<speak>Hello</speak>`, at most 6,000 characters.
   *
   * @default - no SSML
   */
  readonly ssml?: string;

  /**
   * A prompt of the flow's instance to play on voice contacts.
   *
   * @default - no prompt
   */
  readonly prompt?: IPrompt;

  /**
   * The location of an audio file in Amazon S3 to play on voice contacts (the flow designer's "S3 file path"), such as
   * `https://amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com/prompts/welcome.wav`. Amazon Connect must be able to
   * read the object.
   *
   * @default - no audio file
   */
  readonly s3AudioUri?: string;
}

/**
 * Properties of a `MessageParticipant` action: the message, exactly one of text, SSML, a prompt or an audio file.
 */
export interface MessageParticipantProps extends ParticipantMessage {
  /**
   * Skip the message when the caller has already typed ahead: keys pressed before the message plays, kept for the
   * next input (the `SkipWhenDTMFBufferEnabled` parameter, which the flow designer writes as `"true"` or `"false"`).
   *
   * @default - not written: Amazon Connect plays the message
   */
  readonly skipWhenDtmfBuffered?: boolean;
}

/**
 * Plays a prompt or speaks text to the participant on voice, or sends a text message on other channels (the
 * "Play prompt" block).
 *
 * ```ts
 * const bye = new DisconnectParticipant('Bye');
 * const greeting = new MessageParticipant('Greeting', { text: 'Welcome to Example Corp.' });
 * greeting.onError(bye); // for example a prompt that cannot play on chat
 * greeting.next(bye);
 * ```
 *
 * Checked when the flow is rendered: exactly one of `text`, `ssml`, `prompt` and `s3AudioUri`, text and SSML of at
 * most 6,000 characters, the prompt belongs to the flow's instance, the flow is not a hold flow, and its error
 * (`NoMatchingError`) is routed with `onError()`.
 */
export class MessageParticipant extends FlowAction {
  private readonly props: MessageParticipantProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: MessageParticipantProps) {
    super(id, 'MessageParticipant');
    this.props = props;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const skip = this.props.skipWhenDtmfBuffered;
    return compact({
      SkipWhenDTMFBufferEnabled: skip === undefined ? undefined : String(skip),
      ...renderMessage(this, context, this.props),
    });
  }
}

/**
 * Properties of a `MessageParticipantIteratively` action.
 */
export interface MessageParticipantIterativelyProps {
  /**
   * The messages to play, in order, again and again; each gives exactly one of text, SSML, a prompt or an audio file.
   */
  readonly messages: ParticipantMessage[];

  /**
   * Interrupt the loop after this long (whole seconds) and continue with the branch of `whenInterrupted()`, for
   * example to offer a callback while the customer waits in queue.
   *
   * @default - the loop is never interrupted; it plays until the contact leaves the queue or hold
   */
  readonly interruptEvery?: Duration;
}

/**
 * Plays a sequence of messages in a loop while the customer waits in queue or a participant is on hold (the
 * "Loop prompts" block). Voice only: on chat it takes the error branch.
 *
 * The action has no next action: it loops until the contact leaves the queue or hold, or, with `interruptEvery`,
 * until the interruption, which continues with `whenInterrupted()`.
 *
 * ```ts
 * new MessageParticipantIteratively('HoldMusic', {
 *   messages: [{ text: 'Thank you for waiting.' }, { prompt: holdMusic }],
 *   interruptEvery: Duration.seconds(60),
 * }).whenInterrupted(offerCallback).onError(offerCallback);
 * ```
 *
 * Allowed in customer queue, customer hold and agent hold flows. Its error (`NoMatchingError`, taken for example on
 * chat) must be routed with `onError()`.
 */
export class MessageParticipantIteratively extends FlowAction {
  private readonly props: MessageParticipantIterativelyProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: MessageParticipantIterativelyProps) {
    super(id, 'MessageParticipantIteratively');
    this.props = props;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /**
   * Continues with an action when the loop is interrupted (after `interruptEvery`, which the action must have).
   */
  public whenInterrupted(next: IFlowChainable): MessageParticipantIteratively {
    this.addCondition(FlowCondition.equalTo('MessagesInterrupted'), next);
    return this;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    return compact({
      Messages: this.props.messages.map(message => renderMessage(this, context, message)),
      InterruptFrequencySeconds: this.props.interruptEvery && numberText(wholeSeconds(this, 'interruptEvery', this.props.interruptEvery)),
    });
  }
}

/**
 * How a phone number that the customer enters is checked.
 */
export enum PhoneNumberInputFormat {
  /** A local number, without `+` and country code; give the country with `countryCode`. */
  LOCAL = 'Local',

  /** A full E.164 number, such as `+12065550100`. */
  E164 = 'E164',
}

/**
 * How the customer's keypresses are collected on voice contacts.
 */
export interface DtmfInputOptions {
  /**
   * The keys (1 to 5 of `0`-`9`, `*` and `#`) that end the input, such as `#`.
   *
   * @default - Amazon Connect's default terminator
   */
  readonly terminator?: string;

  /**
   * Whether `*` stops cancelling the input, so that customers can enter it as part of their input.
   *
   * @default false
   */
  readonly disableCancelKey?: boolean;

  /**
   * How long to wait between two keypresses before the input ends (whole seconds, 1 to 20).
   *
   * @default - Amazon Connect's default
   */
  readonly interdigitTimeout?: Duration;
}

/**
 * The public key that stored customer input is encrypted with.
 */
export interface InputEncryptionOptions {
  /**
   * The identifier of the key, as uploaded to the instance for customer input encryption.
   */
  readonly encryptionKeyId: string;

  /**
   * The public key in PEM format, signed with the key that `encryptionKeyId` identifies.
   */
  readonly publicKey: string;
}

/**
 * How the input is stored (the "Store customer input" block): in the `$.StoredCustomerInput` system attribute,
 * checked as a number of digits or as a phone number, and optionally encrypted.
 */
export interface StoredInputOptions {
  /**
   * The most digits the customer may enter. Give this or `phoneNumberFormat`.
   *
   * @default - none; required unless `phoneNumberFormat` is given
   */
  readonly maxDigits?: number;

  /**
   * Check the input as a phone number of this format. Give this or `maxDigits`.
   *
   * @default - none; required unless `maxDigits` is given
   */
  readonly phoneNumberFormat?: PhoneNumberInputFormat;

  /**
   * The two-letter country code of local phone numbers, such as `US`.
   *
   * @default - none; required with `PhoneNumberInputFormat.LOCAL`
   */
  readonly countryCode?: string;

  /**
   * Encrypt the stored input with a public key (only with `maxDigits`).
   *
   * @default - the input is stored unencrypted
   */
  readonly encryption?: InputEncryptionOptions;
}

/**
 * Properties of a `GetParticipantInput` action.
 */
export interface GetParticipantInputProps extends ParticipantMessage {
  /**
   * How long to wait for the first key (whole seconds, 1 to 180) before the timeout branch (`onTimeout()`).
   *
   * @default Duration.seconds(5)
   */
  readonly timeout?: Duration;

  /**
   * How keypresses are collected.
   *
   * @default - Amazon Connect's defaults
   */
  readonly dtmf?: DtmfInputOptions;

  /**
   * Store the input (several digits, such as an account or card number) instead of branching on it: the action
   * then continues with its next action and takes no conditions.
   *
   * @default - the input is not stored; the action branches on the key pressed
   */
  readonly storeInput?: StoredInputOptions;
}

/**
 * Gets the customer's keypresses on a voice contact (the "Get customer input" block with DTMF, and the "Store
 * customer input" block), after an optional message.
 *
 * To branch on a key, give a condition per key with `when(FlowCondition.equalTo('1'), next)`, and `otherwise()`
 * for any other key. To collect several digits, give `storeInput`: the action stores them in
 * `$.StoredCustomerInput` and continues with `next()`.
 *
 * ```ts
 * const menu = new GetParticipantInput('Menu', {
 *   text: 'Press 1 for sales, 2 for support.',
 *   timeout: Duration.seconds(8),
 * });
 * menu
 *   .when(FlowCondition.equalTo('1'), toSales)
 *   .when(FlowCondition.equalTo('2'), toSupport)
 *   .otherwise(sorry);
 * menu.onTimeout(sorry).onError(sorry);
 * ```
 *
 * Checked when the flow is rendered: conditions are `Equals` with one key (`0`-`9`, `*` or `#`) and stored input
 * takes none; the timeout and the DTMF options are in range; stored input is checked by digits or as a phone number
 * (not both); and the flow's type.
 */
export class GetParticipantInput extends ConditionalFlowAction {
  private readonly props: GetParticipantInputProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: GetParticipantInputProps = {}) {
    super(id, 'GetParticipantInput');
    this.props = props;
  }

  /**
   * Continues with an action when the customer presses no key within the timeout (the `InputTimeLimitExceeded`
   * error).
   */
  public onTimeout(next: IFlowChainable): GetParticipantInput {
    this.addError('InputTimeLimitExceeded', next);
    return this;
  }

  /**
   * Continues with an action when stored input is not a valid phone number (the `InvalidPhoneNumber` error, with
   * `storeInput.phoneNumberFormat`).
   */
  public onInvalidPhoneNumber(next: IFlowChainable): GetParticipantInput {
    this.addError('InvalidPhoneNumber', next);
    return this;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const store = this.props.storeInput;
    const dtmf = this.props.dtmf;
    return compact({
      ...renderMessage(this, context, this.props),
      InputTimeLimitSeconds: numberText(wholeSeconds(this, 'timeout', this.props.timeout ?? Duration.seconds(5))),
      StoreInput: store === undefined ? 'False' : 'True',
      InputValidation: store && compact({
        PhoneNumberValidation: store.phoneNumberFormat && compact({
          NumberFormat: store.phoneNumberFormat,
          CountryCode: store.countryCode,
        }),
        CustomValidation: store.maxDigits === undefined ? undefined : { MaximumLength: numberText(store.maxDigits) },
      }),
      InputEncryption: store?.encryption && {
        EncryptionKeyId: store.encryption.encryptionKeyId,
        Key: store.encryption.publicKey,
      },
      DTMFConfiguration: dtmf && compact({
        InputTerminationSequence: dtmf.terminator,
        DisableCancelKey: trueFalse(dtmf.disableCancelKey),
        InterdigitTimeLimitSeconds: dtmf.interdigitTimeout && numberText(wholeSeconds(this, 'dtmf.interdigitTimeout', dtmf.interdigitTimeout)),
      }),
    });
  }

  /**
   * The flow designer writes the `otherwise()` branch as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._otherwiseTarget();
  }
}

/**
 * An Amazon Lex (V1, classic) bot, by name, Region and alias (the `LexBot` parameter).
 */
export interface LexV1BotOptions {
  /** The name of the bot. */
  readonly name: string;

  /** The Region of the bot, such as `us-east-1`. */
  readonly region: string;

  /** The alias of the bot, such as `$LATEST` or `prod`. */
  readonly alias: string;
}

/**
 * Properties of a `ConnectParticipantWithLexBot` action.
 */
export interface ConnectParticipantWithLexBotProps extends ParticipantMessage {
  /**
   * The Amazon Lex V2 bot alias to talk to. It is associated with the flow's instance, and the flow depends on the
   * association. Give this or `lexV1Bot`.
   *
   * @default - none; give `botAlias` or `lexV1Bot`
   */
  readonly botAlias?: lexRefs.IBotAliasRef;

  /**
   * An Amazon Lex (V1, classic) bot to talk to, as flows exported from older instances name it. Amazon Lex V1 no
   * longer takes new bots; the bot must already be associated with the instance. Give this or `botAlias`.
   *
   * @default - none; give `botAlias` or `lexV1Bot`
   */
  readonly lexV1Bot?: LexV1BotOptions;

  /**
   * Session attributes to pass to the bot; values may be JSONPath references, such as `$.Attributes.customerId`.
   *
   * @default - none
   */
  readonly sessionAttributes?: { [key: string]: string };

  /**
   * How long to wait for the customer on chat before the timeout branch (`onTimeout()`), in whole seconds, up to
   * 7 days.
   *
   * @default - Amazon Connect's default
   */
  readonly chatTimeout?: Duration;
}

/**
 * Hands the participant to an Amazon Lex V2 bot (the "Get customer input" block with Amazon Lex), after an
 * optional message, and branches on the intent the bot recognized.
 *
 * ```ts
 * declare const alias: lex.CfnBotAlias;
 * const bot = new ConnectParticipantWithLexBot('Bot', {
 *   text: 'How can I help you?',
 *   botAlias: alias,
 *   sessionAttributes: { customerId: '$.Attributes.customerId' },
 * });
 * bot.whenIntent('CheckBalance', balance).whenIntent('TalkToAgent', toQueue);
 * bot.otherwise(sorry).onError(sorry);
 * ```
 *
 * The bot alias is associated with the flow's instance. Checked when the flow is rendered: conditions are `Equals`
 * with an intent name, at most one message, the bot alias, the chat timeout and the flow's type.
 */
export class ConnectParticipantWithLexBot extends ConditionalFlowAction {
  private readonly props: ConnectParticipantWithLexBotProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: ConnectParticipantWithLexBotProps) {
    super(id, 'ConnectParticipantWithLexBot');
    if ((props.botAlias === undefined) === (props.lexV1Bot === undefined)) {
      failAction(this, `takes exactly one of botAlias (Amazon Lex V2) and lexV1Bot, got ${props.botAlias === undefined ? 'neither' : 'both'}`);
    }
    this.props = props;
  }

  /**
   * Continues with an action when the bot recognized an intent.
   *
   * @param intent the name of the intent
   */
  public whenIntent(intent: string, next: IFlowChainable): ConnectParticipantWithLexBot {
    this.when(FlowCondition.equalTo(intent), next);
    return this;
  }

  /**
   * Continues with an action when the customer does not answer within the chat timeout (the
   * `InputTimeLimitExceeded` error).
   */
  public onTimeout(next: IFlowChainable): ConnectParticipantWithLexBot {
    this.addError('InputTimeLimitExceeded', next);
    return this;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    return compact({
      ...renderMessage(this, context, this.props),
      LexV2Bot: this.props.botAlias && { AliasArn: context.lexBotAlias(this.props.botAlias) },
      LexBot: this.props.lexV1Bot && { Name: this.props.lexV1Bot.name, Region: this.props.lexV1Bot.region, Alias: this.props.lexV1Bot.alias },
      LexSessionAttributes: this.props.sessionAttributes,
      LexTimeoutSeconds: this.props.chatTimeout && { Text: numberText(wholeSeconds(this, 'chatTimeout', this.props.chatTimeout)) },
    });
  }

  /**
   * The flow designer writes the `otherwise()` branch as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._otherwiseTarget();
  }
}

/**
 * Properties of a `ShowView` action.
 */
export interface ShowViewProps {
  /**
   * The view to show: a view of the flow's instance, or an AWS managed view imported with
   * `View.fromManagedViewArn()`.
   */
  readonly view: IView;

  /**
   * The version of the view to show, such as `1` or `$LATEST`.
   *
   * @default - no version is given: Amazon Connect shows the view's latest version
   */
  readonly version?: string;

  /**
   * How long to wait for the user before the timeout branch (`onTimeout()`), in whole seconds.
   *
   * @default - no time limit
   */
  readonly timeLimit?: Duration;

  /**
   * The data the view shows, by the names of its inputs; values may be JSONPath references to contact data.
   *
   * @default - no data
   */
  readonly viewData?: { [key: string]: any };

  /**
   * Keep the user's response out of the chat transcript (for sensitive data entered in the view).
   *
   * @default false
   */
  readonly hideResponseInTranscript?: boolean;
}

/**
 * Shows a view (a form, a step of a guide) to the agent in the agent workspace or to the customer in chat (the
 * "Show view" block), and branches on the view action the user chose.
 *
 * ```ts
 * declare const confirmView: IView;
 * const confirm = new ShowView('Confirm', {
 *   view: confirmView,
 *   timeLimit: Duration.minutes(5),
 *   viewData: { Heading: 'Confirm the order', OrderId: '$.Attributes.orderId' },
 * });
 * confirm.whenAction('Confirm', placeOrder).whenAction('Cancel', goodbye);
 * confirm.onTimeout(goodbye).otherwise(goodbye).onError(goodbye);
 * ```
 *
 * The view must belong to the flow's instance. Allowed in inbound and customer queue flows.
 */
export class ShowView extends ConditionalFlowAction {
  private readonly props: ShowViewProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: ShowViewProps) {
    super(id, 'ShowView');
    this.props = props;
  }

  /**
   * Continues with an action when the user chose an action of the view.
   *
   * @param action the view action, one of the `actions` of the view (such as `Submit`)
   */
  public whenAction(action: string, next: IFlowChainable): ShowView {
    this.when(FlowCondition.equalTo(action), next);
    return this;
  }

  /**
   * Continues with an action when the user does not respond within the time limit (the `TimeLimitExceeded` error).
   */
  public onTimeout(next: IFlowChainable): ShowView {
    this.addError('TimeLimitExceeded', next);
    return this;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const view = this.props.view;
    return compact({
      ViewResource: compact({
        Id: context.reference(this, 'view', view, view.viewArn),
        Version: this.props.version,
      }),
      InvocationTimeLimitSeconds: this.props.timeLimit && numberText(wholeSeconds(this, 'timeLimit', this.props.timeLimit)),
      ViewData: this.props.viewData,
      SensitiveDataConfiguration: this.props.hideResponseInTranscript ? { HideResponseOn: ['TRANSCRIPT'] } : undefined,
    });
  }

  /**
   * The flow designer writes the `otherwise()` branch as the `NextAction` as well.
   *
   * @internal
   */
  public _designerNextAction(): string | undefined {
    return this._otherwiseTarget();
  }
}

/**
 * Disconnects the participant and ends the flow (the "Disconnect / hang up" block). It has no next action and no
 * error branches.
 *
 * ```ts
 * const hangUp = new DisconnectParticipant('HangUp');
 * const goodbye = new MessageParticipant('Goodbye', { text: 'Thank you for calling. Goodbye.' });
 * goodbye.onError(hangUp);
 * goodbye.next(hangUp);
 * ```
 *
 * Allowed in every flow type; where the contact has no participant, it ends the flow.
 */
export class DisconnectParticipant extends FlowAction {
  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string) {
    super(id, 'DisconnectParticipant');
  }

  /** @internal */
  public get _endsFlow(): boolean {
    return true;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return false;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } {
    return {};
  }
}

/**
 * Properties of an `AuthenticateParticipant` action.
 */
export interface AuthenticateParticipantProps {
  /**
   * The Amazon Cognito user pool the customer signs in with. It is associated with the flow's instance, and the
   * flow depends on the association.
   */
  readonly userPool: cognito.IUserPool;

  /**
   * The app client of the user pool that Amazon Connect signs the customer in through.
   */
  readonly userPoolClient: cognito.IUserPoolClient;

  /**
   * How long an inactive customer who has not signed in has before the timeout branch (`onTimeout()`), in whole
   * minutes, 3 to 15.
   *
   * @default Duration.minutes(3)
   */
  readonly timeout?: Duration;

  /**
   * The name of the Customer Profiles object type mapping that stores the Cognito attributes of the customer, for a
   * mapping of your own (the flow designer's "Enter unique identifier").
   *
   * @default - the default template of Amazon Connect Customer Profiles
   */
  readonly customerProfilesObjectType?: string;
}

/**
 * Asks a chat customer to sign in with an Amazon Cognito user pool (the "Authenticate Customer" block), then
 * updates or creates the customer's profile in Customer Profiles.
 *
 * Branches: success (`next()`), opted out (`whenOptedOut()`), timeout (`onTimeout()`) and error (`onError()`).
 * Chat only (other channels take the error branch); allowed only in inbound flows.
 *
 * ```ts
 * declare const pool: cognito.UserPool;
 * const signIn = new AuthenticateParticipant('SignIn', {
 *   userPool: pool,
 *   userPoolClient: pool.addClient('Chat'),
 *   timeout: Duration.minutes(5),
 * });
 * signIn.next(toAgent);
 * signIn.whenOptedOut(asGuest).onTimeout(asGuest).onError(sorry);
 * ```
 */
export class AuthenticateParticipant extends FlowAction {
  private readonly props: AuthenticateParticipantProps;

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: AuthenticateParticipantProps) {
    super(id, 'AuthenticateParticipant');
    this.props = props;
  }

  /**
   * Continues with an action when the customer chose not to sign in.
   */
  public whenOptedOut(next: IFlowChainable): AuthenticateParticipant {
    this.addCondition(FlowCondition.equalTo('OptedOut'), next);
    return this;
  }

  /**
   * Continues with an action when the customer did not sign in within the timeout (the `TimeLimitExceeded` error).
   */
  public onTimeout(next: IFlowChainable): AuthenticateParticipant {
    this.addError('TimeLimitExceeded', next);
    return this;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } {
    const { userPool, userPoolClient } = this.props;
    context.dependOn(context.instance.associateCognitoUserPool(userPool));
    const objectType = this.props.customerProfilesObjectType;
    return compact({
      CognitoConfiguration: {
        UserPoolArn: userPool.userPoolArn,
        AppClientId: userPoolClient.userPoolClientId,
      },
      CustomerProfilesConfiguration: objectType === undefined ? undefined : { ObjectTypeName: objectType },
      TimeLimitMinutes: numberText(wholeMinutes(this, 'timeout', this.props.timeout ?? Duration.minutes(3))),
    });
  }
}

/** The message parameters (`Text`, `SSML`, `PromptId`, `Media`) of an action. */
function renderMessage(action: FlowAction, context: FlowRenderContext, message: ParticipantMessage): { [key: string]: any } {
  return compact({
    Text: message.text,
    SSML: message.ssml,
    PromptId: message.prompt && context.reference(action, 'prompt', message.prompt, message.prompt.promptArn),
    Media: message.s3AudioUri === undefined ? undefined : { Uri: message.s3AudioUri, SourceType: 'S3', MediaType: 'Audio' },
  });
}

