import { ConditionalFlowAction } from '../action';
import { FlowRenderContext } from '../context';

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

  /**
   * @param id the action's identifier: 1 to 50 characters, none of `% : ( \ / ) = $ , ; [ ] { }`
   */
  constructor(id: string, props: RawActionProps) {
    super(id, props.actionType);
    this.parameters = props.parameters;
    this.terminal = props.terminal ?? false;
  }

  /** @internal */
  public get _acceptsNext(): boolean {
    return !this.terminal;
  }

  /** @internal */
  public get _declaredTerminal(): boolean {
    return this.terminal;
  }

  /** @internal */
  public _renderParameters(_context: FlowRenderContext): { [key: string]: any } | undefined {
    return this.parameters;
  }
}
