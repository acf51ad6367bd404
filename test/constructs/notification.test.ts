import { CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { IInstance } from '../../src/constructs/instance';
import {
  Notification, NotificationPriority, NotificationProps, NotificationRecipient,
} from '../../src/constructs/notification';
import { User } from '../../src/constructs/user';
import { INSTANCE_ARN, testStack } from '../helpers';

const NOTIFICATION_ARN = `${INSTANCE_ARN}/notification/nnnnnnnn-1111-2222-3333-444444444444`;
const USER_ARN = `${INSTANCE_ARN}/agent/uuuuuuuu-1111-2222-3333-444444444444`;
const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';

function notification(stack: Stack, instance: IInstance, extra: Partial<NotificationProps> = {}): Notification {
  return new Notification(stack, 'Notice', {
    instance,
    content: { enUs: 'The phone system restarts on Sunday.' },
    recipients: [NotificationRecipient.allUsers()],
    ...extra,
  });
}

describe('Notification', () => {
  test('creates a notification for every user of the instance', () => {
    const { stack, instance } = testStack();
    notification(stack, instance);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Notification', {
      InstanceArn: INSTANCE_ARN,
      Content: { EnUS: 'The phone system restarts on Sunday.' },
      Recipients: [INSTANCE_ARN],
      Priority: Match.absent(),
      ExpiresAt: Match.absent(),
    });
  });

  test('takes users, texts in several languages, a priority and an expiry', () => {
    const { stack, instance } = testStack();
    const jane = User.fromUserArn(stack, 'Jane', USER_ARN);
    notification(stack, instance, {
      content: { enUs: 'Training at 3pm', frFr: 'Formation à 15h', zhTw: '下午三點培訓' },
      recipients: [NotificationRecipient.user(jane)],
      priority: NotificationPriority.HIGH,
      expiresAt: new Date('2031-01-02T03:04:05.678Z'),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Notification', {
      Content: { EnUS: 'Training at 3pm', FrFR: 'Formation à 15h', ZhTW: '下午三點培訓' },
      Recipients: [USER_ARN],
      Priority: 'HIGH',
      ExpiresAt: '1925089445',
    });
  });

  test('addRecipient adds recipients after construction', () => {
    const { stack, instance } = testStack();
    const notice = notification(stack, instance, { recipients: [] });
    notice.addRecipient(NotificationRecipient.user(User.fromUserArn(stack, 'Jane', USER_ARN)));
    notice.addRecipient(NotificationRecipient.allUsers());
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Notification', { Recipients: [USER_ARN, INSTANCE_ARN] });
  });

  test('exposes attributes', () => {
    const { stack, instance } = testStack();
    const notice = notification(stack, instance);
    const id = stack.getLogicalId(notice.node.defaultChild as any);
    expect(notice.node.defaultChild?.node.id).toBe('Resource');
    expect(stack.resolve(notice.notificationArn)).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(stack.resolve(notice.notificationId)).toEqual({ 'Fn::GetAtt': [id, 'Id'] });
    expect(stack.resolve(notice.createdAt)).toEqual({ 'Fn::GetAtt': [id, 'CreatedAt'] });
    expect(stack.resolve(notice.notificationRef.notificationArn)).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(notice.instanceArn).toBe(INSTANCE_ARN);
  });

  test('tags apply to the notification', () => {
    const { stack, instance } = testStack();
    Tags.of(notification(stack, instance)).add('team', 'ops');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Notification', { Tags: [{ Key: 'team', Value: 'ops' }] });
  });

  test('warns about an expiry in the past', () => {
    const { stack, instance } = testStack();
    notification(stack, instance, { expiresAt: new Date('2001-01-01T00:00:00Z') });
    Annotations.fromStack(stack).hasWarning('/Test/Notice', Match.stringLikeRegexp('expiresAt 2001-01-01T00:00:00.000Z is in the past'));
  });

  test('fails for content without any language', () => {
    const { stack, instance } = testStack();
    expect(() => notification(stack, instance, { content: {} }))
      .toThrow(/Test\/Notice: content must have a text in at least one language \(enUs, deDe,/);
  });

  test('fails for a text longer than 500 characters', () => {
    const { stack, instance } = testStack();
    expect(() => notification(stack, instance, { content: { deDe: 'x'.repeat(501) } }))
      .toThrow(/content deDe \(de_DE\) must be 0 to 500 characters, got 501/);
  });

  test('fails for an invalid date', () => {
    const { stack, instance } = testStack();
    expect(() => notification(stack, instance, { expiresAt: new Date('not a date') }))
      .toThrow(/expiresAt must be a valid date, got an invalid Date/);
  });

  test('fails without recipients', () => {
    const { app, stack, instance } = testStack();
    notification(stack, instance, { recipients: [] });
    expect(() => app.synth()).toThrow(/recipients must have 1 to 200 items, got 0/);
  });

  test('fails for more than 200 recipients', () => {
    const { app, stack, instance } = testStack();
    const notice = notification(stack, instance, { recipients: [] });
    for (let i = 0; i < 201; i++) {
      notice.addRecipient(NotificationRecipient.user(User.fromUserArn(stack, `U${i}`, `${INSTANCE_ARN}/agent/u${i}`)));
    }
    expect(() => app.synth()).toThrow(/recipients must have 1 to 200 items, got 201/);
  });

  test('fails for a user of another instance', () => {
    const { stack, instance } = testStack();
    const stranger = User.fromUserArn(stack, 'Stranger', `${OTHER_INSTANCE_ARN}/agent/u1`);
    expect(() => notification(stack, instance, { recipients: [NotificationRecipient.user(stranger)] }))
      .toThrow(new RegExp(`recipient user must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
  });

  test('fails for the same user twice', () => {
    const { stack, instance } = testStack();
    const jane = User.fromUserArn(stack, 'Jane', USER_ARN);
    const again = User.fromUserArn(stack, 'JaneAgain', USER_ARN);
    expect(() => notification(stack, instance, { recipients: [NotificationRecipient.user(jane), NotificationRecipient.user(again)] }))
      .toThrow(/recipients already include user 'Test\/JaneAgain'/);
  });

  test('fails for all users twice', () => {
    const { stack, instance } = testStack();
    expect(() => notification(stack, instance, { recipients: [NotificationRecipient.allUsers(), NotificationRecipient.allUsers()] }))
      .toThrow(/recipients already include every user of the instance/);
  });
});

describe('Notification.fromNotificationArn', () => {
  test('with a concrete ARN gives the id and the instance', () => {
    const { stack } = testStack();
    const notice = Notification.fromNotificationArn(stack, 'Imported', NOTIFICATION_ARN);
    expect(notice.notificationId).toBe('nnnnnnnn-1111-2222-3333-444444444444');
    expect(notice.instanceArn).toBe(INSTANCE_ARN);
    expect(notice.notificationRef.notificationArn).toBe(NOTIFICATION_ARN);
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const notice = Notification.fromNotificationArn(stack, 'Imported', new CfnParameter(stack, 'Arn').valueAsString);
    expect(stack.resolve(notice.notificationId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test('fails for a malformed ARN', () => {
    const { stack } = testStack();
    expect(() => Notification.fromNotificationArn(stack, 'Imported', `${INSTANCE_ARN}/agent/u1`))
      .toThrow(/notification ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/notification\/<id>/);
  });
});
