import { CfnElement, CfnParameter, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ContactFlow, ContactFlowType, IContactFlow } from '../../src/constructs/contact-flow';
import {
  TaskTemplate, TaskTemplateField, TaskTemplateFieldType, TaskTemplateProps, TaskTemplateStatus,
} from '../../src/constructs/task-template';
import { INSTANCE_ARN, flowOfType, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-2222-3333-4444-555555555555';
const FLOW_ARN = `${INSTANCE_ARN}/contact-flow/flow-1`;
const TEMPLATE_ARN = `${INSTANCE_ARN}/task-template/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee`;

/** A template with a flow and a NAME field, plus whatever `extra` says. */
function template(extra: Partial<TaskTemplateProps> = {}): { stack: Stack; template: TaskTemplate; flow: IContactFlow } {
  const { stack, instance } = testStack();
  const flow = ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN);
  const t = new TaskTemplate(stack, 'Template', {
    instance,
    taskTemplateName: 'Callback',
    contactFlow: flow,
    fields: [TaskTemplateField.taskName('Name')],
    ...extra,
  });
  return { stack, template: t, flow };
}

function props(stack: Stack): Record<string, any> {
  const resources = Template.fromStack(stack).findResources('AWS::Connect::TaskTemplate');
  return Object.values(resources)[0].Properties;
}

describe('TaskTemplate', () => {
  test('creates an active template with a required NAME field', () => {
    const { stack } = template({ description: 'Call the customer back' });

    expect(props(stack)).toEqual({
      InstanceArn: INSTANCE_ARN,
      Name: 'Callback',
      Description: 'Call the customer back',
      ContactFlowArn: FLOW_ARN,
      Status: 'ACTIVE',
      Fields: [{ Id: { Name: 'Name' }, Type: 'NAME' }],
      Constraints: { RequiredFields: [{ Id: { Name: 'Name' } }] },
    });
  });

  test('renders every field type of the schema', () => {
    const { stack } = template({
      fields: [
        TaskTemplateField.taskName('Name', { description: 'What to do' }),
        TaskTemplateField.taskDescription('Description'),
        TaskTemplateField.scheduledTime('Scheduled'),
        TaskTemplateField.quickConnect('Quick connect'),
        TaskTemplateField.url('Link'),
        TaskTemplateField.number('Amount'),
        TaskTemplateField.text('Order'),
        TaskTemplateField.textArea('Notes'),
        TaskTemplateField.dateTime('Due'),
        TaskTemplateField.checkbox('Urgent'),
        TaskTemplateField.singleSelect('Priority', ['Low', 'High']),
        TaskTemplateField.email('Email'),
        TaskTemplateField.selfAssign('Self assign'),
        TaskTemplateField.expiryDuration('Expiry'),
        TaskTemplateField.of('Future', TaskTemplateFieldType.of('SOMETHING_NEW')),
      ],
    });

    const fields = props(stack).Fields;
    expect(fields.map((f: any) => f.Type)).toEqual([
      'NAME', 'DESCRIPTION', 'SCHEDULED_TIME', 'QUICK_CONNECT', 'URL', 'NUMBER', 'TEXT', 'TEXT_AREA', 'DATE_TIME',
      'BOOLEAN', 'SINGLE_SELECT', 'EMAIL', 'SELF_ASSIGN', 'EXPIRY_DURATION', 'SOMETHING_NEW',
    ]);
    expect(fields[0]).toEqual({ Id: { Name: 'Name' }, Type: 'NAME', Description: 'What to do' });
    expect(fields[10]).toEqual({ Id: { Name: 'Priority' }, Type: 'SINGLE_SELECT', SingleSelectOptions: ['Low', 'High'] });
  });

  test('merges field options and constraints by name, and renders defaults', () => {
    const { stack } = template({
      fields: [
        TaskTemplateField.taskName('Name', { defaultValue: 'Callback' }),
        TaskTemplateField.email('Email', { required: true }),
        TaskTemplateField.text('Order', { readOnly: true }),
        TaskTemplateField.text('Internal', { invisible: true, defaultValue: 'x' }),
        TaskTemplateField.singleSelect('Priority', ['Low', 'High']),
        TaskTemplateField.number('Amount'),
      ],
      constraints: {
        requiredFields: ['Priority', 'Email'],
        readOnlyFields: ['Amount'],
        invisibleFields: ['Amount'],
      },
      defaults: [{ fieldName: 'Priority', value: 'Low' }, { fieldName: 'Amount', value: '-12.5' }],
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TaskTemplate', {
      Constraints: {
        RequiredFields: [{ Id: { Name: 'Name' } }, { Id: { Name: 'Email' } }, { Id: { Name: 'Priority' } }],
        ReadOnlyFields: [{ Id: { Name: 'Order' } }, { Id: { Name: 'Amount' } }],
        InvisibleFields: [{ Id: { Name: 'Internal' } }, { Id: { Name: 'Amount' } }],
      },
      Defaults: [
        { Id: { Name: 'Name' }, DefaultValue: 'Callback' },
        { Id: { Name: 'Internal' }, DefaultValue: 'x' },
        { Id: { Name: 'Priority' }, DefaultValue: 'Low' },
        { Id: { Name: 'Amount' }, DefaultValue: '-12.5' },
      ],
    });
  });

  test('accepts defaults that fit their types', () => {
    expect(() => template({
      fields: [
        TaskTemplateField.taskName('Name'),
        TaskTemplateField.checkbox('Urgent', { defaultValue: 'true' }),
        TaskTemplateField.url('Link', { defaultValue: 'https://example.com/orders?id=1' }),
        TaskTemplateField.email('Email', { defaultValue: 'jane@example.com' }),
        TaskTemplateField.number('Amount', { defaultValue: '42' }),
        TaskTemplateField.dateTime('Due', { defaultValue: '2030-01-01T10:00:00Z' }),
      ],
    })).not.toThrow();
  });

  test('takes the self-assign flow and the status', () => {
    const { stack, instance } = testStack();
    new TaskTemplate(stack, 'Template', {
      instance,
      fields: [TaskTemplateField.taskName('Name'), TaskTemplateField.quickConnect('Transfer to')],
      selfAssignContactFlow: flowOfType(stack, instance, 'SelfAssign', ContactFlowType.CONTACT_FLOW),
      status: TaskTemplateStatus.INACTIVE,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TaskTemplate', {
      ContactFlowArn: Match.absent(),
      SelfAssignContactFlowArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SelfAssign'), 'ContactFlowArn'] },
      Status: 'INACTIVE',
      Defaults: Match.absent(),
    });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    const t = new TaskTemplate(stack, 'Template', {
      instance,
      contactFlow: ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN),
      fields: [TaskTemplateField.taskName('Name')],
    });
    expect(t.taskTemplateName).toMatch(/Template/);
    expect(props(stack).Name).toBe(t.taskTemplateName);
  });

  test('addField adds fields after construction', () => {
    const { stack, instance } = testStack();
    const t = new TaskTemplate(stack, 'Template', { instance, contactFlow: ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN) });
    t.addField(TaskTemplateField.taskName('Name'));
    t.addField(TaskTemplateField.text('Order', { required: true }));

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TaskTemplate', {
      Fields: [{ Id: { Name: 'Name' }, Type: 'NAME' }, { Id: { Name: 'Order' }, Type: 'TEXT' }],
      Constraints: { RequiredFields: [{ Id: { Name: 'Name' } }, { Id: { Name: 'Order' } }] },
    });
  });

  test('exposes the ARN, the id parsed from it and the instance ARN', () => {
    const { stack, template: t } = template();
    const logicalId = stack.getLogicalId(t.node.defaultChild as CfnElement);

    expect(stack.resolve(t.taskTemplateArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    expect(stack.resolve(t.taskTemplateId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'Arn'] }] }] });
    expect(t.instanceArn).toBe(INSTANCE_ARN);
    expect(stack.resolve(t.taskTemplateRef.taskTemplateArn)).toEqual(stack.resolve(t.taskTemplateArn));
  });

  test('takes tags from Tags.of', () => {
    const { stack, template: t } = template();
    Tags.of(t).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TaskTemplate', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('skips validation of token values', () => {
    const { stack, instance } = testStack();
    const name = new CfnParameter(stack, 'Name').valueAsString;
    new TaskTemplate(stack, 'Template', {
      instance,
      taskTemplateName: name,
      contactFlow: ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN),
      fields: [TaskTemplateField.taskName('Name'), TaskTemplateField.number('Amount', { defaultValue: new CfnParameter(stack, 'Amount').valueAsString })],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::TaskTemplate', {
      Name: { Ref: 'Name' },
      Defaults: [{ Id: { Name: 'Amount' }, DefaultValue: { Ref: 'Amount' } }],
    });
  });

  test('fails with an empty or too long name', () => {
    expect(() => template({ taskTemplateName: '' })).toThrow(/Test\/Template: task template name must be 1 to 100 characters, got 0/);
    expect(() => template({ taskTemplateName: 'x'.repeat(101) })).toThrow(/task template name must be 1 to 100 characters, got 101/);
  });

  test('fails with an empty or too long description', () => {
    expect(() => template({ description: '' })).toThrow(/description must be 1 to 255 characters, got 0/);
    expect(() => template({ description: 'x'.repeat(256) })).toThrow(/description must be 1 to 255 characters, got 256/);
  });

  test('fails with a bad field name or field description', () => {
    const { template: t } = template();
    expect(() => t.addField(TaskTemplateField.text(''))).toThrow(/field name must be 1 to 100 characters, got 0/);
    expect(() => t.addField(TaskTemplateField.text('x'.repeat(101)))).toThrow(/field name must be 1 to 100 characters, got 101/);
    expect(() => t.addField(TaskTemplateField.text('Order', { description: 'x'.repeat(256) })))
      .toThrow(/description of field 'Order' must be 1 to 255 characters, got 256/);
  });

  test('fails with a field name added twice', () => {
    const { template: t } = template();
    expect(() => t.addField(TaskTemplateField.text('Name'))).toThrow(/field names must be unique, 'Name' is added more than once/);
  });

  test('fails without a NAME field or with two', () => {
    const none = template({ fields: [TaskTemplateField.text('Order')] });
    expect(() => Template.fromStack(none.stack))
      .toThrow(/\[Test\/Template\] fields must include exactly one field of type NAME \(TaskTemplateField.taskName\), got 0/);
    const two = template({ fields: [TaskTemplateField.taskName('Name'), TaskTemplateField.taskName('Title')] });
    expect(() => Template.fromStack(two.stack)).toThrow(/fields must include exactly one field of type NAME .*got 2/);
  });

  test('fails with more than 50 fields', () => {
    const { stack, template: t } = template();
    for (let i = 0; i < 50; i++) {
      t.addField(TaskTemplateField.text(`Field ${i}`));
    }
    expect(() => Template.fromStack(stack)).toThrow(/fields must have at most 50 items, got 51/);
  });

  test('fails without a contact flow or a QUICK_CONNECT field', () => {
    const { stack, instance } = testStack();
    new TaskTemplate(stack, 'Template', { instance, fields: [TaskTemplateField.taskName('Name')] });
    expect(() => Template.fromStack(stack)).toThrow(/contactFlow is required unless the template has a field of type QUICK_CONNECT/);
  });

  test('fails with flows of another instance', () => {
    const { stack, instance } = testStack();
    const other = ContactFlow.fromContactFlowArn(stack, 'Other', `${OTHER_INSTANCE_ARN}/contact-flow/flow-1`);
    expect(() => new TaskTemplate(stack, 'A', { instance, contactFlow: other }))
      .toThrow(new RegExp(`contactFlow must belong to instance ${INSTANCE_ARN}, got one of instance ${OTHER_INSTANCE_ARN}`));
    expect(() => new TaskTemplate(stack, 'B', { instance, selfAssignContactFlow: other }))
      .toThrow(/selfAssignContactFlow must belong to instance /);
  });

  test('fails with flows that are not inbound flows', () => {
    const { stack, instance } = testStack();
    const whisper = flowOfType(stack, instance, 'Whisper', ContactFlowType.AGENT_WHISPER);
    expect(() => new TaskTemplate(stack, 'A', { instance, contactFlow: whisper }))
      .toThrow(/Test\/A: contactFlow must be a flow of type CONTACT_FLOW, got 'Test\/Whisper' of type AGENT_WHISPER/);
    expect(() => new TaskTemplate(stack, 'B', { instance, selfAssignContactFlow: whisper }))
      .toThrow(/selfAssignContactFlow must be a flow of type CONTACT_FLOW/);
  });

  test('fails with bad single select options', () => {
    const { template: t } = template();
    expect(() => t.addField(TaskTemplateField.singleSelect('A', []))).toThrow(/options of field 'A' must have 1 to 50 items, got 0/);
    expect(() => t.addField(TaskTemplateField.singleSelect('B', Array.from({ length: 51 }, (_, i) => `o${i}`))))
      .toThrow(/options of field 'B' must have 1 to 50 items, got 51/);
    expect(() => t.addField(TaskTemplateField.singleSelect('C', ['x'.repeat(101)]))).toThrow(/option of field 'C' must be 1 to 100 characters, got 101/);
    expect(() => t.addField(TaskTemplateField.singleSelect('D', ['Low!']))).toThrow(/option of field 'D' must be letters, digits, spaces .*got 'Low!'/);
    expect(() => t.addField(TaskTemplateField.singleSelect('E', ['Low ']))).toThrow(/option of field 'E' must be letters/);
    expect(() => t.addField(TaskTemplateField.singleSelect('F', ['Low', 'Low']))).toThrow(/options of field 'F' must be unique, 'Low' appears more than once/);
  });

  test('fails with a single select field without options', () => {
    const { template: t } = template();
    expect(() => t.addField(TaskTemplateField.of('Pick', TaskTemplateFieldType.SINGLE_SELECT)))
      .toThrow(/options of field 'Pick' must have 1 to 50 items, got 0/);
  });

  test.each([
    [TaskTemplateField.number('F', { defaultValue: 'ten' }), /default value of field 'F' must be a number \(type NUMBER\), got 'ten'/],
    [TaskTemplateField.checkbox('F', { defaultValue: 'yes' }), /default value of field 'F' must be 'true' or 'false' \(type BOOLEAN\), got 'yes'/],
    [TaskTemplateField.url('F', { defaultValue: 'ftp://example.com' }), /default value of field 'F' must be an http or https URL \(type URL\)/],
    [TaskTemplateField.url('F', { defaultValue: 'not a url' }), /must be an http or https URL/],
    [TaskTemplateField.email('F', { defaultValue: 'jane' }), /default value of field 'F' must be an email address \(type EMAIL\), got 'jane'/],
    [TaskTemplateField.singleSelect('F', ['Low', 'High'], { defaultValue: 'Medium' }), /default value of field 'F' must be one of its options \(Low, High\), got 'Medium'/],
    [TaskTemplateField.text('F', { defaultValue: '' }), /default value of field 'F' must be 1 to 4096 characters, got 0/],
    [TaskTemplateField.textArea('F', { defaultValue: 'x'.repeat(4097) }), /default value of field 'F' must be 1 to 4096 characters, got 4097/],
  ])('fails with a default value that does not fit its field (%#)', (field, message) => {
    const { template: t } = template();
    expect(() => t.addField(field)).toThrow(message);
  });

  test('fails with defaults by name that do not fit, do not exist or repeat', () => {
    const bad = template({
      fields: [TaskTemplateField.taskName('Name'), TaskTemplateField.number('Amount')],
      defaults: [{ fieldName: 'Amount', value: 'ten' }],
    });
    expect(() => Template.fromStack(bad.stack)).toThrow(/default value of field 'Amount' must be a number \(type NUMBER\), got 'ten'/);

    const missing = template({ defaults: [{ fieldName: 'Missing', value: 'x' }] });
    expect(() => Template.fromStack(missing.stack)).toThrow(/defaults refers to the field 'Missing', which the template does not have/);

    const twice = template({
      fields: [TaskTemplateField.taskName('Name', { defaultValue: 'a' })],
      defaults: [{ fieldName: 'Name', value: 'b' }],
    });
    expect(() => Template.fromStack(twice.stack)).toThrow(/field 'Name' has a default value in its options and in defaults; give it once/);

    expect(() => template({ defaults: [{ fieldName: 'Name', value: 'a' }, { fieldName: 'Name', value: 'b' }] }))
      .toThrow(/defaults field names must be unique, 'Name' appears more than once/);
  });

  test('fails with constraints that refer to missing fields or repeat', () => {
    const { stack } = template({ constraints: { invisibleFields: ['Secret'] } });
    expect(() => Template.fromStack(stack))
      .toThrow(/constraints.invisibleFields refers to the field 'Secret', which the template does not have/);
    expect(() => template({ constraints: { readOnlyFields: ['Name', 'Name'] } }))
      .toThrow(/constraints.readOnlyFields must be unique, 'Name' appears more than once/);
    expect(() => template({ constraints: { requiredFields: Array.from({ length: 51 }, (_, i) => `F${i}`) } }))
      .toThrow(/constraints.requiredFields must have 0 to 50 items, got 51/);
  });
});

describe('TaskTemplate.fromTaskTemplateArn', () => {
  test('takes the id and the instance ARN from a concrete ARN', () => {
    const { stack } = testStack();
    const t = TaskTemplate.fromTaskTemplateArn(stack, 'Imported', TEMPLATE_ARN);
    expect(t.taskTemplateArn).toBe(TEMPLATE_ARN);
    expect(t.taskTemplateId).toBe('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee');
    expect(t.instanceArn).toBe(INSTANCE_ARN);
    expect(t.env.account).toBe('111122223333');
    expect(t.taskTemplateRef.taskTemplateArn).toBe(TEMPLATE_ARN);
  });

  test('splits a token ARN with CloudFormation functions', () => {
    const stack = new Stack();
    const t = TaskTemplate.fromTaskTemplateArn(stack, 'Imported', Token.asString({ Ref: 'Arn' }));
    expect(stack.resolve(t.taskTemplateId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test.each(['not-an-arn', `${INSTANCE_ARN}/queue/abc`])('fails with the malformed ARN %p', (arn) => {
    const { stack } = testStack();
    expect(() => TaskTemplate.fromTaskTemplateArn(stack, 'Imported', arn))
      .toThrow(/Test\/Imported: task template ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/task-template\/<id>/);
  });
});
