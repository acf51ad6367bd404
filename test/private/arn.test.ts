import { App, Stack, Token } from 'aws-cdk-lib';
import { importEnvironmentArn, instanceArnFromId, parseInstanceArn, parseInstanceResourceArn, resourceIdOfArn } from '../../src/private/arn';

const INSTANCE = 'arn:aws:connect:eu-west-2:111122223333:instance/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function stack() {
  return new Stack(new App(), 'Stack', { env: { account: '111122223333', region: 'eu-west-2' } });
}

describe('ARN parsing', () => {
  test('splits a concrete resource ARN', () => {
    expect(parseInstanceResourceArn(stack(), `${INSTANCE}/queue/q-1`, 'queue', 'queue')).toEqual({
      instanceArn: INSTANCE,
      instanceId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      resourceId: 'q-1',
    });
  });

  test('splits a resource ARN whose id has a qualifier with $', () => {
    expect(parseInstanceResourceArn(stack(), `${INSTANCE}/view/v-1:$LATEST`, 'view', 'view').resourceId).toBe('v-1:$LATEST');
    expect(parseInstanceResourceArn(stack(), `${INSTANCE}/view/v-1:$SAVED`, 'view', 'view').resourceId).toBe('v-1:$SAVED');
  });

  test('fails on an ARN of another resource kind', () => {
    expect(() => parseInstanceResourceArn(stack(), `${INSTANCE}/agent/u-1`, 'queue', 'queue'))
      .toThrow(/queue ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/queue\/<id>, got/);
  });

  test('fails on a malformed ARN', () => {
    expect(() => parseInstanceResourceArn(stack(), 'not-an-arn', 'queue', 'queue')).toThrow(/queue ARN must look like/);
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const s = stack();
    const parts = parseInstanceResourceArn(s, Token.asString({ Ref: 'QueueArn' }), 'queue', 'queue');
    expect(s.resolve(parts.resourceId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'QueueArn' }] }] });
    expect(s.resolve(parts.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'QueueArn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'QueueArn' }] }] },
      ]],
    });
  });

  test('parses instance ARNs and fails on malformed ones', () => {
    expect(parseInstanceArn(stack(), INSTANCE)).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(() => parseInstanceArn(stack(), `${INSTANCE}/queue/q`)).toThrow(/instance ARN must look like/);
  });

  test('formats an instance ARN in the stack environment', () => {
    const s = stack();
    expect(s.resolve(instanceArnFromId(s, 'abc'))).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':connect:eu-west-2:111122223333:instance/abc']],
    });
  });
});

describe('resourceIdOfArn', () => {
  test('takes the id of a concrete ARN, as parseInstanceResourceArn does', () => {
    expect(resourceIdOfArn(stack(), `${INSTANCE}/queue/q-1`, 'queue', 'queue')).toBe('q-1');
  });

  test('fails on an ARN of another resource kind, as parseInstanceResourceArn does', () => {
    expect(() => resourceIdOfArn(stack(), `${INSTANCE}/agent/u-1`, 'queue', 'queue'))
      .toThrow(/queue ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/queue\/<id>, got/);
  });

  test('selects the id of a token ARN with one Fn::Select of Fn::Split, the resourceId of parseInstanceResourceArn', () => {
    const s = stack();
    const arn = Token.asString({ Ref: 'QueueArn' });
    expect(s.resolve(resourceIdOfArn(s, arn, 'queue', 'queue'))).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'QueueArn' }] }] });
    expect(s.resolve(resourceIdOfArn(s, arn, 'queue', 'queue'))).toEqual(s.resolve(parseInstanceResourceArn(s, arn, 'queue', 'queue').resourceId));
  });
});

describe('importEnvironmentArn', () => {
  test('passes ARNs that aws-cdk-lib can split, and tokens', () => {
    expect(importEnvironmentArn(`${INSTANCE}/queue/q-1`)).toBe(`${INSTANCE}/queue/q-1`);
    const token = Token.asString({ Ref: 'Arn' });
    expect(importEnvironmentArn(token)).toBe(token);
  });

  test('drops malformed ARNs so that the import reports them itself', () => {
    expect(importEnvironmentArn('not-an-arn')).toBeUndefined();
    expect(importEnvironmentArn('arn:aws:connect')).toBeUndefined();
  });
});
