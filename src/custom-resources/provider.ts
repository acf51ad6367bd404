import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import { bundledHandlerCode } from '../private/bundle';

/** The construct id of the provider under its stack. */
const PROVIDER_ID = 'CdkConnectProvider';

/**
 * Properties of the custom resource provider of a stack.
 */
export interface ConnectProviderProps {
  /**
   * How long the handler's log is kept.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * The memory of the handler function, in MiB.
   *
   * @default 256
   */
  readonly memorySize?: number;
}

/**
 * The one Lambda function of a stack that serves every cdk-connect custom resource: what CloudFormation cannot do,
 * done through the Amazon Connect API.
 *
 * It is created with the first resource that needs it. Its IAM policy grows with the resources of the stack: each
 * names exactly the actions it calls on the resources it touches (scoped to the instance), never `*`. Call
 * `ConnectProvider.getOrCreate(stack, props)` before defining any such resource to change its settings.
 */
export class ConnectProvider extends Construct {
  /**
   * The provider of the stack that `scope` belongs to, created with `props` if the stack has none yet.
   *
   * @param props settings for a new provider; given when the stack already has a provider, it is an error
   */
  public static getOrCreate(scope: IConstruct, props?: ConnectProviderProps): ConnectProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(PROVIDER_ID);
    if (existing) {
      if (props !== undefined) {
        throw new Error(`${stack.node.path}: the cdk-connect provider of this stack already exists; call `
          + 'ConnectProvider.getOrCreate(stack, props) before defining any resource that uses it');
      }
      return existing as ConnectProvider;
    }
    return new ConnectProvider(stack, PROVIDER_ID, props ?? {});
  }

  /** The handler function. */
  public readonly handler: lambda.IFunction;

  /** The handler's log group. */
  public readonly logGroup: logs.ILogGroup;

  /** The token that custom resources name as their `ServiceToken`. */
  public readonly serviceToken: string;

  /** The policy that grants the handler what the stack's resources call (every custom resource depends on it). */
  public readonly policy: iam.Policy;

  private readonly statements = new Map<string, iam.PolicyStatement>();

  private constructor(scope: Construct, id: string, props: ConnectProviderProps) {
    super(scope, id);
    const code = bundledHandlerCode('connect-handler', 'custom resource handler', 'bundle:handler');
    const memory = props.memorySize;
    if (memory !== undefined && !Token.isUnresolved(memory) && (!Number.isInteger(memory) || memory < 128 || memory > 10240)) {
      throw new Error(`${this.node.path}: memorySize must be an integer from 128 to 10240 MiB, got ${props.memorySize}`);
    }

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'cdk-connect custom resource handler',
    });
    this.logGroup.grantWrite(role);
    const fn = new lambda.Function(this, 'Handler', {
      description: 'cdk-connect: Amazon Connect resources that CloudFormation cannot manage',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      code,
      handler: 'index.handler',
      timeout: Duration.minutes(15),
      memorySize: props.memorySize ?? 256,
      role,
      logGroup: this.logGroup,
    });
    this.handler = fn;
    this.serviceToken = fn.functionArn;
    this.policy = new iam.Policy(this, 'Policy', { roles: [role] });
    // The policy has statements only once a resource adds them; an empty policy would fail to deploy.
    this.node.addValidation({
      validate: () => this.statements.size === 0 ? ['the cdk-connect provider has no permissions: no resource uses it'] : [],
    });
  }

  /**
   * Allows the handler to call `actions` on `resources`. Statements on the same resources are merged.
   */
  public addPermissions(actions: string[], resources: string[]): void {
    const key = [...resources].sort().join('\n');
    const existing = this.statements.get(key);
    if (existing) {
      existing.addActions(...actions.filter((action) => !existing.actions.includes(action)));
      return;
    }
    const statement = new iam.PolicyStatement({ actions: [...new Set(actions)], resources });
    this.statements.set(key, statement);
    this.policy.addStatements(statement);
  }
}
