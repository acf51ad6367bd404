import * as lambda from 'aws-cdk-lib/aws-lambda';
import { aws_lex as lexRefs } from 'aws-cdk-lib/interfaces';
import { ConditionalFlowAction } from '../action';
import { FlowRenderContext } from '../context';
import { FlowArnReplacement, Replacements } from '../import/replacement';


/**
 * Properties of a raw action.
 */
export interface RawActionProps {
  /** The flow language type of the action, such as `UpdateContactData`. */
  readonly actionType: string;

  /**
   * The action's `Parameters`, as the flow language writes them. Values may be tokens, such as the ARN of a construct.
   *
   * @default - no parameters
   */
  readonly parameters?: any;

  /**
   * Whether the action ends the flow on success (it takes no next action).
   *
   * Actions of the types this library knows follow the library's rules instead; for other types, an action without
   * transitions fails synthesis as a dead end unless it is declared terminal.
   *
   * @default false
   */
  readonly terminal?: boolean;

  /**
   * Texts of the parameters that stand for constructs, replaced when the flow renders: each original (an ARN, an
   * ID or any text) becomes the construct's ARN, checked to belong to the flow's instance; Lambda functions and Lex
   * bot aliases are associated with the instance; the flow depends on what they reference.
   *
   * Every replacement must occur in the parameters.
   *
   * @default - no replacements
   */
  readonly replacements?: FlowArnReplacement[];

  /**
   * Lambda functions the action invokes (put their `functionArn` in the parameters): each is associated with the
   * flow's instance, which lets Amazon Connect invoke it, and the flow is created after the association.
   *
   * @default - none
   */
  readonly lambdaFunctions?: lambda.IFunction[];

  /**
   * Lex V2 bot aliases the action talks to (put their ARN in the parameters): each is associated with the flow's
   * instance, and the flow is created after the association.
   *
   * @default - none
   */
  readonly lexBotAliases?: lexRefs.IBotAliasRef[];
}

/**
 * Any action by its flow language type, with raw parameters: the escape hatch for actions the library has no class
 * for. Chain it like any other action; conditions and error branches are rendered as given.
 *
 * When the type is one the library knows, the library's rules apply to it (flow types, error branches, parameters).
 */
export class RawAction extends ConditionalFlowAction {
  private readonly parameters?: any;
  private readonly terminal: boolean;
  private readonly replacements?: Replacements;
  private readonly lambdaFunctions: lambda.IFunction[];
  private readonly lexBotAliases: lexRefs.IBotAliasRef[];

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: RawActionProps) {
    super(id, props.actionType);
    this.parameters = props.parameters;
    this.terminal = props.terminal ?? false;
    this.replacements = props.replacements && props.replacements.length > 0 ? new Replacements(props.replacements) : undefined;
    this.lambdaFunctions = props.lambdaFunctions ?? [];
    this.lexBotAliases = props.lexBotAliases ?? [];
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return !this.terminal;
  }

  /** @internal */
  public get _endsFlow(): boolean {
    return this.terminal;
  }

  /** @internal */
  public get _declaredTerminal(): boolean {
    return this.terminal;
  }

  /** @internal */
  public _renderParameters(context: FlowRenderContext): { [key: string]: any } | undefined {
    for (const fn of this.lambdaFunctions) {
      context.lambdaFunction(fn);
    }
    for (const alias of this.lexBotAliases) {
      context.lexBotAlias(alias);
    }
    if (this.replacements === undefined) {
      return this.parameters;
    }
    const substitution = this.replacements.apply(this.parameters, replacement => replacement._render(this, context));
    for (const replacement of this.replacements.all) {
      if (!substitution.used.has(replacement)) {
        context.fail(this, `has a replacement of '${replacement.original}' (${replacement._description}) that its parameters do not contain; remove the replacement or correct its text`);
      }
    }
    return substitution.value as { [key: string]: any } | undefined;
  }
}
