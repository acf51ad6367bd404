import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

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
 * An Amazon Connect agent status.
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
        super(scope, id, { environmentFromArn: agentStatusArn });
        const parts = parseInstanceResourceArn(this, agentStatusArn, 'agent-state', 'agent status');
        this.agentStatusId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly agentStatusArn!: string;
  public readonly agentStatusId!: string;
  public readonly instanceArn!: string;
}
