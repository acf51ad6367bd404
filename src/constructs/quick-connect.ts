import { IResource, Names, Resource } from 'aws-cdk-lib';
import { CfnQuickConnect } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ContactFlowType, IContactFlow } from './contact-flow';
import { IInstance } from './instance';
import { IQueue } from './queue';
import { IUser } from './user';
import { importEnvironmentArn, parseInstanceResourceArn, resourceIdOfArn } from '../private/arn';
import { validateFlowType } from '../private/flow-types';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { validateSameInstance } from '../private/references';
import { validateDescription, validateLength, validatePhoneNumber } from '../private/validation';

/**
 * An Amazon Connect quick connect, defined in this app or imported.
 */
export interface IQuickConnect extends IResource, connectRefs.IQuickConnectRef {
  /**
   * The ARN of the quick connect.
   *
   * @attribute
   */
  readonly quickConnectArn: string;

  /**
   * The id of the quick connect.
   *
   * @attribute
   */
  readonly quickConnectId: string;

  /**
   * The ARN of the instance the quick connect belongs to.
   */
  readonly instanceArn: string;
}

/**
 * The kind of destination of a quick connect.
 */
export enum QuickConnectType {
  /** An agent (shown as "Agent" in the Amazon Connect admin website). */
  USER = 'USER',
  /** A queue. */
  QUEUE = 'QUEUE',
  /** An external phone number (shown as "External"). */
  PHONE_NUMBER = 'PHONE_NUMBER',
}

/**
 * Where a quick connect transfers contacts to: an agent, a queue or an external phone number.
 */
export class QuickConnectTarget {
  /**
   * Transfers to an agent, through a flow of type "Transfer to agent" (`AGENT_TRANSFER`).
   *
   * A flow defined in this app must have that type (checked at synth time); for an imported flow Amazon
   * Connect checks it when it creates the quick connect.
   *
   * @param user the agent; must belong to the quick connect's instance
   * @param flow a flow of type "Transfer to agent"; must belong to the quick connect's instance
   */
  public static user(user: IUser, flow: IContactFlow): QuickConnectTarget {
    return new QuickConnectTarget(QuickConnectType.USER, flow, user, undefined, undefined);
  }

  /**
   * Transfers to a queue, through a flow of type "Transfer to queue" (`QUEUE_TRANSFER`).
   *
   * A flow defined in this app must have that type (checked at synth time); for an imported flow Amazon
   * Connect checks it when it creates the quick connect.
   *
   * @param queue the queue; must belong to the quick connect's instance
   * @param flow a flow of type "Transfer to queue"; must belong to the quick connect's instance
   */
  public static queue(queue: IQueue, flow: IContactFlow): QuickConnectTarget {
    return new QuickConnectTarget(QuickConnectType.QUEUE, flow, undefined, queue, undefined);
  }

  /**
   * Transfers to an external phone number.
   *
   * @param phoneNumber the number in E.164 format: `+`, the country code and the subscriber number, at most
   * 15 digits in all, for example `+15551234567`
   */
  public static phoneNumber(phoneNumber: string): QuickConnectTarget {
    return new QuickConnectTarget(QuickConnectType.PHONE_NUMBER, undefined, undefined, undefined, phoneNumber);
  }

  /**
   * The kind of destination.
   */
  public readonly type: QuickConnectType;

  /** @internal */
  public readonly _contactFlow?: IContactFlow;

  /** @internal */
  public readonly _user?: IUser;

  /** @internal */
  public readonly _queue?: IQueue;

  /** @internal */
  public readonly _phoneNumber?: string;

  private constructor(type: QuickConnectType, contactFlow?: IContactFlow, user?: IUser, queue?: IQueue, phoneNumber?: string) {
    this.type = type;
    this._contactFlow = contactFlow;
    this._user = user;
    this._queue = queue;
    this._phoneNumber = phoneNumber;
  }
}

/**
 * Properties of a quick connect.
 */
export interface QuickConnectProps {
  /**
   * The instance the quick connect belongs to.
   */
  readonly instance: IInstance;

  /**
   * The name of the quick connect, 1 to 127 characters, unique in the instance. Agents see it in the
   * Contact Control Panel.
   *
   * @default - a name generated from the construct path
   */
  readonly quickConnectName?: string;

  /**
   * The description of the quick connect, 1 to 250 characters.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Where the quick connect transfers contacts to.
   */
  readonly target: QuickConnectTarget;
}

abstract class QuickConnectBase extends Resource implements IQuickConnect {
  public abstract readonly quickConnectArn: string;
  public abstract readonly quickConnectId: string;
  public abstract readonly instanceArn: string;

  public get quickConnectRef(): connectRefs.QuickConnectReference {
    return { quickConnectArn: this.quickConnectArn };
  }
}

/** E.164: `+`, a country code that does not start with 0, at most 15 digits in all (CloudFormation's pattern). */

/**
 * An Amazon Connect quick connect: a destination (agent, queue or external number) that agents can transfer
 * contacts to from the Contact Control Panel. Make it available to agents by adding it to queues.
 *
 * @resource AWS::Connect::QuickConnect
 */
export class QuickConnect extends QuickConnectBase {
  /**
   * Imports a quick connect by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/transfer-destination/<id>`).
   */
  public static fromQuickConnectArn(scope: Construct, id: string, quickConnectArn: string): IQuickConnect {
    class Import extends QuickConnectBase {
      public readonly quickConnectArn = quickConnectArn;
      public readonly quickConnectId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(quickConnectArn) });
        const parts = parseInstanceResourceArn(this, quickConnectArn, 'transfer-destination', 'quick connect');
        this.quickConnectId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the quick connect.
   *
   * @attribute
   */
  public readonly quickConnectArn: string;

  /**
   * The id of the quick connect.
   *
   * @attribute
   */
  public get quickConnectId(): string {
    // Built on first use: most apps never read it, and each id is a Fn::Select of a Fn::Split.
    return this._quickConnectId ?? (this._quickConnectId = resourceIdOfArn(this, this.quickConnectArn, 'transfer-destination', 'quick connect'));
  }

  private _quickConnectId?: string;

  /**
   * The ARN of the instance the quick connect belongs to.
   */
  public readonly instanceArn: string;

  /**
   * The name of the quick connect.
   */
  public readonly quickConnectName: string;

  /**
   * The kind of destination of the quick connect.
   */
  public readonly quickConnectType: QuickConnectType;

  constructor(scope: Construct, id: string, props: QuickConnectProps) {
    super(scope, id);

    this.quickConnectName = props.quickConnectName ?? Names.uniqueResourceName(this, { maxLength: 127 });
    validateLength(this, 'name', props.quickConnectName, 1, 127);
    validateDescription(this, props.description);

    const target = props.target;
    const instanceArn = props.instance.instanceArn;
    const checkInstance = (what: string, arn: string) => validateSameInstance(this, what, instanceArn, arn);

    let config: CfnQuickConnect.QuickConnectConfigProperty;
    switch (target.type) {
      case QuickConnectType.USER:
        checkInstance('user', target._user!.instanceArn);
        checkInstance('transfer flow', target._contactFlow!.instanceArn);
        validateFlowType(this, 'transfer flow', target._contactFlow!, ContactFlowType.AGENT_TRANSFER);
        config = {
          quickConnectType: target.type,
          userConfig: { userArn: target._user!.userArn, contactFlowArn: target._contactFlow!.contactFlowArn },
        };
        break;
      case QuickConnectType.QUEUE:
        checkInstance('queue', target._queue!.instanceArn);
        checkInstance('transfer flow', target._contactFlow!.instanceArn);
        validateFlowType(this, 'transfer flow', target._contactFlow!, ContactFlowType.QUEUE_TRANSFER);
        config = {
          quickConnectType: target.type,
          queueConfig: { queueArn: target._queue!.queueArn, contactFlowArn: target._contactFlow!.contactFlowArn },
        };
        break;
      default:
        validatePhoneNumber(this, 'phone number', target._phoneNumber);
        config = {
          quickConnectType: target.type,
          phoneConfig: { phoneNumber: target._phoneNumber! },
        };
    }

    const resource = new CfnQuickConnect(this, 'Resource', {
      instanceArn,
      name: this.quickConnectName,
      description: props.description,
      quickConnectConfig: config,
    });
    fixLogicalIdAtSynthesis(resource);

    this.quickConnectArn = resource.attrQuickConnectArn;
    this.instanceArn = instanceArn;
    this.quickConnectType = target.type;
  }
}
