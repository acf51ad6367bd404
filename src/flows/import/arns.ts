/**
 * ARNs in flow language documents: finding them in text, and telling which kind of resource they name.
 *
 * Shared by the flow file loader (`FlowDefinition.fromFile`) and the code generator (`cdk-connect import-flow`).
 */

/** A kind of resource that a flow file references by ARN and that a construct of this library (or CDK) stands for. */
export interface ArnKind {
  /** The name of the `FlowArnReplacement` factory, and the base of generated variable names: `queue`. */
  readonly name: string;

  /** The kind in words, for messages: `queue`, `hours of operation`. */
  readonly description: string;

  /** The construct interface in generated code: `IQueue`, `lambda.IFunction`. */
  readonly typeName: string;

  /**
   * Where generated code imports the interface from: the library, `aws-cdk-lib/aws-lambda`, the Lex refs or
   * `aws-cdk-lib/aws-cognito`.
   */
  readonly module: 'library' | 'lambda' | 'lex' | 'cognito';

  /** The property path that gives the ARN of a construct of this kind: `queueArn`, `botAliasRef.botAliasArn`. */
  readonly arnProperty: string;
}

function kind(name: string, description: string, typeName: string, arnProperty: string, module: ArnKind['module'] = 'library'): ArnKind {
  return { name, description, typeName, arnProperty, module };
}

/** The kinds of resources flow files reference, by factory name. */
export const ARN_KINDS = {
  queue: kind('queue', 'queue', 'IQueue', 'queueArn'),
  prompt: kind('prompt', 'prompt', 'IPrompt', 'promptArn'),
  contactFlow: kind('contactFlow', 'flow', 'IContactFlow', 'contactFlowArn'),
  flowModule: kind('flowModule', 'flow module', 'IContactFlowModule', 'contactFlowModuleArn'),
  hoursOfOperation: kind('hoursOfOperation', 'hours of operation', 'IHoursOfOperation', 'hoursOfOperationArn'),
  user: kind('user', 'user', 'IUser', 'userArn'),
  quickConnect: kind('quickConnect', 'quick connect', 'IQuickConnect', 'quickConnectArn'),
  view: kind('view', 'view', 'IView', 'viewArn'),
  taskTemplate: kind('taskTemplate', 'task template', 'ITaskTemplate', 'taskTemplateArn'),
  lambdaFunction: kind('lambdaFunction', 'Lambda function', 'lambda.IFunction', 'functionArn', 'lambda'),
  lexBotAlias: kind('lexBotAlias', 'Lex bot alias', 'lexRefs.IBotAliasRef', 'botAliasRef.botAliasArn', 'lex'),
  /** A Cognito user pool, which generated code declares for the ARN an AuthenticateParticipant action names. */
  userPool: kind('userPool', 'Cognito user pool', 'cognito.IUserPool', 'userPoolArn', 'cognito'),
  /** A user pool app client, which generated code declares for the client id an AuthenticateParticipant action names. */
  userPoolClient: kind('userPoolClient', 'Cognito user pool app client', 'cognito.IUserPoolClient', 'userPoolClientId', 'cognito'),
  /** An AWS managed view (`arn:aws:connect:<region>:aws:view/<name>`), which generated code declares for a ShowView. */
  managedView: kind('view', 'AWS managed view', 'IView', 'viewArn'),
};

/** Amazon Connect resource types (the ARN segment after `instance/<id>/`) and their kinds. */
const CONNECT_RESOURCE_KINDS: Record<string, ArnKind> = {
  'queue': ARN_KINDS.queue,
  'prompt': ARN_KINDS.prompt,
  'contact-flow': ARN_KINDS.contactFlow,
  'flow-module': ARN_KINDS.flowModule,
  'operating-hours': ARN_KINDS.hoursOfOperation,
  'agent': ARN_KINDS.user,
  'transfer-destination': ARN_KINDS.quickConnect,
  'view': ARN_KINDS.view,
  'task-template': ARN_KINDS.taskTemplate,
};

/**
 * Any ARN in a text: `arn:<partition>:<service>:<region>:<account>:<resource>`. The resource runs up to a character
 * that cannot be part of it (white space, quotes, brackets, commas, a `${` placeholder).
 */
const ANY_ARN = /(?<![A-Za-z0-9])arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:(?:[A-Za-z0-9_.:/+=@*-]|\$(?!\{))+/g;

/** An ARN of a resource that differs between instances, accounts and Regions: Amazon Connect, Lambda and Lex. */
const INSTANCE_SPECIFIC_ARN = /^arn:aws[a-z-]*:(connect|lambda|lex):[a-z0-9-]*:\d{12}:/;

/** An ARN found in a text. */
export interface FoundArn {
  /** The ARN. */
  readonly arn: string;

  /** Where it starts in the text. */
  readonly start: number;

  /** Where it ends in the text (exclusive). */
  readonly end: number;
}

/** Every ARN in a text, in order. Trailing dots and colons (the end of a sentence) are not part of an ARN. */
export function findArns(text: string): FoundArn[] {
  const found: FoundArn[] = [];
  for (const match of text.matchAll(ANY_ARN)) {
    const arn = match[0].replace(/[.:]+$/, '');
    found.push({ arn, start: match.index!, end: match.index! + arn.length });
  }
  return found;
}

/** Whether a text is exactly one ARN. */
export function isArn(text: string): boolean {
  const found = findArns(text);
  return found.length === 1 && found[0].arn === text;
}

/** Whether an ARN names a resource of Amazon Connect, Lambda or Lex in an account (not an AWS managed resource). */
export function isInstanceSpecificArn(arn: string): boolean {
  return INSTANCE_SPECIFIC_ARN.test(arn);
}

/** The kind of resource an ARN names, when it is one a construct stands for. */
export function arnKindOf(arn: string): ArnKind | undefined {
  const connect = /^arn:aws[a-z-]*:connect:[a-z0-9-]*:\d{12}:instance\/[^/]+\/([a-z-]+)\//.exec(arn);
  if (connect) {
    return CONNECT_RESOURCE_KINDS[connect[1]];
  }
  if (/^arn:aws[a-z-]*:lambda:[a-z0-9-]*:\d{12}:function:/.test(arn)) {
    return ARN_KINDS.lambdaFunction;
  }
  if (/^arn:aws[a-z-]*:lex:[a-z0-9-]*:\d{12}:bot-alias\//.test(arn)) {
    return ARN_KINDS.lexBotAlias;
  }
  return undefined;
}

/**
 * What an ARN names in words, also for kinds no construct stands for: `queue`, `routing profile`, `Amazon Connect
 * instance`, `lex resource`.
 */
export function describeArn(arn: string): string {
  const known = arnKindOf(arn);
  if (known) {
    return known.description;
  }
  const connect = /^arn:aws[a-z-]*:connect:[a-z0-9-]*:\d{12}:(?:instance\/[^/]+\/)?([a-z-]+)/.exec(arn);
  if (connect) {
    return connect[1] === 'instance' ? 'Amazon Connect instance' : connect[1].replace(/-/g, ' ');
  }
  const service = /^arn:aws[a-z-]*:([a-z0-9-]+):/.exec(arn);
  return `${service ? service[1] : 'unknown'} resource`;
}

/**
 * A base for the name of a variable that holds what an ARN names, for kinds no construct stands for:
 * `routingProfileArn`, `instanceArn`.
 */
export function arnVariableBase(arn: string): string {
  const words = describeArn(arn).replace(/^Amazon Connect /, '').split(/[^A-Za-z0-9]+/).filter(word => word.length > 0);
  return words.map((word, index) => index === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1)).join('') + 'Arn';
}

/** How to replace an ARN, for messages: `FlowArnReplacement.queue('arn:...', queue)`. */
export function suggestReplacement(arn: string): string {
  const known = arnKindOf(arn);
  if (known) {
    return `FlowArnReplacement.${known.name}('${arn}', ${known.name})`;
  }
  return `FlowArnReplacement.text('${arn}', value)`;
}
