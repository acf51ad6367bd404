import { CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AgentStatus, AgentStatusState } from '../../src/constructs/agent-status';
import { INSTANCE_ARN, testStack } from '../helpers';

const AGENT_STATUS_ARN = `${INSTANCE_ARN}/agent-state/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;

describe('AgentStatus', () => {
  test('creates an enabled custom status with the given properties', () => {
    const { stack, instance } = testStack();
    new AgentStatus(stack, 'Lunch', {
      instance,
      agentStatusName: 'Lunch',
      description: 'Out for lunch',
      displayOrder: 3,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::AgentStatus', {
      InstanceArn: INSTANCE_ARN,
      Name: 'Lunch',
      Description: 'Out for lunch',
      State: 'ENABLED',
      DisplayOrder: 3,
    });
  });

  test('renders the state, resetOrderNumber and no type', () => {
    const { stack, instance } = testStack();
    new AgentStatus(stack, 'Training', {
      instance,
      agentStatusName: 'Training',
      state: AgentStatusState.DISABLED,
      resetOrderNumber: true,
    });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::AgentStatus');
    const props = Object.values(resources)[0].Properties;
    expect(props).toEqual({
      InstanceArn: INSTANCE_ARN,
      Name: 'Training',
      State: 'DISABLED',
      ResetOrderNumber: true,
    });
  });

  test('exposes the ARN, the id parsed from it and the instance ARN', () => {
    const { stack, instance } = testStack();
    const status = new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'Lunch' });
    const logicalId = stack.getLogicalId(status.node.defaultChild as CfnElement);

    expect(stack.resolve(status.agentStatusArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'AgentStatusArn'] });
    expect(stack.resolve(status.agentStatusId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'AgentStatusArn'] }] }],
    });
    expect(status.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(status.agentStatusRef.agentStatusArn)).toEqual(stack.resolve(status.agentStatusArn));
  });

  test('accepts the display order bounds 1 and 50', () => {
    const { stack, instance } = testStack();
    new AgentStatus(stack, 'First', { instance, agentStatusName: 'First', displayOrder: 1 });
    new AgentStatus(stack, 'Last', { instance, agentStatusName: 'Last', displayOrder: 50 });

    Template.fromStack(stack).resourceCountIs('AWS::Connect::AgentStatus', 2);
  });

  test('takes tags from Tags.of', () => {
    const { stack, instance } = testStack();
    const status = new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'Lunch' });
    Tags.of(status).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::AgentStatus', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    new AgentStatus(stack, 'Lunch', {
      instance,
      agentStatusName: new CfnParameter(stack, 'Name').valueAsString,
      displayOrder: new CfnParameter(stack, 'Order', { type: 'Number' }).valueAsNumber,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::AgentStatus', {
      Name: { Ref: 'Name' },
      DisplayOrder: { Ref: 'Order' },
    });
  });

  test('fails with an empty name', () => {
    const { stack, instance } = testStack();
    expect(() => new AgentStatus(stack, 'Lunch', { instance, agentStatusName: '' }))
      .toThrow(/Test\/Lunch: agent status name must be 1 to 127 characters, got 0/);
  });

  test('fails with a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'x'.repeat(128) }))
      .toThrow(/agent status name must be 1 to 127 characters, got 128/);
  });

  test('fails with an empty description', () => {
    const { stack, instance } = testStack();
    expect(() => new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'Lunch', description: '' }))
      .toThrow(/description must be 1 to 250 characters, got 0/);
  });

  test('fails with a description longer than 250 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'Lunch', description: 'x'.repeat(251) }))
      .toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test.each([0, 51, 2.5])('fails with display order %p', (displayOrder) => {
    const { stack, instance } = testStack();
    expect(() => new AgentStatus(stack, 'Lunch', { instance, agentStatusName: 'Lunch', displayOrder }))
      .toThrow(new RegExp(`displayOrder must be an integer from 1 to 50, got ${displayOrder}`));
  });
});

describe('AgentStatus.fromAgentStatusArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const status = AgentStatus.fromAgentStatusArn(stack, 'Imported', AGENT_STATUS_ARN);

    expect(status.agentStatusArn).toBe(AGENT_STATUS_ARN);
    expect(status.agentStatusId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(status.instanceArn).toBe(INSTANCE_ARN);
    expect(status.env.account).toBe('111122223333');
    expect(status.env.region).toBe('us-east-1');
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const arn = Token.asString({ Ref: 'StatusArn' });
    const status = AgentStatus.fromAgentStatusArn(stack, 'Imported', arn);

    expect(stack.resolve(status.agentStatusId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'StatusArn' }] }] });
    expect(stack.resolve(status.instanceArn)).toEqual({
      'Fn::Join': ['/', [
        { 'Fn::Select': [0, { 'Fn::Split': ['/', { Ref: 'StatusArn' }] }] },
        { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'StatusArn' }] }] },
      ]],
    });
  });

  test('fails with the ARN of another resource kind', () => {
    const { stack } = testStack();
    expect(() => AgentStatus.fromAgentStatusArn(stack, 'Imported', `${INSTANCE_ARN}/queue/abc`))
      .toThrow(/agent status ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/agent-state\/<id>/);
  });

  test.each(['not-an-arn', 'arn:aws:connect:us-east-1:111122223333:agent-state/abc'])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => AgentStatus.fromAgentStatusArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: agent status ARN must look like/);
  });
});
