import { Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { chatHandler } from './handler';
import { IInstance } from '../constructs/instance';
import { IIntegrationAssociation } from '../constructs/integration-association';
import { fail, validateIntegerRange, validateLength, validatePattern } from '../private/validation';

/**
 * The texts of the page that the redirect endpoint shows the customer after the sign-in page of Amazon Cognito.
 * Plain text: the page escapes it. Each text is 1 to 1,000 characters.
 */
export interface ChatAuthenticationPageText {
  /**
   * The language of the texts (the page's `lang`), a BCP 47 tag.
   *
   * @default 'en'
   */
  readonly language?: string;

  /**
   * The page's title and heading.
   *
   * @default 'Chat sign-in'
   */
  readonly title?: string;

  /**
   * The customer signed in (the flow continues on the Authenticate Customer block's success branch).
   *
   * @default 'You are signed in. Close this window and return to the chat.'
   */
  readonly signedIn?: string;

  /**
   * The customer did not sign in: the identity provider refused, or the customer cancelled (the block's error
   * branch). The identity provider's description of the error is shown below it.
   *
   * @default 'You are not signed in. Close this window and return to the chat to continue.'
   */
  readonly notSignedIn?: string;

  /**
   * The sign-in link was used before (Amazon Connect answers a reused state with a conflict).
   *
   * @default 'This sign-in link has already been used. Close this window and return to the chat.'
   */
  readonly alreadyUsed?: string;

  /**
   * The sign-in took too long and Amazon Connect no longer accepts its state.
   *
   * @default 'This sign-in link has expired. Return to the chat and sign in again.'
   */
  readonly expired?: string;

  /**
   * The request is not a redirect of the sign-in page (parameters missing, too long or both a code and an error), or
   * Amazon Connect does not know its state.
   *
   * @default 'This sign-in link is not valid. Return to the chat and sign in again.'
   */
  readonly invalidRequest?: string;

  /**
   * Amazon Connect is throttling or failing for the moment: reloading the page sends the same sign-in again.
   *
   * @default 'We could not finish signing you in just now. Reload this page in a moment to try again.'
   */
  readonly tryAgain?: string;

  /**
   * Anything else (such as a permission missing from the endpoint's role): the sign-in did not reach Amazon Connect.
   *
   * @default 'Something went wrong and you are not signed in. Return to the chat and let us know.'
   */
  readonly failed?: string;
}

/**
 * Customer authentication for chats, defined in this app or imported: what a flow's `AuthenticateParticipant` action
 * and a chat client need.
 */
export interface IChatCustomerAuthentication {
  /** The user pool that customers sign in with. */
  readonly userPool: cognito.IUserPool;

  /** The app client that Amazon Connect signs customers in through. */
  readonly userPoolClient: cognito.IUserPoolClient;

  /**
   * The URL of the redirect endpoint: the `RedirectUri` that the chat client passes to the Participant Service's
   * `GetAuthenticationUrl`. It is a callback URL of the app client.
   */
  readonly redirectUri: string;
}

/**
 * The attributes of an existing customer authentication, to import it.
 */
export interface ChatCustomerAuthenticationAttributes {
  /** The user pool that customers sign in with. */
  readonly userPool: cognito.IUserPool;

  /** The app client that Amazon Connect signs customers in through. */
  readonly userPoolClient: cognito.IUserPoolClient;

  /** The URL of the redirect endpoint (a callback URL of the app client). */
  readonly redirectUri: string;
}

/**
 * Properties of `ChatCustomerAuthentication`.
 */
export interface ChatCustomerAuthenticationProps {
  /** The instance whose chat flows sign customers in. The user pool is associated with it. */
  readonly instance: IInstance;

  /**
   * The user pool that customers sign in with.
   *
   * @default - a user pool where customers sign up themselves with their email address (verified by a code), sign in
   * with it and recover their account by email; it is kept when removed from the stack (see `removalPolicy`)
   */
  readonly userPool?: cognito.IUserPool;

  /**
   * The domain of the user pool that serves its sign-in pages, when the pool has one already (a user pool has at most
   * one Amazon Cognito domain and one custom domain).
   *
   * @default - a domain with `domainPrefix` is added to the user pool
   */
  readonly userPoolDomain?: cognito.IUserPoolDomain;

  /**
   * The prefix of the Amazon Cognito domain that serves the sign-in pages
   * (`https://<prefix>.auth.<region>.amazoncognito.com`): 1 to 63 lower case letters, digits and hyphens, not starting
   * or ending with a hyphen, without `aws`, `amazon` or `cognito`; unique in the Region.
   *
   * @default - `chat-<hash of the construct path>-<account id>`
   */
  readonly domainPrefix?: string;

  /**
   * The OAuth scopes that the app client grants. `openid` is needed for the ID token that Amazon Connect reads.
   *
   * @default [OPENID, EMAIL, PROFILE, PHONE]
   */
  readonly oAuthScopes?: cognito.OAuthScope[];

  /**
   * The identity providers customers can sign in with on the sign-in pages.
   *
   * @default [UserPoolClientIdentityProvider.COGNITO] (the user pool's own users)
   */
  readonly identityProviders?: cognito.UserPoolClientIdentityProvider[];

  /**
   * More callback URLs of the app client, such as the redirect URL of the hosted communications widget that the
   * Amazon Connect console shows on its Customer authentication page.
   *
   * @default - only `redirectUri`
   */
  readonly additionalCallbackUrls?: string[];

  /**
   * The texts of the page the customer sees after signing in.
   *
   * @default - English texts (see each member)
   */
  readonly pageText?: ChatAuthenticationPageText;

  /**
   * A URL to send the customer to instead of showing the page, such as a page of your website: the endpoint answers
   * with a redirect (303) to it, adding the query parameter `chatAuthentication` with the outcome (`signed-in`,
   * `not-signed-in`, `already-used`, `expired`, `invalid`, `try-again` or `failed`). Requests that are not a redirect
   * of the sign-in page still get the page (400).
   *
   * @default - the endpoint shows its page
   */
  readonly returnUrl?: string;

  /**
   * At most how many requests the redirect endpoint serves at once (the function's reserved concurrency), so that a
   * flood of requests cannot use up the account's Lambda concurrency or the Connect API's rate.
   *
   * @default - no limit of its own
   */
  readonly maxConcurrency?: number;

  /**
   * What happens to the user pool that this construct creates when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * How long the redirect endpoint's log is kept.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
}

/** Page text members and their environment names (the handler's). */
const PAGE_TEXT_MEMBERS: ReadonlyArray<[keyof ChatAuthenticationPageText, string]> = [
  ['language', 'lang'], ['title', 'title'], ['signedIn', 'signedIn'], ['notSignedIn', 'notSignedIn'],
  ['alreadyUsed', 'alreadyUsed'], ['expired', 'expired'], ['invalidRequest', 'invalidRequest'], ['tryAgain', 'tryAgain'],
  ['failed', 'failed'],
];

const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const HTTPS_URL = /^https:\/\/[^\s/?#]+(\/[^\s#]*)?$/;
/** Callback URLs Amazon Cognito takes: https, http on localhost, or an app's own scheme; never a fragment. */
const CALLBACK_URL = /^(https:\/\/[^\s/?#]+|http:\/\/localhost(:\d{1,5})?|[a-z][a-z0-9+.-]*:\/\/[^\s#]*)(\/[^\s#]*)?$/;

/**
 * Signs chat customers in with an Amazon Cognito user pool, for the Authenticate Customer flow block
 * (`AuthenticateParticipant`): the user pool (given, or created), its sign-in domain, an app client for the
 * authorization code grant without a secret, the association of the pool with the instance, and the redirect
 * endpoint that Amazon Cognito sends the customer back to.
 *
 * The redirect endpoint is a Lambda function URL (auth NONE: Cognito's redirect carries no credentials). It checks the
 * query (`state`, and exactly one of `code` or `error`, with the lengths of the Connect API) and answers bad input with
 * a 400 page without calling Amazon Connect; it passes the outcome to Amazon Connect with
 * `UpdateParticipantAuthentication`, which resumes the flow, and shows a page (or redirects to `returnUrl`) that tells
 * the customer to return to the chat. It never logs the code or the state.
 *
 * The chat client gets the sign-in URL from the Participant Service's `GetAuthenticationUrl` with `redirectUri` as the
 * `RedirectUri` (Cognito accepts only callback URLs of the app client; this one is).
 *
 * ```ts
 * declare const instance: IInstance;
 * const auth = new ChatCustomerAuthentication(this, 'ChatSignIn', { instance, domainPrefix: 'example-chat-sign-in' });
 * const signIn = new AuthenticateParticipant('SignIn', { userPool: auth.userPool, userPoolClient: auth.userPoolClient });
 * ```
 */
export class ChatCustomerAuthentication extends Construct implements IChatCustomerAuthentication {
  /**
   * Imports customer authentication made elsewhere (another stack, or by hand), for flows and chat clients.
   */
  public static fromChatCustomerAuthenticationAttributes(scope: Construct, id: string,
    attrs: ChatCustomerAuthenticationAttributes): IChatCustomerAuthentication {
    class Import extends Construct implements IChatCustomerAuthentication {
      public readonly userPool = attrs.userPool;
      public readonly userPoolClient = attrs.userPoolClient;
      public readonly redirectUri = attrs.redirectUri;
    }
    const imported = new Import(scope, id);
    validatePattern(imported, 'redirectUri', attrs.redirectUri, CALLBACK_URL, 'an https URL (or http://localhost) without a fragment');
    return imported;
  }

  /** The user pool that customers sign in with (given, or created). */
  public readonly userPool: cognito.IUserPool;

  /** The app client that Amazon Connect signs customers in through: give it to `AuthenticateParticipant`. */
  public readonly userPoolClient: cognito.IUserPoolClient;

  /**
   * The URL of the redirect endpoint (the function URL, ending in `/`): the `RedirectUri` that the chat client passes
   * to `GetAuthenticationUrl`, and the app client's callback URL.
   */
  public readonly redirectUri: string;

  /** The domain that serves the sign-in pages. */
  public readonly userPoolDomain: cognito.IUserPoolDomain;

  /** The association of the user pool with the instance (flows that authenticate customers depend on it). */
  public readonly association: IIntegrationAssociation;

  /** The redirect endpoint's function. */
  public readonly handler: lambda.IFunction;

  /** The redirect endpoint's function URL. */
  public readonly functionUrl: lambda.IFunctionUrl;

  constructor(scope: Construct, id: string, props: ChatCustomerAuthenticationProps) {
    super(scope, id);
    if (props.userPoolDomain !== undefined && props.domainPrefix !== undefined) {
      fail(this, 'give userPoolDomain (a domain the pool has) or domainPrefix (a domain to add), not both');
    }
    if (props.userPool === undefined && props.userPoolDomain !== undefined) {
      fail(this, 'userPoolDomain is the domain of a given userPool: give the userPool too');
    }
    if (props.userPool !== undefined && props.removalPolicy !== undefined) {
      fail(this, 'removalPolicy applies to the user pool this construct creates: the given userPool keeps its own');
    }
    validateDomainPrefix(this, props.domainPrefix);
    validatePattern(this, 'returnUrl', props.returnUrl, HTTPS_URL, 'an https URL without a fragment');
    validateLength(this, 'returnUrl', props.returnUrl, 1, 2000);
    validateIntegerRange(this, 'maxConcurrency', props.maxConcurrency, 1, 1000);
    for (const url of props.additionalCallbackUrls ?? []) {
      validatePattern(this, 'additional callback URL', url, CALLBACK_URL, 'an https URL (or http://localhost) without a fragment');
      validateLength(this, 'additional callback URL', url, 1, 1024);
    }
    const scopes = props.oAuthScopes ?? [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, cognito.OAuthScope.PHONE];
    if (!scopes.some((s) => s.scopeName === cognito.OAuthScope.OPENID.scopeName)) {
      fail(this, 'oAuthScopes must include OAuthScope.OPENID: Amazon Connect reads the customer from the ID token');
    }
    const pageText = renderPageText(this, props.pageText ?? {});

    this.userPool = props.userPool ?? new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.userPoolDomain = props.userPoolDomain ?? new cognito.UserPoolDomain(this, 'Domain', {
      userPool: this.userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix ?? this.defaultDomainPrefix() },
    });

    // The redirect endpoint.
    const fn = chatHandler(this, {
      bundle: 'chat-authentication',
      description: 'cdk-connect: the redirect endpoint of chat customer authentication (UpdateParticipantAuthentication)',
      environment: {
        INSTANCE_ID: props.instance.instanceId,
        ...(Object.keys(pageText).length > 0 ? { PAGE_TEXT: JSON.stringify(pageText) } : {}),
        ...(props.returnUrl !== undefined ? { RETURN_URL: props.returnUrl } : {}),
      },
      action: 'connect:UpdateParticipantAuthentication',
      resources: [props.instance.instanceArn, `${props.instance.instanceArn}/contact/*`],
      logRetention: props.logRetention,
      reservedConcurrentExecutions: props.maxConcurrency,
    });
    this.handler = fn;
    // Browsers open this URL (Cognito's redirect): no credentials, and no CORS, as no page fetches it.
    this.functionUrl = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    this.redirectUri = this.functionUrl.url;

    // Connect supports only app clients without a secret, with the authorization code grant.
    this.userPoolClient = new cognito.UserPoolClient(this, 'Client', {
      userPool: this.userPool,
      generateSecret: false,
      preventUserExistenceErrors: true,
      supportedIdentityProviders: props.identityProviders ?? [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes,
        callbackUrls: [this.redirectUri, ...(props.additionalCallbackUrls ?? [])],
      },
    });

    this.association = props.instance.associateCognitoUserPool(this.userPool);
  }

  /** A prefix unique to this construct and the account, without reserved words (hex digits cannot spell them). */
  private defaultDomainPrefix(): string {
    const hash = Names.uniqueId(this).slice(-8).toLowerCase().replace(/[^a-z0-9]/g, '0');
    return `chat-${hash}-${Stack.of(this).account}`;
  }
}

function validateDomainPrefix(scope: Construct, prefix: string | undefined): void {
  if (prefix === undefined || Token.isUnresolved(prefix)) {
    return;
  }
  validatePattern(scope, 'domainPrefix', prefix, DOMAIN_PREFIX,
    '1 to 63 lower case letters, digits and hyphens, not starting or ending with a hyphen');
  const reserved = ['aws', 'amazon', 'cognito'].find((word) => prefix.includes(word));
  if (reserved !== undefined) {
    fail(scope, `domainPrefix must not contain '${reserved}' (Amazon Cognito reserves aws, amazon and cognito), got '${prefix}'`);
  }
}

/** The page texts given, under the handler's names, checked. */
function renderPageText(scope: Construct, text: ChatAuthenticationPageText): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [member, name] of PAGE_TEXT_MEMBERS) {
    const value = text[member];
    if (value === undefined) {
      continue;
    }
    if (Token.isUnresolved(value)) {
      fail(scope, `pageText.${member} must be a plain string, got a token`);
    }
    validateLength(scope, `pageText.${member}`, value, 1, 1000);
    rendered[name] = value;
  }
  validatePattern(scope, 'pageText.language', text.language, LANGUAGE_TAG, 'a language tag such as en, de or pt-BR');
  return rendered;
}

