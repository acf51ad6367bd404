import { IResource, Resource } from 'aws-cdk-lib';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceResourceArn } from '../private/arn';

/**
 * An Amazon Connect prompt, defined in this app or imported.
 */
export interface IPrompt extends IResource, connectRefs.IPromptRef {
  /**
   * The ARN of the prompt.
   *
   * @attribute
   */
  readonly promptArn: string;

  /**
   * The id of the prompt.
   *
   * @attribute
   */
  readonly promptId: string;

  /**
   * The ARN of the instance the prompt belongs to.
   */
  readonly instanceArn: string;
}

abstract class PromptBase extends Resource implements IPrompt {
  public abstract readonly promptArn: string;
  public abstract readonly promptId: string;
  public abstract readonly instanceArn: string;

  public get promptRef(): connectRefs.PromptReference {
    return { promptArn: this.promptArn };
  }
}

/**
 * A Amazon Connect prompt.
 *
 * @resource AWS::Connect::Prompt
 */
export class Prompt extends PromptBase {
  /**
   * Imports a prompt by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/prompt/<id>`).
   */
  public static fromPromptArn(scope: Construct, id: string, promptArn: string): IPrompt {
    class Import extends PromptBase {
      public readonly promptArn = promptArn;
      public readonly promptId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: promptArn });
        const parts = parseInstanceResourceArn(this, promptArn, 'prompt', 'prompt');
        this.promptId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation to be written
  public readonly promptArn!: string;
  public readonly promptId!: string;
  public readonly instanceArn!: string;
}
