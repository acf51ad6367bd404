import * as fs from 'fs';
import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, IDependable } from 'constructs';
import { IContactFlow } from './contact-flow';
import { IContactFlowModule } from './contact-flow-module';
import { IHoursOfOperation } from './hours-of-operation';
import { IInstance } from './instance';
import { IPrompt } from './prompt';
import { IQueue } from './queue';
import { IQuickConnect } from './quick-connect';
import { IUser } from './user';
import { flowDocumentJson, validateContentSize, validateFlowLanguage } from '../private/flow-language';
import { fail, failUnscoped } from '../private/validation';

/* eslint-disable @typescript-eslint/no-require-imports */
// The action checks (checkActions: every action type's rules), the flow kinds they need and the Mermaid drawing are
// required on first use: content without checkActions (JSON exported from the designer) needs none of them.
const flowChecksModule = (): typeof import('../private/flow-checks') => require('../private/flow-checks');
const flowKindModule = (): typeof import('../private/flow-kind') => require('../private/flow-kind');
const flowDiagramModule = (): typeof import('../private/flow-diagram') => require('../private/flow-diagram');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Legal placeholder and reference names. */
const REFERENCE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `${Name}`, and `$${...}` for a literal `${...}`. CDK's own token markers look like `${Token[...]}`. */
const PLACEHOLDER = /\$(\$?)\{([^{}]*)\}/g;

/** The marker CDK puts in strings for tokens. */
const TOKEN_MARKER = /^Token\[[^\]]*\]$/;

/** ARNs that differ between instances and accounts and so must come from references. */
const LITERAL_ARN = /arn:aws[a-z-]*:(connect|lambda):[a-z0-9-]*:\d{12}:[^\s"]+/;

/**
 * A value that fills a `${Name}` placeholder in flow content.
 *
 * Flow content never contains ARNs of resources: those differ between instances, accounts and Regions.
 * Write a placeholder such as `${SupportQueue}` where the flow needs the ARN and pass
 * `FlowReference.queue('SupportQueue', queue)`; the flow then receives the queue's ARN (a CloudFormation
 * reference when the queue is defined in the app, so CloudFormation creates the queue first).
 */
export class FlowReference {
  /**
   * The ARN of a queue, for actions such as `UpdateContactTargetQueue` (`QueueId`) or `TransferToQueue`.
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static queue(name: string, queue: IQueue): FlowReference {
    return new FlowReference(name, queue.queueArn, 'queue', queue.instanceArn);
  }

  /**
   * The ARN of hours of operation, for `CheckHoursOfOperation` (`Hours`).
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static hoursOfOperation(name: string, hoursOfOperation: IHoursOfOperation): FlowReference {
    return new FlowReference(name, hoursOfOperation.hoursOfOperationArn, 'hours of operation', hoursOfOperation.instanceArn);
  }

  /**
   * The ARN of a prompt, for `MessageParticipant` and `GetParticipantInput` (`PromptId`).
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static prompt(name: string, prompt: IPrompt): FlowReference {
    return new FlowReference(name, prompt.promptArn, 'prompt', prompt.instanceArn);
  }

  /**
   * The ARN of a Lambda function, for `InvokeLambdaFunction` (`LambdaFunctionARN`).
   *
   * The function is associated with the flow's instance (which also lets Amazon Connect invoke it), and the
   * flow is created after the association: Amazon Connect rejects flows that invoke functions it does not know.
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static lambdaFunction(name: string, fn: lambda.IFunction): FlowReference {
    return new FlowReference(name, fn.functionArn, 'Lambda function', undefined, fn);
  }

  /**
   * The ARN of another flow, for `TransferToFlow` (`ContactFlowId`) or the flow settings of other actions.
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static contactFlow(name: string, contactFlow: IContactFlow): FlowReference {
    return new FlowReference(name, contactFlow.contactFlowArn, 'flow', contactFlow.instanceArn);
  }

  /**
   * The ARN of a flow module, for `InvokeFlowModule` (`FlowModuleId`).
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static flowModule(name: string, flowModule: IContactFlowModule): FlowReference {
    return new FlowReference(name, flowModule.contactFlowModuleArn, 'flow module', flowModule.instanceArn);
  }

  /**
   * The ARN of a quick connect.
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static quickConnect(name: string, quickConnect: IQuickConnect): FlowReference {
    return new FlowReference(name, quickConnect.quickConnectArn, 'quick connect', quickConnect.instanceArn);
  }

  /**
   * The ARN of a user (agent), for example the target of `UpdateContactTargetQueue` (`AgentId`).
   *
   * @param name the placeholder name (`${name}` in the content)
   */
  public static user(name: string, user: IUser): FlowReference {
    return new FlowReference(name, user.userArn, 'user', user.instanceArn);
  }

  /**
   * A plain string, for values that differ between deployments but are not resources of this library
   * (a phone number, a message text, an attribute value). The string may be a token.
   *
   * @param name the placeholder name (`${name}` in the content)
   * @param value the text that replaces the placeholder, inserted as it is
   */
  public static text(name: string, value: string): FlowReference {
    return new FlowReference(name, value, 'text');
  }

  /** The placeholder name: the content writes `${name}`. */
  public readonly name: string;

  /** The text that replaces the placeholder: an ARN (usually a token) or the plain string of `text()`. */
  public readonly value: string;

  /** @internal */
  public readonly _kind: string;

  /** @internal */
  public readonly _instanceArn?: string;

  /** @internal */
  public readonly _lambdaFunction?: lambda.IFunction;

  private constructor(name: string, value: string, kind: string, instanceArn?: string, fn?: lambda.IFunction) {
    this.name = name;
    this.value = value;
    this._kind = kind;
    this._instanceArn = instanceArn;
    this._lambdaFunction = fn;
  }
}

/**
 * Options for flow content.
 */
export interface FlowContentOptions {
  /**
   * The values of the `${Name}` placeholders in the content.
   *
   * Every placeholder must have a reference of the same name and every reference must be used. Placeholders
   * are replaced anywhere inside JSON string values (not in object keys); write `$${` for a literal `${`.
   *
   * @default - no references: the content must not contain placeholders
   */
  readonly references?: FlowReference[];

  /**
   * Accept literal Amazon Connect and Lambda ARNs in the content.
   *
   * A flow exported from the Amazon Connect console contains the ARNs of the queues, prompts, flows and
   * functions of the instance it was exported from; deployed to another instance those ARNs point to the
   * wrong (or no) resources, so by default such content fails with a message that points to placeholders.
   * Set this to accept them when the ARNs are deliberate: a resource that no stack manages and that
   * is the same for every deployment, such as a shared Lambda function in a central account, or while
   * migrating an exported flow step by step.
   *
   * @default false
   */
  readonly allowLiteralArns?: boolean;

  /**
   * Check the content as the flow builder checks its flows. What Amazon Connect rejects fails synthesis: actions in
   * flow types that do not offer them, parameters out of the flow language's limits, missing branches Connect
   * requires, transitions on actions that end the flow (for the action types the library knows). What Connect
   * accepts but is probably a mistake is a warning on the flow (an error with `strictFlowChecks`): actions not
   * reachable from the start, dead ends, unhandled errors. `FlowChecks` names the warnings.
   *
   * Off by default for JSON content, which is often exported from the flow designer as it is; `FlowDefinition`
   * always checks.
   *
   * @default false
   */
  readonly checkActions?: boolean;
}

/**
 * The result of binding flow content to a flow or flow module.
 */
export interface FlowContentConfig {
  /** The flow language JSON, with CloudFormation references where the content refers to resources. */
  readonly content: string;

  /**
   * Resources that must exist before the flow is created or updated (such as Lambda function associations).
   *
   * @default - none
   */
  readonly dependencies?: IDependable[];
}

/**
 * The content of a flow or flow module, in the Amazon Connect flow language (version `2019-10-30`).
 *
 * Content comes from a JSON file (for example a flow exported from the Amazon Connect console, with its ARNs
 * replaced by `${Name}` placeholders), a JSON string or an object. Placeholders are filled from
 * `FlowReference`s, so the content never holds ARNs. At synth time the content is checked as flow language:
 * `Version`, `StartAction`, unique action identifiers, and transitions that name existing actions.
 */
export abstract class FlowContent {
  /**
   * Flow content from a JSON file, read at synth time.
   *
   * @param path the path of the file; a relative path is relative to the current working directory
   */
  public static fromFile(path: string, options: FlowContentOptions = {}): FlowContent {
    return new JsonFlowContent(options, { path });
  }

  /**
   * Flow content from a JSON string.
   *
   * A string that is a token (for example a parameter value) is passed through unchecked; it cannot use
   * placeholders.
   */
  public static fromJsonString(json: string, options: FlowContentOptions = {}): FlowContent {
    return new JsonFlowContent(options, { json });
  }

  /**
   * Flow content from an object in the flow language, such as the result of `JSON.parse`. Values may be tokens.
   */
  public static fromObject(content: any, options: FlowContentOptions = {}): FlowContent {
    return new JsonFlowContent(options, { object: content });
  }

  /**
   * Renders the content for a flow or flow module.
   *
   * @param scope the flow or flow module that uses the content (validation messages name it)
   * @param instance the instance the flow belongs to
   */
  public abstract bind(scope: Construct, instance: IInstance): FlowContentConfig;

  /**
   * The flow as a Mermaid flowchart, for review: one node per action (identifier and type), solid arrows for the
   * next action and conditions, dotted arrows for error branches.
   *
   * Fails for content only known at deploy time.
   */
  public abstract toMermaid(): string;

  /**
   * Renders a flow language document: fills the placeholders from the references, checks the result as flow
   * language, associates referenced Lambda functions with the instance, and returns the JSON.
   *
   * For subclasses that produce the document themselves.
   *
   * @param scope the flow or flow module that uses the content
   * @param instance the instance the flow belongs to
   * @param document the flow language document (an object; values may be tokens)
   */
  protected renderDocument(scope: Construct, instance: IInstance, document: any, options: FlowContentOptions = {}): FlowContentConfig {
    const references = options.references ?? [];
    checkReferences(scope, instance, references);

    const substitution = new Substitution(scope, document, references, options.allowLiteralArns ?? false);
    const rendered = substitution.apply(document, []);
    for (const reference of references) {
      if (!substitution.used.has(reference.name)) {
        fail(scope, `flow reference ${reference.name} is not used: the flow content has no placeholder \${${reference.name}}; remove the reference or use the placeholder`);
      }
    }

    validateFlowLanguage(scope, rendered);
    if (options.checkActions) {
      const { flowKindOf, strictFlowChecksOf } = flowKindModule();
      flowChecksModule().checkFlowActions(scope, rendered, { flowKind: flowKindOf(scope), strict: strictFlowChecksOf(scope) });
    }
    validateContentSize(scope, rendered);

    const dependencies = references
      .filter(reference => reference._lambdaFunction !== undefined)
      .map(reference => instance.associateLambdaFunction(reference._lambdaFunction!));

    return {
      content: flowDocumentJson(scope, rendered),
      dependencies: dependencies.length > 0 ? dependencies : undefined,
    };
  }
}

/** Where JSON flow content comes from: exactly one member is set. */
interface JsonSource {
  readonly path?: string;
  readonly json?: string;
  readonly object?: any;
}

/** Flow content from a file, a JSON string or an object. */
class JsonFlowContent extends FlowContent {
  private readonly options: FlowContentOptions;
  private readonly source: JsonSource;

  constructor(options: FlowContentOptions, source: JsonSource) {
    super();
    this.options = options;
    this.source = source;
  }

  public bind(scope: Construct, instance: IInstance): FlowContentConfig {
    const { path, json, object } = this.source;
    if (path !== undefined) {
      let text: string;
      try {
        text = fs.readFileSync(path, 'utf8');
      } catch (e) {
        fail(scope, `cannot read flow content file '${path}': ${(e as Error).message}`);
      }
      return this.renderDocument(scope, instance, parseJson(scope, text, `flow content file '${path}'`), this.options);
    }
    if (json !== undefined) {
      if (Token.isUnresolved(json)) {
        return this.passThrough(scope, json);
      }
      return this.renderDocument(scope, instance, parseJson(scope, json, 'flow content'), this.options);
    }
    if (Token.isUnresolved(object) && !Array.isArray(object)) {
      return this.passThrough(scope, typeof object === 'string' ? object : Stack.of(scope).toJsonString(object));
    }
    return this.renderDocument(scope, instance, object, this.options);
  }

  public toMermaid(): string {
    const { path, json, object } = this.source;
    let document: any = object;
    if (path !== undefined) {
      document = JSON.parse(fs.readFileSync(path, 'utf8'));
    } else if (json !== undefined) {
      document = Token.isUnresolved(json) ? undefined : JSON.parse(json);
    }
    if (document === undefined || Token.isUnresolved(document) || !Array.isArray(document.Actions) || Token.isUnresolved(document.StartAction)) {
      failUnscoped('flow content only known at deploy time cannot be drawn');
    }
    return flowDiagramModule().renderMermaid(document.StartAction, document.Actions);
  }

  /** Content only known at deploy time: nothing can be filled in or checked. */
  private passThrough(scope: Construct, content: string): FlowContentConfig {
    if ((this.options.references ?? []).length > 0) {
      fail(scope, 'flow content is only known at deploy time (a token), so its placeholders cannot be filled; remove the references or give content known at synth time');
    }
    return { content };
  }
}

function parseJson(scope: Construct, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(scope, `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function checkReferences(scope: Construct, instance: IInstance, references: FlowReference[]): void {
  const seen = new Set<string>();
  for (const reference of references) {
    if (!REFERENCE_NAME.test(reference.name)) {
      fail(scope, `flow reference name must start with a letter and contain only letters, digits and underscores, got '${reference.name}'`);
    }
    if (seen.has(reference.name)) {
      fail(scope, `flow reference names must be unique, '${reference.name}' appears more than once`);
    }
    seen.add(reference.name);
    const other = reference._instanceArn;
    if (other !== undefined && !Token.isUnresolved(other) && !Token.isUnresolved(instance.instanceArn) && other !== instance.instanceArn) {
      fail(scope, `flow reference ${reference.name} is a ${reference._kind} of instance ${other}, but the flow belongs to instance ${instance.instanceArn}`);
    }
  }
}

/** Fills placeholders in a document, recording which references were used. */
class Substitution {
  public readonly used = new Set<string>();
  private readonly values = new Map<string, string>();
  private readonly scope: Construct;
  private readonly document: unknown;
  private readonly allowLiteralArns: boolean;

  constructor(scope: Construct, document: unknown, references: FlowReference[], allowLiteralArns: boolean) {
    this.scope = scope;
    this.document = document;
    this.allowLiteralArns = allowLiteralArns;
    for (const reference of references) {
      this.values.set(reference.name, reference.value);
    }
  }

  /**
   * The value with its placeholders filled in. `path` is where the value is in the document (for messages): a stack
   * that each level pushes to and pops from, so that walking the document copies no paths.
   */
  public apply(value: unknown, path: Array<string | number>): unknown {
    if (typeof value === 'string') {
      return this.applyToString(value, path);
    }
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        path.push(index);
        const result = this.apply(item, path);
        path.pop();
        return result;
      });
    }
    if (typeof value === 'object' && value !== null && !Token.isUnresolved(value)) {
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key.includes('${') && !Token.isUnresolved(key)) {
          fail(this.scope, `flow content has a placeholder in the object key '${key}' ${this.locate(path)}; placeholders are only replaced in string values`);
        }
        path.push(key);
        const item = this.apply((value as Record<string, unknown>)[key], path);
        path.pop();
        if (key === '__proto__') {
          // A plain assignment would set the prototype instead of a key.
          Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
        } else {
          result[key] = item;
        }
      }
      return result;
    }
    return value;
  }

  private applyToString(text: string, path: Array<string | number>): string {
    if (!this.allowLiteralArns) {
      const arn = LITERAL_ARN.exec(text);
      if (arn) {
        fail(this.scope, `flow content contains the literal ARN '${arn[0]}' ${this.locate(path)}; ARNs differ between instances and accounts, so write a \${Name} placeholder and pass a FlowReference (or set allowLiteralArns if the ARN is deliberate)`);
      }
    }
    return text.replace(PLACEHOLDER, (match: string, escape: string, name: string) => {
      if (TOKEN_MARKER.test(name)) {
        return match;
      }
      if (escape) {
        return match.slice(1);
      }
      if (!REFERENCE_NAME.test(name)) {
        fail(this.scope, `flow content has a malformed placeholder ${match} ${this.locate(path)}; placeholder names start with a letter and contain only letters, digits and underscores (write $\${ for a literal \${)`);
      }
      const value = this.values.get(name);
      if (value === undefined) {
        const names = [...this.values.keys()];
        fail(this.scope, `flow content uses placeholder ${match} but no reference named ${name} was given; references: ${names.length > 0 ? names.join(', ') : 'none'}; found ${this.locate(path)}`);
      }
      this.used.add(name);
      return value;
    });
  }

  /** Describes where in the document a value is, naming the action when it is inside one. */
  private locate(path: Array<string | number>): string {
    const jsonPath = path.map(segment => typeof segment === 'number' ? `[${segment}]` : `.${segment}`).join('').replace(/^\./, '');
    if (path[0] === 'Actions' && typeof path[1] === 'number') {
      const actions = (this.document as { Actions?: unknown[] }).Actions;
      const identifier = (actions?.[path[1]] as { Identifier?: unknown } | undefined)?.Identifier;
      if (typeof identifier === 'string' && !Token.isUnresolved(identifier)) {
        const inside = path.slice(2).map(segment => typeof segment === 'number' ? `[${segment}]` : `.${segment}`).join('').replace(/^\./, '');
        return inside ? `in action '${identifier}' at ${inside}` : `in action '${identifier}'`;
      }
    }
    return jsonPath ? `at ${jsonPath}` : 'at the top level';
  }
}
