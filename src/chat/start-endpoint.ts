import { Duration, Names, Stack, Token } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { chatHandler } from './handler';
import { ContactFlowType, IContactFlow } from '../constructs/contact-flow';
import { parseInstanceArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { durationSeconds, fail, validateCount, validateLength, validatePattern, validateUnique } from '../private/validation';

/**
 * A content type of chat messages (`SupportedMessagingContentTypes` of `StartChatContact`).
 */
export class ChatMessageContentType {
  /** Plain text (`text/plain`): every chat supports it. */
  public static readonly PLAIN_TEXT = new ChatMessageContentType('text/plain');
  /** Markdown (`text/markdown`): rich text in messages. */
  public static readonly MARKDOWN = new ChatMessageContentType('text/markdown');
  /** JSON messages (`application/json`). */
  public static readonly APPLICATION_JSON = new ChatMessageContentType('application/json');
  /**
   * Interactive messages that flows send (`application/vnd.amazonaws.connect.message.interactive`): needed by the
   * Show view block.
   */
  public static readonly INTERACTIVE = new ChatMessageContentType('application/vnd.amazonaws.connect.message.interactive');
  /** The customer's responses to interactive messages (`application/vnd.amazonaws.connect.message.interactive.response`). */
  public static readonly INTERACTIVE_RESPONSE = new ChatMessageContentType('application/vnd.amazonaws.connect.message.interactive.response');

  /**
   * A content type that has no constant here, such as one Amazon Connect added later: 1 to 100 characters.
   */
  public static of(contentType: string): ChatMessageContentType {
    return new ChatMessageContentType(contentType);
  }

  private constructor(
    /** The MIME type. */
    public readonly value: string,
  ) {}
}

/**
 * Properties of `ChatStartEndpoint`.
 */
export interface ChatStartEndpointProps {
  /**
   * The flow that chats start in: an inbound flow (`ContactFlowType.CONTACT_FLOW`; checked for flows defined in the
   * app). Chats start in the flow's instance.
   */
  readonly contactFlow: IContactFlow;

  /**
   * The origins of the web pages that start chats (`https://www.example.com`, `http://localhost:3000`): the CORS
   * origins of the endpoint, and the only `Origin` headers it accepts (requests with another are refused with 403;
   * requests without one do not come from a browser and are let through). `*` is not allowed.
   */
  readonly allowedOrigins: string[];

  /**
   * The contact attributes a request may set (`Attributes`): names of letters, digits, `-` and `_`. A request that
   * sets another one is refused with 400. Attributes are what the customer's browser says: use them for context
   * (the page, the language), never for what must be trusted.
   *
   * @default - requests cannot set attributes
   */
  readonly allowedAttributes?: string[];

  /**
   * The message content types of the chat (`SupportedMessagingContentTypes`); must include `PLAIN_TEXT`. A request may
   * ask for a part of them (with `text/plain`), and gets all of them when it asks for none.
   *
   * @default [ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.MARKDOWN]
   */
  readonly supportedMessagingContentTypes?: ChatMessageContentType[];

  /**
   * How long a chat lasts at most (`ChatDurationInMinutes`), in whole minutes from 60 to 10,080 (7 days). A request
   * may ask for a shorter chat.
   *
   * @default - Amazon Connect's default (25 hours); requests may ask for 60 to 10,080 minutes
   */
  readonly chatDuration?: Duration;

  /**
   * Whether a request may continue a past chat (`PersistentChat`), which shows its transcript to the customer. The
   * endpoint cannot tell whether the past chat was this customer's: allow it only when that does not matter, or put
   * an authorizer in front of the endpoint that does.
   *
   * @default false
   */
  readonly persistentChat?: boolean;

  /**
   * Whether a request may give a `CustomerId` (such as a customer number of your CRM). The endpoint cannot verify it:
   * accept it only when the flow does not trust it.
   *
   * @default false
   */
  readonly acceptCustomerId?: boolean;

  /**
   * Whether the agent is disconnected too when the customer leaves the chat (`DisconnectOnCustomerExit`), so that
   * the agent's part of the contact continues in its disconnect flow.
   *
   * @default false
   */
  readonly disconnectAgentOnCustomerExit?: boolean;

  /**
   * The requests per second the endpoint serves (steady rate and burst); more are answered with 429 by API Gateway
   * before they reach the function.
   *
   * @default - rate 2, burst 5: the Connect API's default rate for most operations (raise it with your account's
   * StartChatContact quota)
   */
  readonly throttle?: apigwv2.ThrottleSettings;

  /**
   * Whether every request must carry an `Idempotency-Key` header (a key the client makes for each chat it starts and
   * sends again when it retries).
   *
   * @default false
   */
  readonly requireIdempotencyKey?: boolean;

  /**
   * How long identical requests without an `Idempotency-Key` header (same body, address and user agent) count as
   * retries of one request and start one chat: 1 second to 1 hour. Two customers behind one address who send the
   * same name in the same browser within the window would share a chat: keep it short, or have clients send keys.
   *
   * @default Duration.seconds(10)
   */
  readonly idempotencyWindow?: Duration;

  /**
   * How long the function's log is kept.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
}

/** Origins the endpoint takes: https, or http on the local machine; no path, no `*`. */
const ORIGIN = /^(https:\/\/[^\s/?#:@*]+|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_-]+$/;
/** Lambda's limit on the environment of a function (4 KB), less what the ids take. */
const MAX_SETTINGS_BYTES = 3500;

/**
 * An HTTP endpoint that starts chats in a flow (`StartChatContact`), for a custom chat UI or the communications
 * widget's custom start-chat mode: an API Gateway HTTP API (with CORS for the allowed origins and throttling) in front
 * of a Lambda function.
 *
 * A chat client POSTs a JSON body shaped like the `StartChatContact` request (`ParticipantDetails.DisplayName`, and
 * optionally `Attributes`, `InitialMessage`, `SupportedMessagingContentTypes`, `ChatDurationInMinutes`,
 * `PersistentChat`, `CustomerId`); the endpoint checks it as the Connect API does and against what it allows (400 with
 * the field otherwise), starts the chat in the flow, and returns `ContactId`, `ParticipantId` and `ParticipantToken`
 * (and `ContinuedFromContactId` for a persistent chat), the same again under `data.startChatResult` for the Amazon
 * Connect chat interface. The client then calls the Participant Service's `CreateParticipantConnection` with the
 * participant token.
 *
 * Each request gets a `ClientToken`, so that a retry never starts a second chat: from the `Idempotency-Key` header
 * when the client sends one, otherwise from the request itself within `idempotencyWindow`.
 *
 * ```ts
 * declare const chatFlow: IContactFlow;
 * const start = new ChatStartEndpoint(this, 'StartChat', {
 *   contactFlow: chatFlow,
 *   allowedOrigins: ['https://www.example.com'],
 *   allowedAttributes: ['page', 'language'],
 * });
 * new CfnOutput(this, 'StartChatUrl', { value: start.url });
 * ```
 */
export class ChatStartEndpoint extends Construct {
  /** The URL that chat clients POST to. */
  public readonly url: string;

  /** The HTTP API. */
  public readonly httpApi: apigwv2.IHttpApi;

  /** The API's `$default` stage, which serves `url` (for a custom domain, or its metrics). */
  public readonly stage: apigwv2.IHttpStage;

  /** The function that starts chats. */
  public readonly handler: lambda.IFunction;

  constructor(scope: Construct, id: string, props: ChatStartEndpointProps) {
    super(scope, id);
    validateFlowType(this, 'contactFlow', props.contactFlow, ContactFlowType.CONTACT_FLOW);

    validateCount(this, 'allowedOrigins', props.allowedOrigins, 1, 100);
    for (const origin of props.allowedOrigins) {
      validatePattern(this, 'allowed origin', origin, ORIGIN,
        'an origin such as https://www.example.com or http://localhost:3000 (no path, no *)');
    }
    validateUnique(this, 'allowedOrigins', props.allowedOrigins);
    const attributes = props.allowedAttributes ?? [];
    for (const name of attributes) {
      validateLength(this, 'allowed attribute', name, 1, 32767);
      validatePattern(this, 'allowed attribute', name, ATTRIBUTE_NAME, 'letters, digits, - and _');
    }
    validateUnique(this, 'allowedAttributes', attributes);

    const contentTypes = (props.supportedMessagingContentTypes ?? [ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.MARKDOWN])
      .map((type) => type.value);
    for (const type of contentTypes) {
      validateLength(this, 'content type', type, 1, 100);
    }
    validateUnique(this, 'supportedMessagingContentTypes', contentTypes);
    if (!contentTypes.some((type) => Token.isUnresolved(type)) && !contentTypes.includes('text/plain')) {
      fail(this, `supportedMessagingContentTypes must include ChatMessageContentType.PLAIN_TEXT, got ${contentTypes.join(', ')}`);
    }
    const chatDurationMinutes = wholeMinutes(this, props.chatDuration);
    const windowSeconds = durationSeconds(this, 'idempotencyWindow', props.idempotencyWindow, 1, 3600) ?? 10;
    const throttle = props.throttle ?? { rateLimit: 2, burstLimit: 5 };
    validateThrottle(this, throttle);

    const settings = {
      allowedOrigins: props.allowedOrigins,
      allowedAttributes: attributes,
      contentTypes,
      chatDurationMinutes,
      persistentChat: props.persistentChat ?? false,
      acceptCustomerId: props.acceptCustomerId ?? false,
      disconnectAgentOnCustomerExit: props.disconnectAgentOnCustomerExit ?? false,
      requireIdempotencyKey: props.requireIdempotencyKey ?? false,
      idempotencyWindowSeconds: windowSeconds,
    };
    const plainSettings = JSON.stringify(settings);
    if (!Token.isUnresolved(plainSettings) && Buffer.byteLength(plainSettings) > MAX_SETTINGS_BYTES) {
      fail(this, `the endpoint's settings (origins, attributes, content types) must fit in ${MAX_SETTINGS_BYTES} bytes of the `
        + `function's environment, got ${Buffer.byteLength(plainSettings)}: allow fewer or shorter attributes or origins`);
    }

    const fn = chatHandler(this, {
      bundle: 'chat-start',
      description: 'cdk-connect: starts chats (StartChatContact) for chat clients',
      environment: {
        INSTANCE_ID: parseInstanceArn(this, props.contactFlow.instanceArn),
        CONTACT_FLOW_ID: props.contactFlow.contactFlowId,
        CHAT_START_CONFIG: Stack.of(this).toJsonString(settings),
      },
      action: 'connect:StartChatContact',
      resources: [props.contactFlow.contactFlowArn],
      logRetention: props.logRetention,
    });
    this.handler = fn;

    const api = new apigwv2.HttpApi(this, 'Api', {
      apiName: Names.uniqueResourceName(this, { maxLength: 128 }),
      description: 'cdk-connect: starts chats for chat clients',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [apigwv2.CorsHttpMethod.POST],
        allowHeaders: ['content-type', 'idempotency-key'],
        maxAge: Duration.hours(1),
      },
    });
    api.addRoutes({
      path: '/',
      methods: [apigwv2.HttpMethod.POST],
      integration: new HttpLambdaIntegration('StartChat', fn),
    });
    const stage = new apigwv2.HttpStage(this, 'Stage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle,
    });
    this.httpApi = api;
    this.stage = stage;
    this.url = stage.url;
  }
}

/** A chat duration in whole minutes from 60 to 10,080 (skipped for undefined). */
function wholeMinutes(scope: Construct, duration: Duration | undefined): number | undefined {
  if (duration?.isUnresolved()) {
    fail(scope, 'chatDuration must be a concrete duration, got a token');
  }
  const seconds = durationSeconds(scope, 'chatDuration', duration, 3600, 604_800);
  if (seconds !== undefined && seconds % 60 !== 0) {
    fail(scope, `chatDuration must be whole minutes from 60 to 10080, got ${seconds} seconds`);
  }
  return seconds === undefined ? undefined : seconds / 60;
}

function validateThrottle(scope: Construct, throttle: apigwv2.ThrottleSettings): void {
  const { rateLimit, burstLimit } = throttle;
  if (rateLimit === undefined || burstLimit === undefined) {
    fail(scope, 'throttle must set both rateLimit and burstLimit');
  }
  if (!Token.isUnresolved(rateLimit) && !(rateLimit > 0 && rateLimit <= 10_000)) {
    fail(scope, `throttle.rateLimit must be more than 0 and at most 10000 requests per second, got ${rateLimit}`);
  }
  if (!Token.isUnresolved(burstLimit) && !(Number.isInteger(burstLimit) && burstLimit >= 1 && burstLimit <= 5000)) {
    fail(scope, `throttle.burstLimit must be an integer from 1 to 5000, got ${burstLimit}`);
  }
}
