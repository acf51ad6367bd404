import { Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { aws_lex as lexRefs } from 'aws-cdk-lib/interfaces';
import { ARN_KINDS, ArnKind, arnKindOf, describeArn, findArns, isArn, isInstanceSpecificArn } from './arns';
import type { IContactFlow } from '../../constructs/contact-flow';
import type { IContactFlowModule } from '../../constructs/contact-flow-module';
import type { IHoursOfOperation } from '../../constructs/hours-of-operation';
import type { IPrompt } from '../../constructs/prompt';
import type { IQueue } from '../../constructs/queue';
import type { IQuickConnect } from '../../constructs/quick-connect';
import type { ITaskTemplate } from '../../constructs/task-template';
import type { IUser } from '../../constructs/user';
import type { IView } from '../../constructs/view';
import { failUnscoped } from '../../private/validation';
import type { FlowAction } from '../action';
import type { FlowRenderContext } from '../context';

/** Renders what a replacement stands for, while its action renders. */
type Renderer = (action: FlowAction, context: FlowRenderContext) => string;

/**
 * What a text of a flow file stands for: usually the ARN of a resource of the instance the flow was exported from,
 * replaced by the matching construct of your app.
 *
 * A flow exported from the Amazon Connect console names queues, prompts, flows, Lambda functions and Lex bots by
 * their ARNs in the source instance and account. When the file is loaded (`FlowDefinition.fromFile`), each
 * replacement puts its construct's ARN where the file has the original, as a CloudFormation reference: the resource
 * is checked to belong to the flow's instance, Lambda functions and Lex bot aliases are associated with the
 * instance, and the flow depends on what it references.
 *
 * An ARN replacement also matches the ARN followed by a qualifier (`...:function:lookup:prod` for the replacement of
 * `...:function:lookup`; the qualifier is kept), and an original that is not an ARN (a queue ID, say) matches that
 * text wherever it occurs.
 *
 * ```ts
 * declare const supportQueue: IQueue;
 * FlowArnReplacement.queue('arn:aws:connect:us-east-1:111122223333:instance/1111.../queue/2222...', supportQueue);
 * ```
 */
export class FlowArnReplacement {
  /**
   * A queue, for parameters such as `QueueId` of `UpdateContactTargetQueue`.
   *
   * @param arn the queue's ARN (or ID) as the flow file writes it
   * @param queue the queue that replaces it
   */
  public static queue(arn: string, queue: IQueue): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.queue, queue.queueArn,
      (action, context) => context.reference(action, 'queue', queue, queue.queueArn));
  }

  /**
   * A prompt, for parameters such as `PromptId` of `MessageParticipant`.
   *
   * @param arn the prompt's ARN (or ID) as the flow file writes it
   * @param prompt the prompt that replaces it
   */
  public static prompt(arn: string, prompt: IPrompt): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.prompt, prompt.promptArn,
      (action, context) => context.reference(action, 'prompt', prompt, prompt.promptArn));
  }

  /**
   * A flow, for parameters such as `ContactFlowId` of `TransferToFlow`.
   *
   * @param arn the flow's ARN (or ID) as the flow file writes it
   * @param contactFlow the flow that replaces it
   */
  public static contactFlow(arn: string, contactFlow: IContactFlow): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.contactFlow, contactFlow.contactFlowArn,
      (action, context) => context.reference(action, 'flow', contactFlow, contactFlow.contactFlowArn));
  }

  /**
   * A flow module, for parameters such as `FlowModuleId` of `InvokeFlowModule`.
   *
   * @param arn the module's ARN (or ID) as the flow file writes it
   * @param flowModule the flow module that replaces it
   */
  public static flowModule(arn: string, flowModule: IContactFlowModule): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.flowModule, flowModule.contactFlowModuleArn,
      (action, context) => context.reference(action, 'flow module', flowModule, flowModule.contactFlowModuleArn));
  }

  /**
   * Hours of operation, for parameters such as `HoursOfOperationId` of `CheckHoursOfOperation`.
   *
   * @param arn the ARN (or ID) of the hours of operation as the flow file writes it
   * @param hoursOfOperation the hours of operation that replace it
   */
  public static hoursOfOperation(arn: string, hoursOfOperation: IHoursOfOperation): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.hoursOfOperation, hoursOfOperation.hoursOfOperationArn,
      (action, context) => context.reference(action, 'hours of operation', hoursOfOperation, hoursOfOperation.hoursOfOperationArn));
  }

  /**
   * A user (agent), for parameters such as `AgentId` of `UpdateContactTargetQueue`.
   *
   * @param arn the user's ARN (or ID) as the flow file writes it
   * @param user the user that replaces it
   */
  public static user(arn: string, user: IUser): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.user, user.userArn,
      (action, context) => context.reference(action, 'user', user, user.userArn));
  }

  /**
   * A quick connect.
   *
   * @param arn the quick connect's ARN (or ID) as the flow file writes it
   * @param quickConnect the quick connect that replaces it
   */
  public static quickConnect(arn: string, quickConnect: IQuickConnect): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.quickConnect, quickConnect.quickConnectArn,
      (action, context) => context.reference(action, 'quick connect', quickConnect, quickConnect.quickConnectArn));
  }

  /**
   * A view, for the `ViewResource` of `ShowView`. Views that AWS manages (their ARNs have the account `aws`) are
   * the same everywhere and need no replacement.
   *
   * @param arn the view's ARN as the flow file writes it
   * @param view the view that replaces it
   */
  public static view(arn: string, view: IView): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.view, view.viewArn,
      (action, context) => context.reference(action, 'view', view, view.viewArn));
  }

  /**
   * A task template, for parameters such as `TemplateId` of `CreateTask`.
   *
   * @param arn the template's ARN (or ID) as the flow file writes it
   * @param taskTemplate the task template that replaces it
   */
  public static taskTemplate(arn: string, taskTemplate: ITaskTemplate): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.taskTemplate, taskTemplate.taskTemplateArn,
      (action, context) => context.reference(action, 'task template', taskTemplate, taskTemplate.taskTemplateArn));
  }

  /**
   * A Lambda function, for `LambdaFunctionARN` of `InvokeLambdaFunction`.
   *
   * The function is associated with the flow's instance (Amazon Connect invokes only associated functions), and the
   * flow is created after the association.
   *
   * @param arn the function's ARN as the flow file writes it
   * @param fn the function that replaces it
   */
  public static lambdaFunction(arn: string, fn: lambda.IFunction): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.lambdaFunction, fn.functionArn,
      (_action, context) => context.lambdaFunction(fn));
  }

  /**
   * A Lex V2 bot alias, for `LexV2Bot.AliasArn` of `ConnectParticipantWithLexBot`.
   *
   * The alias is associated with the flow's instance, and the flow is created after the association.
   *
   * @param arn the alias's ARN as the flow file writes it
   * @param botAlias the bot alias that replaces it
   */
  public static lexBotAlias(arn: string, botAlias: lexRefs.IBotAliasRef): FlowArnReplacement {
    return new FlowArnReplacement(arn, ARN_KINDS.lexBotAlias, botAlias.botAliasRef.botAliasArn,
      (_action, context) => context.lexBotAlias(botAlias));
  }

  /**
   * Any text, replaced by another text: for what is not a resource of this library, or what differs between
   * deployments (a phone number, the ARN of a resource in another service, a value only known at deploy time).
   * Replacing an ARN this way skips the instance check and the Lambda and Lex associations.
   *
   * @param text the text as the flow file writes it
   * @param replacement the text that replaces it (may be a token)
   */
  public static text(text: string, replacement: string): FlowArnReplacement {
    return new FlowArnReplacement(text, undefined, replacement, () => replacement);
  }

  /** The text of the flow file that is replaced: an ARN, an ID, or any text for `text()`. */
  public readonly original: string;

  /**
   * The kind of resource, or undefined for `text()`.
   *
   * @internal
   */
  public readonly _kind?: ArnKind;

  /**
   * The replacing value without the checks of a render: the construct's ARN (usually a token).
   *
   * @internal
   */
  public readonly _value: string;

  /**
   * Whether the original is an ARN, matched as a whole ARN (or followed by a qualifier) instead of as any text.
   *
   * @internal
   */
  public readonly _matchesArn: boolean;

  private readonly renderer: Renderer;

  private constructor(original: string, kind: ArnKind | undefined, value: string, renderer: Renderer) {
    const factory = `FlowArnReplacement.${kind?.name ?? 'text'}()`;
    if (typeof original !== 'string' || original.length === 0) {
      failUnscoped(`${factory} needs the text of the flow file to replace, got none`);
    }
    if (Token.isUnresolved(original)) {
      failUnscoped(`${factory} needs the text of the flow file to replace as it is written, got a token`);
    }
    if (kind !== undefined && isInstanceSpecificArn(original) && arnKindOf(original) !== kind) {
      const actual = arnKindOf(original);
      failUnscoped(`${factory}: '${original}' is the ARN of a ${describeArn(original)}, not a ${kind.description}; `
        + `use ${actual ? `FlowArnReplacement.${actual.name}()` : 'FlowArnReplacement.text()'}`);
    }
    this.original = original;
    this._kind = kind;
    this._value = value;
    this._matchesArn = isArn(original);
    this.renderer = renderer;
  }

  /**
   * What replaces the original in the parameters of an action: the construct's ARN, after checking that the
   * construct belongs to the flow's instance (and associating Lambda functions and Lex bots with it).
   *
   * @internal
   */
  public _render(action: FlowAction, context: FlowRenderContext): string {
    return this.renderer(action, context);
  }

  /**
   * What the replacement is, for messages: `queue`, `text`.
   *
   * @internal
   */
  public get _description(): string {
    return this._kind?.description ?? 'text';
  }
}

/** A literal ARN left in a value after the replacements. */
export interface LiteralArn {
  /** The ARN. */
  readonly arn: string;

  /** Where it is: `QueueId`, `Attributes.target`, `[0]`. */
  readonly path: string;
}

/** The result of replacing texts in a value. */
export interface Substitution {
  /** The value with the replacements. */
  readonly value: unknown;

  /** The replacements that matched. */
  readonly used: ReadonlySet<FlowArnReplacement>;

  /** Literal ARNs of Amazon Connect, Lambda and Lex resources that remain, from the original value. */
  readonly literalArns: readonly LiteralArn[];
}

/** CDK's token markers in strings: never matched by replacements. */
const TOKEN_MARKER = /\$\{Token\[[^\]]*\]\}/g;

/** A part of a string: literal text of the original (where replacements apply) or a value that was put in. */
interface Segment {
  readonly text: string;
  readonly literal: boolean;
}

/**
 * A set of replacements applied to values (strings anywhere inside objects and lists; object keys are kept).
 *
 * ARN originals match whole ARNs found in the text (or an ARN followed by a qualifier); other originals match
 * wherever they occur, the longest first. Text that a replacement put in is never matched again.
 */
export class Replacements {
  /** The replacements, in the order given. */
  public readonly all: readonly FlowArnReplacement[];

  private readonly byArn = new Map<string, FlowArnReplacement>();
  private readonly texts: FlowArnReplacement[];

  constructor(replacements: readonly FlowArnReplacement[]) {
    this.all = replacements;
    const seen = new Map<string, FlowArnReplacement>();
    for (const replacement of replacements) {
      const previous = seen.get(replacement.original);
      if (previous !== undefined) {
        failUnscoped(`flow ARN replacements must replace different texts, '${replacement.original}' has two (${previous._description} and ${replacement._description})`);
      }
      seen.set(replacement.original, replacement);
      if (replacement._matchesArn) {
        this.byArn.set(replacement.original, replacement);
      }
    }
    this.texts = replacements.filter(replacement => !replacement._matchesArn).sort((a, b) => b.original.length - a.original.length);
  }

  /**
   * Replaces the originals in a value.
   *
   * @param resolve what replaces an original
   */
  public apply(value: unknown, resolve: (replacement: FlowArnReplacement) => string): Substitution {
    const used = new Set<FlowArnReplacement>();
    const literalArns: LiteralArn[] = [];
    const walk = (item: unknown, path: string): unknown => {
      if (typeof item === 'string') {
        return this.applyToString(item, path, resolve, used, literalArns);
      }
      if (item === null || typeof item !== 'object' || Token.isUnresolved(item)) {
        return item;
      }
      if (Array.isArray(item)) {
        return item.map((element, index) => walk(element, `${path}[${index}]`));
      }
      const result: Record<string, unknown> = {};
      for (const [key, element] of Object.entries(item)) {
        Object.defineProperty(result, key, {
          value: walk(element, path ? `${path}.${key}` : key),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    };
    return { value: walk(value, ''), used, literalArns };
  }

  private applyToString(text: string, path: string, resolve: (replacement: FlowArnReplacement) => string,
    used: Set<FlowArnReplacement>, literalArns: LiteralArn[]): string {
    let segments = splitTokens(text);
    if (this.byArn.size > 0) {
      segments = segments.flatMap(segment => segment.literal ? this.replaceArns(segment.text, resolve, used) : [segment]);
    }
    for (const replacement of this.texts) {
      segments = segments.flatMap(segment => {
        if (!segment.literal || !segment.text.includes(replacement.original)) {
          return [segment];
        }
        used.add(replacement);
        const parts = segment.text.split(replacement.original);
        const value = resolve(replacement);
        return parts.flatMap((part, index) => index === 0
          ? [{ text: part, literal: true }]
          : [{ text: value, literal: false }, { text: part, literal: true }]);
      });
    }
    for (const segment of segments) {
      if (segment.literal) {
        for (const found of findArns(segment.text)) {
          if (isInstanceSpecificArn(found.arn)) {
            literalArns.push({ arn: found.arn, path });
          }
        }
      }
    }
    return segments.map(segment => segment.text).join('');
  }

  /** Replaces the ARNs of a literal text that have a replacement (exactly, or followed by a qualifier). */
  private replaceArns(text: string, resolve: (replacement: FlowArnReplacement) => string, used: Set<FlowArnReplacement>): Segment[] {
    const segments: Segment[] = [];
    let position = 0;
    for (const found of findArns(text)) {
      const replacement = this.arnReplacementFor(found.arn);
      if (replacement === undefined) {
        continue;
      }
      used.add(replacement);
      segments.push({ text: text.slice(position, found.start), literal: true });
      segments.push({ text: resolve(replacement), literal: false });
      position = found.start + replacement.original.length;
    }
    segments.push({ text: text.slice(position), literal: true });
    return segments;
  }

  /** The replacement of an ARN: the one for the ARN itself, else the longest one for the ARN without its qualifier. */
  private arnReplacementFor(arn: string): FlowArnReplacement | undefined {
    const exact = this.byArn.get(arn);
    if (exact !== undefined) {
      return exact;
    }
    for (let colon = arn.lastIndexOf(':'); colon > 0; colon = arn.lastIndexOf(':', colon - 1)) {
      const unqualified = this.byArn.get(arn.slice(0, colon));
      if (unqualified !== undefined) {
        return unqualified;
      }
    }
    return undefined;
  }
}

/** Splits a string into literal text and CDK token markers (never matched). */
function splitTokens(text: string): Segment[] {
  const segments: Segment[] = [];
  let position = 0;
  for (const match of text.matchAll(TOKEN_MARKER)) {
    segments.push({ text: text.slice(position, match.index), literal: true });
    segments.push({ text: match[0], literal: false });
    position = match.index! + match[0].length;
  }
  segments.push({ text: text.slice(position), literal: true });
  return segments;
}
