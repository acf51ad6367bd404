import { IResource, Names, Resource } from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { parseInstanceArn } from '../private/arn';

/**
 * An Amazon Connect instance, defined in this app or imported.
 */
export interface IInstance extends IResource, connectRefs.IInstanceRef {
  /**
   * The ARN of the instance (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   *
   * @attribute
   */
  readonly instanceArn: string;

  /**
   * The id of the instance.
   *
   * @attribute
   */
  readonly instanceId: string;

  /**
   * Associates a Lambda function with the instance, so that flows can invoke it, and grants Amazon Connect
   * permission to invoke it. Associating the same function twice is a no-op.
   */
  associateLambdaFunction(fn: lambda.IFunction): void;
}

abstract class InstanceBase extends Resource implements IInstance {
  public abstract readonly instanceArn: string;
  public abstract readonly instanceId: string;

  private readonly lambdaAssociations = new Set<string>();

  public associateLambdaFunction(fn: lambda.IFunction): void {
    const key = Names.nodeUniqueId(fn.node);
    if (this.lambdaAssociations.has(key)) {
      return;
    }
    this.lambdaAssociations.add(key);
    new CfnIntegrationAssociation(this, `Lambda${key}`, {
      instanceId: this.instanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: fn.functionArn,
    });
    fn.addPermission(`InvokedByConnect${Names.nodeUniqueId(this.node)}`, {
      principal: new ServicePrincipal('connect.amazonaws.com'),
      sourceArn: this.instanceArn,
      sourceAccount: this.env.account,
    });
  }

  public get instanceRef(): connectRefs.InstanceReference {
    return { instanceArn: this.instanceArn };
  }
}

/**
 * An Amazon Connect instance.
 *
 * @resource AWS::Connect::Instance
 */
export class Instance extends InstanceBase {
  /**
   * Imports an instance by its ARN (`arn:aws:connect:<region>:<account>:instance/<instance-id>`).
   */
  public static fromInstanceArn(scope: Construct, id: string, instanceArn: string): IInstance {
    class Import extends InstanceBase {
      public readonly instanceArn = instanceArn;
      public readonly instanceId: string;

      constructor() {
        super(scope, id, { environmentFromArn: instanceArn });
        this.instanceId = parseInstanceArn(this, instanceArn);
      }
    }
    return new Import();
  }

  // SKELETON: props, constructor, validation, storage configs, associations, grants, metrics to be written
  public readonly instanceArn!: string;
  public readonly instanceId!: string;
}
