import { IResource, Resource } from 'aws-cdk-lib';
import { CfnAgentStatus } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateDescription, validateIntegerRange, validateLength } from '../private/validation';

/**
 * An Amazon Connect agent status, defined in this app or imported.
 */
export interface IAgentStatus extends IResource, connectRefs.IAgentStatusRef {
  /**
   * The ARN of the agent status.
   *
   * @attribute
   */
  readonly agentStatusArn: string;

  /**
   * The id of the agent status.
   *
   * @attribute
   */
  readonly agentStatusId: string;

  /**
   * The ARN of the instance the agent status belongs to.
   */
  readonly instanceArn: string;
}

abstract class AgentStatusBase extends Resource implements IAgentStatus {
  public abstract readonly agentStatusArn: string;
  public abstract readonly agentStatusId: string;
  public abstract readonly instanceArn: string;

  public get agentStatusRef(): connectRefs.AgentStatusReference {
    return { agentStatusArn: this.agentStatusArn };
  }
}

/**
 * Whether agents can choose an agent status.
 */
export enum AgentStatusState {
  /** Agents can choose the status in the Contact Control Panel. */
  ENABLED = 'ENABLED',
  /** The status is hidden from agents; it stays defined and can be enabled again. */
  DISABLED = 'DISABLED',
}

/**
 * Properties of an agent status.
 */
export interface AgentStatusProps {
  /**
   * The instance the agent status belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the status (1 to 127 characters), as agents see it in the Contact Control Panel.
   */
  readonly agentStatusName: string;

  /**
   * A description of the status (1 to 250 characters).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether agents can choose the status.
   *
   * @default AgentStatusState.ENABLED
   */
  readonly state?: AgentStatusState;

  /**
   * The position of the status in the agents' status list, from 1 to 50.
   *
   * @default - Amazon Connect chooses the position
   */
  readonly displayOrder?: number;

  /**
   * Whether an update of the status resets its display order (Amazon Connect's `ResetOrderNumber`, which only
   * `UpdateAgentStatus` takes; creation ignores it).
   *
   * @default - the display order is not reset
   */
  readonly resetOrderNumber?: boolean;
}

/**
 * A custom Amazon Connect agent status, such as "Lunch" or "Training": a not-routable state agents can set
 * themselves in.
 *
 * Amazon Connect creates only custom statuses (type `CUSTOM`). The two system statuses every instance has,
 * Available (`ROUTABLE`) and Offline (`OFFLINE`), cannot be created; import them with `fromAgentStatusArn` to
 * reference them.
 *
 * ```ts
 * new AgentStatus(this, 'Lunch', {
 *   instance,
 *   agentStatusName: 'Lunch',
 *   displayOrder: 3,
 * });
 * ```
 *
 * @resource AWS::Connect::AgentStatus
 */
export class AgentStatus extends AgentStatusBase {
  /**
   * Imports an agent status by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/agent-state/<id>`).
   */
  public static fromAgentStatusArn(scope: Construct, id: string, agentStatusArn: string): IAgentStatus {
    class Import extends AgentStatusBase {
      public readonly agentStatusArn = agentStatusArn;
      public readonly agentStatusId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(agentStatusArn) });
        const parts = parseInstanceResourceArn(this, agentStatusArn, 'agent-state', 'agent status');
        this.agentStatusId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the agent status.
   *
   * @attribute
   */
  public readonly agentStatusArn: string;

  /**
   * The id of the agent status.
   *
   * @attribute
   */
  public get agentStatusId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._agentStatusId ?? (this._agentStatusId = resourceIdOfArn(this, this.agentStatusArn, 'agent-state', 'agent status'));
  }

  private _agentStatusId?: string;

  /**
   * The ARN of the instance the agent status belongs to.
   */
  public readonly instanceArn: string;

  constructor(scope: Construct, id: string, props: AgentStatusProps) {
    super(scope, id);

    validateLength(this, 'agent status name', props.agentStatusName, 1, 127);
    validateDescription(this, props.description, 250);
    validateIntegerRange(this, 'displayOrder', props.displayOrder, 1, 50);

    const resource = new CfnAgentStatus(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      name: props.agentStatusName,
      description: props.description,
      state: props.state ?? AgentStatusState.ENABLED,
      displayOrder: props.displayOrder,
      resetOrderNumber: props.resetOrderNumber,
    });
    fixLogicalIdAtSynthesis(resource);

    this.agentStatusArn = resource.attrAgentStatusArn;
    this.instanceArn = props.instance.instanceArn;
  }
}
