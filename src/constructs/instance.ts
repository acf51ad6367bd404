import { IResource, Names, Resource } from 'aws-cdk-lib';
import { CfnIntegrationAssociation } from 'aws-cdk-lib/aws-connect';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IDependable } from 'constructs';
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
   * permission to invoke it. Associating the same function again returns the existing association.
   *
   * @returns the association, for resources (such as flows that invoke the function) that must be
   * created after it
   */
  associateLambdaFunction(fn: lambda.IFunction): IDependable;
}

abstract class InstanceBase extends Resource implements IInstance {
  public abstract readonly instanceArn: string;
  public abstract readonly instanceId: string;

  private readonly lambdaAssociations = new Map<string, CfnIntegrationAssociation>();

  public associateLambdaFunction(fn: lambda.IFunction): IDependable {
    const key = Names.nodeUniqueId(fn.node);
    const existing = this.lambdaAssociations.get(key);
    if (existing) {
      return existing;
    }
    const association = new CfnIntegrationAssociation(this, `Lambda${key}`, {
      instanceId: this.instanceArn,
      integrationType: 'LAMBDA_FUNCTION',
      integrationArn: fn.functionArn,
    });
    fn.addPermission(`InvokedByConnect${Names.nodeUniqueId(this.node)}`, {
      principal: new ServicePrincipal('connect.amazonaws.com'),
      sourceArn: this.instanceArn,
      sourceAccount: this.env.account,
    });
    this.lambdaAssociations.set(key, association);
    return association;
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
