import { Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { aws_lex as lexRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct, IDependable } from 'constructs';
import type { FlowAction } from './action';
import type { IInstance } from '../constructs/instance';
import { FlowKind } from '../private/flow-actions/rules';
import { fail } from '../private/validation';

/** A resource of an instance that a flow action references. */
interface InstanceResource extends IConstruct {
  readonly instanceArn: string;
}

/**
 * What an action needs while it renders its parameters: the flow it is rendered into, the flow's instance, and a
 * record of what the flow depends on. Not part of the public API.
 */
export class FlowRenderContext {
  /** The flow or flow module the actions are rendered into. */
  public readonly scope: Construct;

  /** The instance of the flow. */
  public readonly instance: IInstance;

  /** The type of the flow (or `MODULE`). */
  public readonly flowKind: FlowKind | undefined;

  /** What the flow must be created after: the resources and associations its actions reference. */
  public readonly dependencies: IDependable[] = [];

  private readonly seen = new Set<IDependable>();

  constructor(scope: Construct, instance: IInstance, flowKind: FlowKind | undefined) {
    this.scope = scope;
    this.instance = instance;
    this.flowKind = flowKind;
  }

  /**
   * The ARN of a resource of an instance (queue, prompt, flow, ...), checked to belong to the flow's instance.
   *
   * The flow depends on the resource through the ARN itself: for a resource defined in the app it is a CloudFormation
   * reference (an explicit DependsOn as well would be redundant, and cfn-lint warns about those).
   *
   * @param what the kind of resource, for messages (`queue`)
   */
  public reference(action: FlowAction, what: string, resource: InstanceResource, arn: string): string {
    const other = resource.instanceArn;
    const mine = this.instance.instanceArn;
    if (!Token.isUnresolved(other) && !Token.isUnresolved(mine) && other !== mine) {
      this.fail(action, `references the ${what} '${resource.node.path}' of instance ${other}, but the flow belongs to instance ${mine}`);
    }
    return arn;
  }

  /**
   * The ARN of a Lambda function the flow invokes: the function is associated with the instance (which lets Amazon
   * Connect invoke it) and the flow depends on the association.
   */
  public lambdaFunction(fn: lambda.IFunction): string {
    this.dependOn(this.instance.associateLambdaFunction(fn));
    return fn.functionArn;
  }

  /**
   * The ARN of a Lex V2 bot alias the flow talks to: the alias is associated with the instance and the flow depends
   * on the association.
   */
  public lexBotAlias(alias: lexRefs.IBotAliasRef): string {
    this.dependOn(this.instance.associateLexBot(alias));
    return alias.botAliasRef.botAliasArn;
  }

  /** Records a dependency of the flow. */
  public dependOn(dependable: IDependable): void {
    if (!this.seen.has(dependable)) {
      this.seen.add(dependable);
      this.dependencies.push(dependable);
    }
  }

  /** Fails synthesis with a message that names the flow and the action. */
  public fail(action: FlowAction, message: string): never {
    fail(this.scope, `flow action '${action.id}' (${action.actionType}) ${message}`);
  }
}
