import { Construct } from 'constructs';
import { FlowAction, IFlowChainable } from './action';
import { FlowRenderContext } from './context';
import { FlowLayout, LoadedFlow, loadFlowFile, loadFlowJson } from './import/loader';
import { FlowArnReplacement } from './import/replacement';
import { FlowContent, FlowContentConfig } from '../constructs/flow-content';
import { IInstance } from '../constructs/instance';
import { checkFlowActions } from '../private/flow-checks';
import { ActionSkeleton, layoutMetadata, renderMermaid } from '../private/flow-diagram';
import { breadthFirst } from '../private/flow-graph';
import { flowKindOf, strictFlowChecksOf } from '../private/flow-kind';
import { FLOW_LANGUAGE_VERSION, flowDocumentJson, validateContentSize, validateFlowLanguage } from '../private/flow-language';
import { fail, failUnscoped } from '../private/validation';

/**
 * Options of a flow definition.
 */
export interface FlowDefinitionOptions {
  /**
   * Add the flow designer's `Metadata`: a position for every action, computed from the graph, so the flow opens
   * readable in the Amazon Connect flow designer.
   *
   * @default true
   */
  readonly layout?: boolean;

  /**
   * Write the `NextAction` that the flow designer writes beside the branches of some blocks, where `next()` gives
   * none: the `otherwise()` branch of `GetParticipantInput`, `ConnectParticipantWithLexBot`, `ShowView` and agent
   * metric `CheckMetricData` actions, and the error branch of `TransferContactToQueue` and `TransferToFlow`. The
   * contact takes those branches anyway; the designer shows such flows as it would have written them.
   *
   * Set it to false to write a `NextAction` only where `next()` gives one (as `import-flow` does for a file that
   * leaves some of these out).
   *
   * @default true
   */
  readonly designerNextActions?: boolean;

  /**
   * Actions (or chains) the flow keeps although no path from its start reaches them, as the flow designer keeps
   * blocks that are not connected: each is rendered with everything it leads to. Amazon Connect accepts such blocks
   * and never runs them, so the flow check warns about them (an error with strict flow checks).
   *
   * `importFile()` and `importJsonString()` keep the unconnected blocks of a file here.
   *
   * @default - none: the flow holds what its start reaches
   */
  readonly unreachableActions?: IFlowChainable[];
}

/**
 * Options of loading a flow language file as a flow definition.
 */
export interface FlowImportOptions extends FlowDefinitionOptions {
  /**
   * What the ARNs (and other texts) of the file stand for: each is replaced by the ARN of a construct of your app
   * when the flow renders. Every replacement must occur in the file.
   *
   * @default - no replacements: the file must not contain literal ARNs of Amazon Connect, Lambda or Lex resources
   * (unless `allowLiteralArns` is set)
   */
  readonly replacements?: FlowArnReplacement[];

  /**
   * Accept literal ARNs of Amazon Connect, Lambda and Lex resources that no replacement covers.
   *
   * A flow exported from the Amazon Connect console names the resources of the instance it was exported from;
   * deployed to another instance those ARNs point to the wrong (or no) resources, so by default each one fails,
   * naming the action and suggesting a replacement. Set this when the ARNs are deliberate, such as a shared
   * function in a central account.
   *
   * @default false
   */
  readonly allowLiteralArns?: boolean;

  /**
   * Keep the flow designer positions of the file's `Metadata` (the layout of the exported flow); actions the file
   * gives no position get a computed one. Only the positions are kept: the rest of an exported `Metadata` describes
   * the source instance's resources. Without positions in the file, or when this is false, the layout is computed
   * from the graph. No effect when `layout` is false.
   *
   * @default true
   */
  readonly keepPositions?: boolean;
}

/**
 * The content of a flow or flow module, built from actions.
 *
 * ```ts
 * declare const instance: Instance;
 * declare const supportQueue: IQueue;
 *
 * const sorry = new MessageParticipant('Sorry', { text: 'Sorry, we cannot take your call now.' });
 * const hangUp = new DisconnectParticipant('HangUp');
 * sorry.onError(hangUp);
 * sorry.next(hangUp);
 *
 * const greeting = new MessageParticipant('Greeting', { text: 'Welcome to Example Corp.' });
 * const setQueue = new UpdateContactTargetQueue('SetQueue', { queue: supportQueue });
 * const transfer = new TransferContactToQueue('ToSupport').onQueueAtCapacity(sorry);
 * for (const action of [greeting, setQueue, transfer]) {
 *   action.onError(sorry); // every error an action can raise is routed
 * }
 * new ContactFlow(this, 'Inbound', {
 *   instance,
 *   contactFlowName: 'Inbound',
 *   content: FlowDefinition.start(greeting.next(setQueue).next(transfer)),
 * });
 * ```
 *
 * The definition contains every action reachable from its start. When it is rendered for a flow it checks, naming
 * the action, that: identifiers are unique; every action continues or ends the flow; every error type an action
 * raises is handled (or routed to a default with `onError()`); the action may be used in the flow's type; and its
 * parameters are within the flow language's limits. Referenced constructs are checked to belong to the flow's
 * instance, Lambda functions and Lex bots are associated with it, and the flow depends on what it references.
 */
export class FlowDefinition extends FlowContent {
  /**
   * A flow definition that starts with an action (or chain) and contains everything reachable from it.
   */
  public static start(start: IFlowChainable, options: FlowDefinitionOptions = {}): FlowDefinition {
    return new FlowDefinition(start.startAction, options);
  }

  /**
   * A flow definition from a flow language file, such as a flow exported from the Amazon Connect console: every
   * action of the file becomes a `RawAction` of its type, linked by the file's transitions, so the definition is
   * checked like any other when it renders (dead ends, unhandled errors, flow types, parameters).
   *
   * The ARNs the file contains are replaced by constructs (`options.replacements`); literal ARNs of Amazon Connect,
   * Lambda and Lex resources that remain fail, naming the action, unless `allowLiteralArns` is set. Fails also for
   * transitions to actions the file does not have. Actions not reachable from the start action are kept (as
   * `unreachableActions`), and the flow check warns about them. Every action renders the Parameters and Transitions
   * the file gives it, byte for byte (keys in the file's order; empty `Errors` and `Conditions` lists left out).
   *
   * The file is read when this method is called. (`FlowContent.fromFile()`, in contrast, passes a file through as
   * JSON content, checked only as flow language.)
   *
   * @param path the path of the file; a relative path is relative to the current working directory
   */
  public static importFile(path: string, options: FlowImportOptions = {}): FlowDefinition {
    return FlowDefinition.loaded(loadFlowFile(path, options), options);
  }

  /**
   * A flow definition from the JSON text of a flow language document; see `importFile()`.
   *
   * @param json the document, known at synth time (not a token)
   */
  public static importJsonString(json: string, options: FlowImportOptions = {}): FlowDefinition {
    return FlowDefinition.loaded(loadFlowJson(json, options), options);
  }

  private static loaded(loaded: LoadedFlow, options: FlowImportOptions): FlowDefinition {
    const unreachableActions = [...options.unreachableActions ?? [], ...loaded.unreachable];
    return new FlowDefinition(loaded.startAction, { ...options, unreachableActions }, loaded.layout);
  }

  /** The action the flow starts with. */
  public readonly startAction: FlowAction;

  private readonly options: FlowDefinitionOptions;
  private readonly layout: FlowLayout;

  private constructor(startAction: FlowAction, options: FlowDefinitionOptions, layout: FlowLayout = layoutMetadata) {
    super();
    this.startAction = startAction;
    this.options = options;
    this.layout = layout;
  }

  /**
   * Every action of the flow, in a stable order: the start first, then breadth first along the transitions, in the
   * order each action lists them (next, conditions, errors); then, the same way, from each of `unreachableActions`.
   */
  public get actions(): FlowAction[] {
    const unreachable = (this.options.unreachableActions ?? []).map(chainable => chainable.startAction);
    const actions = breadthFirst(this.startAction, action => action.transitions.map(transition => transition.target), unreachable);
    const byId = new Map<string, FlowAction>();
    for (const action of actions) {
      const known = byId.get(action.id);
      if (known !== undefined) {
        failUnscoped(`flow action identifiers must be unique in a flow: two different actions are named '${action.id}' (${known.actionType} and ${action.actionType}); give one another id`);
      }
      byId.set(action.id, action);
    }
    return actions;
  }

  public bind(scope: Construct, instance: IInstance): FlowContentConfig {
    const context = new FlowRenderContext(scope, instance, flowKindOf(scope));
    let actions: FlowAction[];
    try {
      actions = this.actions;
    } catch (e) {
      fail(scope, (e as Error).message);
    }
    const rendered = actions.map(action => {
      const parameters = action._renderFinalParameters(context);
      const transitions = action._renderTransitions(this.options.designerNextActions ?? true);
      return {
        Identifier: action.id,
        Type: action.actionType,
        Parameters: parameters ?? {},
        Transitions: transitions ?? {},
      };
    });
    const document: Record<string, unknown> = {
      Version: FLOW_LANGUAGE_VERSION,
      StartAction: this.startAction.id,
    };
    if (this.options.layout ?? true) {
      document.Metadata = this.layout(this.startAction.id, rendered);
    }
    document.Actions = rendered;

    validateFlowLanguage(scope, document);
    checkFlowActions(scope, document, {
      flowKind: context.flowKind,
      strict: strictFlowChecksOf(scope),
      terminal: new Set(actions.filter(action => action._declaredTerminal).map(action => action.id)),
    });
    validateContentSize(scope, document);

    return {
      content: flowDocumentJson(scope, document),
      dependencies: context.dependencies.length > 0 ? context.dependencies : undefined,
    };
  }

  /**
   * The flow as a Mermaid flowchart, for review: one node per action (identifier and type), solid arrows for the
   * next action and conditions, dotted arrows for error branches.
   */
  public toMermaid(): string {
    const skeleton: ActionSkeleton[] = this.actions.map(action => ({
      Identifier: action.id,
      Type: action.actionType,
      Transitions: action._renderTransitions(this.options.designerNextActions ?? true),
    }));
    return renderMermaid(this.startAction.id, skeleton);
  }
}
