import { Annotations, IResource, Lazy, Resource, Token } from 'aws-cdk-lib';
import { CfnNotification } from 'aws-cdk-lib/aws-connect';
import { aws_connect as connectRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IInstance } from './instance';
import { IUser } from './user';
import { importEnvironmentArn, parseInstanceResourceArn } from '../private/arn';
import { fixLogicalIdAtSynthesis } from '../private/logical-ids';
import { sameInstanceError } from '../private/references';
import { fail, validateLength } from '../private/validation';

/**
 * An Amazon Connect notification, defined in this app or imported.
 */
export interface INotification extends IResource, connectRefs.INotificationRef {
  /**
   * The ARN of the notification.
   *
   * @attribute Arn
   */
  readonly notificationArn: string;

  /**
   * The id of the notification.
   *
   * @attribute Id
   */
  readonly notificationId: string;

  /**
   * The ARN of the instance the notification belongs to.
   */
  readonly instanceArn: string;
}

abstract class NotificationBase extends Resource implements INotification {
  public abstract readonly notificationArn: string;
  public abstract readonly notificationId: string;
  public abstract readonly instanceArn: string;

  public get notificationRef(): connectRefs.NotificationReference {
    return { notificationArn: this.notificationArn };
  }
}

/**
 * How prominently the Amazon Connect agent workspace shows a notification.
 */
export enum NotificationPriority {
  /** Shown above low priority notifications. */
  HIGH = 'HIGH',
  /** Shown below high priority notifications. */
  LOW = 'LOW',
}

/**
 * The text of a notification in each language the agents may use: at least one, each at most 500 characters.
 * Texts may contain links. Agents see the text of their language.
 */
export interface NotificationContent {
  /**
   * English (United States), `en_US`.
   *
   * @default - no text in this language
   */
  readonly enUs?: string;

  /**
   * German (Germany), `de_DE`.
   *
   * @default - no text in this language
   */
  readonly deDe?: string;

  /**
   * Spanish (Spain), `es_ES`.
   *
   * @default - no text in this language
   */
  readonly esEs?: string;

  /**
   * French (France), `fr_FR`.
   *
   * @default - no text in this language
   */
  readonly frFr?: string;

  /**
   * Indonesian (Indonesia), `id_ID`.
   *
   * @default - no text in this language
   */
  readonly idId?: string;

  /**
   * Italian (Italy), `it_IT`.
   *
   * @default - no text in this language
   */
  readonly itIt?: string;

  /**
   * Japanese (Japan), `ja_JP`.
   *
   * @default - no text in this language
   */
  readonly jaJp?: string;

  /**
   * Korean (Korea), `ko_KR`.
   *
   * @default - no text in this language
   */
  readonly koKr?: string;

  /**
   * Portuguese (Brazil), `pt_BR`.
   *
   * @default - no text in this language
   */
  readonly ptBr?: string;

  /**
   * Chinese (simplified), `zh_CN`.
   *
   * @default - no text in this language
   */
  readonly zhCn?: string;

  /**
   * Chinese (traditional), `zh_TW`.
   *
   * @default - no text in this language
   */
  readonly zhTw?: string;
}

/**
 * Who receives a notification: a user, or every user of the instance.
 */
export class NotificationRecipient {
  /**
   * A user. The user must belong to the notification's instance.
   */
  public static user(user: IUser): NotificationRecipient {
    return new NotificationRecipient(user);
  }

  /**
   * Every user of the notification's instance.
   */
  public static allUsers(): NotificationRecipient {
    return new NotificationRecipient(undefined);
  }

  /** @internal the user, or undefined for every user of the instance */
  public readonly _user?: IUser;

  private constructor(user: IUser | undefined) {
    this._user = user;
  }
}

/**
 * Properties of a notification.
 */
export interface NotificationProps {
  /**
   * The instance the notification belongs to.
   */
  readonly instance: IInstance;

  /**
   * The text of the notification, per language. A change updates the notification in place.
   */
  readonly content: NotificationContent;

  /**
   * Who receives the notification (1 to 200 recipients). More can be added with `addRecipient()`.
   * A change replaces the notification (it is sent again).
   *
   * @default - none here: add them with `addRecipient()`
   */
  readonly recipients?: NotificationRecipient[];

  /**
   * How prominently the notification is shown. A change replaces the notification.
   *
   * @default - Amazon Connect's default priority
   */
  readonly priority?: NotificationPriority;

  /**
   * When the notification expires and is no longer shown. A fixed point in time (rendered as seconds since
   * the epoch), not a duration: the template must not change every time it is synthesized. A change replaces
   * the notification.
   *
   * @default - one week after the notification is created
   */
  readonly expiresAt?: Date;
}

/** The CloudFormation names of the languages of `NotificationContent`, for messages. */
const LOCALES: Array<[keyof NotificationContent, string]> = [
  ['enUs', 'en_US'], ['deDe', 'de_DE'], ['esEs', 'es_ES'], ['frFr', 'fr_FR'], ['idId', 'id_ID'], ['itIt', 'it_IT'],
  ['jaJp', 'ja_JP'], ['koKr', 'ko_KR'], ['ptBr', 'pt_BR'], ['zhCn', 'zh_CN'], ['zhTw', 'zh_TW'],
];

/** The most recipients Amazon Connect takes for one notification. */
const MAX_RECIPIENTS = 200;

/**
 * A notification that Amazon Connect shows to agents and supervisors in the agent workspace, such as an
 * announcement of a system change. Recipients are users or every user of the instance.
 *
 * Only the content can be updated in place; a change of the recipients, priority or expiry replaces the
 * notification, so it reaches the recipients again.
 *
 * ```ts
 * declare const instance: IInstance;
 * new Notification(this, 'Maintenance', {
 *   instance,
 *   content: { enUs: 'The phone system restarts on Sunday at 02:00 UTC.' },
 *   recipients: [NotificationRecipient.allUsers()],
 *   priority: NotificationPriority.HIGH,
 *   expiresAt: new Date('2030-01-31T00:00:00Z'),
 * });
 * ```
 *
 * @resource AWS::Connect::Notification
 */
export class Notification extends NotificationBase {
  /**
   * Imports a notification by its ARN
   * (`arn:aws:connect:<region>:<account>:instance/<instance-id>/notification/<id>`).
   */
  public static fromNotificationArn(scope: Construct, id: string, notificationArn: string): INotification {
    class Import extends NotificationBase {
      public readonly notificationArn = notificationArn;
      public readonly notificationId: string;
      public readonly instanceArn: string;

      constructor() {
        super(scope, id, { environmentFromArn: importEnvironmentArn(notificationArn) });
        const parts = parseInstanceResourceArn(this, notificationArn, 'notification', 'notification');
        this.notificationId = parts.resourceId;
        this.instanceArn = parts.instanceArn;
      }
    }
    return new Import();
  }

  /**
   * The ARN of the notification.
   *
   * @attribute Arn
   */
  public readonly notificationArn: string;

  /**
   * The id of the notification.
   *
   * @attribute Id
   */
  public readonly notificationId: string;

  /**
   * The ARN of the instance the notification belongs to.
   */
  public readonly instanceArn: string;

  /**
   * When the notification was created.
   *
   * @attribute
   */
  public readonly createdAt: string;

  private readonly recipients: NotificationRecipient[] = [];

  constructor(scope: Construct, id: string, props: NotificationProps) {
    super(scope, id);
    this.instanceArn = props.instance.instanceArn;

    const given = LOCALES.filter(([key]) => props.content[key] !== undefined);
    if (given.length === 0) {
      fail(this, `content must have a text in at least one language (${LOCALES.map(([key]) => key).join(', ')})`);
    }
    for (const [key, locale] of given) {
      validateLength(this, `content ${key} (${locale})`, props.content[key], 0, 500);
    }

    let expiresAt: string | undefined;
    if (props.expiresAt !== undefined) {
      const time = props.expiresAt.getTime();
      if (Number.isNaN(time)) {
        fail(this, 'expiresAt must be a valid date, got an invalid Date');
      }
      if (time <= Date.now()) {
        Annotations.of(this).addWarningV2('cdk-connect:notificationExpired',
          `expiresAt ${props.expiresAt.toISOString()} is in the past: Amazon Connect shows the notification to nobody or rejects it`);
      }
      expiresAt = String(Math.floor(time / 1000));
    }

    for (const recipient of props.recipients ?? []) {
      this.addRecipient(recipient);
    }
    this.node.addValidation({
      validate: () => this.recipients.length === 0 || this.recipients.length > MAX_RECIPIENTS
        ? [`recipients must have 1 to ${MAX_RECIPIENTS} items, got ${this.recipients.length}`]
        : [],
    });

    const resource = new CfnNotification(this, 'Resource', {
      instanceArn: props.instance.instanceArn,
      content: {
        enUs: props.content.enUs,
        deDe: props.content.deDe,
        esEs: props.content.esEs,
        frFr: props.content.frFr,
        idId: props.content.idId,
        itIt: props.content.itIt,
        jaJp: props.content.jaJp,
        koKr: props.content.koKr,
        ptBr: props.content.ptBr,
        zhCn: props.content.zhCn,
        zhTw: props.content.zhTw,
      },
      recipients: Lazy.list({ produce: () => this.recipients.map(r => r._user?.userArn ?? this.instanceArn) }),
      priority: props.priority,
      expiresAt,
    });
    fixLogicalIdAtSynthesis(resource);

    this.notificationArn = resource.attrArn;
    this.notificationId = resource.attrId;
    this.createdAt = resource.attrCreatedAt;
  }

  /**
   * Adds a recipient of the notification.
   */
  public addRecipient(recipient: NotificationRecipient): void {
    const user = recipient._user;
    if (user !== undefined) {
      const error = sameInstanceError('recipient user', this.instanceArn, user.instanceArn);
      if (error) {
        fail(this, error);
      }
    }
    const duplicate = this.recipients.find(r => r._user === user
      || (user !== undefined && r._user !== undefined && !Token.isUnresolved(user.userArn) && r._user.userArn === user.userArn));
    if (duplicate !== undefined) {
      fail(this, user === undefined
        ? 'recipients already include every user of the instance (NotificationRecipient.allUsers())'
        : `recipients already include user '${user.node.path}'`);
    }
    this.recipients.push(recipient);
  }
}
