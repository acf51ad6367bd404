import { CfnParameter, RemovalPolicy, Stack, Tags, TimeZone, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  DataTable, DataTableAttribute, DataTableProps, DataTableRecord, DataTableValue, DataTableValueLockLevel, DataTableValueType,
} from '../../src/constructs/data-table';
import { IInstance } from '../../src/constructs/instance';
import { INSTANCE_ARN, testStack } from '../helpers';

const TABLE_ARN = `${INSTANCE_ARN}/data-table/tttttttt-1111-2222-3333-444444444444`;

function table(stack: Stack, instance: IInstance, extra: Partial<DataTableProps> = {}): DataTable {
  return new DataTable(stack, 'Table', { instance, dataTableName: 'QueueSettings', ...extra });
}

/** A table with a primary TEXT attribute `Queue` and a NUMBER attribute `MaxWait`. */
function settingsTable(stack: Stack, instance: IInstance): DataTable {
  const t = table(stack, instance);
  t.addAttribute('Queue', { valueType: DataTableValueType.TEXT, primary: true });
  t.addAttribute('MaxWait', { valueType: DataTableValueType.NUMBER, validation: { minimum: 0, maximum: 3600 } });
  return t;
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: any } }): string {
  return stack.getLogicalId(construct.node.defaultChild);
}

describe('DataTable', () => {
  test('creates a table with defaults', () => {
    const { stack, instance } = testStack();
    table(stack, instance);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::DataTable', {
      InstanceArn: INSTANCE_ARN,
      Name: 'QueueSettings',
      TimeZone: 'Etc/UTC',
      ValueLockLevel: 'NONE',
      Status: 'PUBLISHED',
      Description: Match.absent(),
    });
    template.hasResource('AWS::Connect::DataTable', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('takes a description, time zone, lock level and removal policy', () => {
    const { stack, instance } = testStack();
    table(stack, instance, {
      description: 'Per-queue settings\nedited by supervisors',
      timeZone: TimeZone.EUROPE_LONDON,
      valueLockLevel: DataTableValueLockLevel.of('PRIMARY_VALUE'),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::DataTable', {
      Description: 'Per-queue settings\nedited by supervisors',
      TimeZone: 'Europe/London',
      ValueLockLevel: 'PRIMARY_VALUE',
    });
    template.hasResource('AWS::Connect::DataTable', { DeletionPolicy: 'Delete' });
  });

  test('generates a name when none is given', () => {
    const { stack, instance } = testStack();
    new DataTable(stack, 'Generated', { instance });
    const name = Object.values(Template.fromStack(stack).findResources('AWS::Connect::DataTable'))[0].Properties.Name;
    expect(name).toMatch(/^TestGenerated[A-Za-z0-9]*$/);
  });

  test('accepts names with letters of any script, spaces and punctuation Amazon Connect allows', () => {
    const { stack, instance } = testStack();
    table(stack, instance, { dataTableName: "Réglages d'accueil: v2|main=1@x" });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataTable', { Name: "Réglages d'accueil: v2|main=1@x" });
  });

  test('exposes attributes', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    const id = logicalId(stack, t);
    expect(t.node.defaultChild?.node.id).toBe('Resource');
    expect(stack.resolve(t.dataTableArn)).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(stack.resolve(t.dataTableId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [id, 'Arn'] }] }] });
    expect(t.instanceArn).toBe(INSTANCE_ARN);
    expect(t.dataTableName).toBe('QueueSettings');
    expect(stack.resolve(t.dataTableRef)).toEqual({ dataTableArn: { 'Fn::GetAtt': [id, 'Arn'] }, instanceArn: INSTANCE_ARN });
  });

  test('tags apply to the table', () => {
    const { stack, instance } = testStack();
    Tags.of(table(stack, instance)).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataTable', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('fails for a name longer than 127 characters', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { dataTableName: 'n'.repeat(128) }))
      .toThrow(/Test\/Table: data table name must be 1 to 127 characters, got 128/);
  });

  test('fails for a name with characters Amazon Connect rejects', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { dataTableName: 'queue/settings' }))
      .toThrow(/data table name must be letters, digits, spaces and -_.:=@'\|, got 'queue\/settings'/);
  });

  test('fails for a name with leading white space', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { dataTableName: ' Settings' }))
      .toThrow(/data table name must not start or end with white space, got ' Settings'/);
  });

  test('fails for a name with a reserved prefix', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { dataTableName: 'Connect:Settings' }))
      .toThrow(/data table name must not start with the reserved prefix aws: or connect:, got 'Connect:Settings'/);
  });

  test('fails for a description longer than 250 characters', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { description: 'd'.repeat(251) })).toThrow(/description must be 1 to 250 characters, got 251/);
  });

  test('fails for a description with control characters', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { description: 'bell\u0007' }))
      .toThrow(/description must be free of control characters other than line breaks and tabs/);
  });

  test('fails for an unknown time zone', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance, { timeZone: TimeZone.of('Mars/Olympus_Mons') }))
      .toThrow(/timeZone must be an IANA time zone name such as 'America\/New_York', 'Europe\/Berlin' or 'UTC', got 'Mars\/Olympus_Mons'/);
  });
});

describe('DataTable attributes', () => {
  test('addAttribute creates an attribute of the table', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    const attribute = t.addAttribute('Queue', { valueType: DataTableValueType.TEXT, primary: true, description: 'The queue name' });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataTableAttribute', {
      InstanceArn: INSTANCE_ARN,
      DataTableArn: { 'Fn::GetAtt': [logicalId(stack, t), 'Arn'] },
      Name: 'Queue',
      ValueType: 'TEXT',
      Primary: true,
      Description: 'The queue name',
      Validation: Match.absent(),
    });
    expect(stack.resolve(attribute.attributeId)).toEqual({ 'Fn::GetAtt': [logicalId(stack, attribute), 'AttributeId'] });
    expect(attribute.attributeName).toBe('Queue');
    expect(attribute.primary).toBe(true);
    expect(t.attributes).toEqual([attribute]);
  });

  test('renders validation rules', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Greeting', { valueType: DataTableValueType.TEXT, validation: { minLength: 1, maxLength: 200, enumValues: ['hi', 'hello'], strictEnum: true } });
    t.addAttribute('Waits', { valueType: DataTableValueType.NUMBER_LIST, validation: { minValues: 1, maxValues: 5, exclusiveMinimum: 0, maximum: 600, multipleOf: 30 } });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::DataTableAttribute', {
      Name: 'Greeting',
      Validation: { MinLength: 1, MaxLength: 200, Enum: { Values: ['hi', 'hello'], Strict: true } },
    });
    template.hasResourceProperties('AWS::Connect::DataTableAttribute', {
      Name: 'Waits',
      ValueType: 'NUMBER_LIST',
      Validation: { MinValues: 1, MaxValues: 5, ExclusiveMinimum: 0, Maximum: 600, MultipleOf: 30 },
    });
  });

  test('attributes follow the table removal policy', () => {
    const { stack, instance } = testStack();
    table(stack, instance, { removalPolicy: RemovalPolicy.DESTROY }).addAttribute('A', { valueType: DataTableValueType.BOOLEAN });
    Template.fromStack(stack).hasResource('AWS::Connect::DataTableAttribute', { DeletionPolicy: 'Delete' });
    const other = testStack();
    table(other.stack, other.instance).addAttribute('A', { valueType: DataTableValueType.BOOLEAN });
    Template.fromStack(other.stack).hasResource('AWS::Connect::DataTableAttribute', { DeletionPolicy: 'Retain' });
  });

  test('an attribute can be added to an imported table', () => {
    const { stack } = testStack();
    const imported = DataTable.fromDataTableArn(stack, 'Imported', TABLE_ARN);
    new DataTableAttribute(stack, 'Extra', { dataTable: imported, attributeName: 'Extra', valueType: DataTableValueType.TEXT });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataTableAttribute', {
      InstanceArn: INSTANCE_ARN,
      DataTableArn: TABLE_ARN,
      Name: 'Extra',
    });
  });

  test('fails for an attribute name used twice, regardless of case', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Queue', { valueType: DataTableValueType.TEXT });
    expect(() => t.addAttribute('queue', { valueType: DataTableValueType.TEXT }))
      .toThrow(/attribute name 'queue' is already used by attribute 'Queue' of this table \(names are compared regardless of case\)/);
  });

  test('fails for an attribute name with a reserved prefix', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('aws:x', { valueType: DataTableValueType.TEXT }))
      .toThrow(/attribute name must not start with the reserved prefix aws: or connect:/);
  });

  test('fails for a primary attribute added after records', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Open', { valueType: DataTableValueType.BOOLEAN });
    t.addRecord([DataTableValue.fromBoolean('Open', true)]);
    expect(() => t.addAttribute('Queue', { valueType: DataTableValueType.TEXT, primary: true }))
      .toThrow(/primary attribute 'Queue' must be added before the table's records, which need a value for it/);
  });

  test('fails for a text rule on a number attribute', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('N', { valueType: DataTableValueType.NUMBER, validation: { maxLength: 3 } }))
      .toThrow(/validation maxLength only applies to attributes of type TEXT or TEXT_LIST, got NUMBER/);
  });

  test('fails for a numeric rule on a text attribute', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { minimum: 3 } }))
      .toThrow(/validation minimum only applies to attributes of type NUMBER or NUMBER_LIST, got TEXT/);
  });

  test('fails for a list rule on a scalar attribute', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { maxValues: 3 } }))
      .toThrow(/validation maxValues only applies to attributes of type TEXT_LIST or NUMBER_LIST, got TEXT/);
  });

  test('fails for enum values on a boolean attribute', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('B', { valueType: DataTableValueType.BOOLEAN, validation: { enumValues: ['true'] } }))
      .toThrow(/validation enumValues does not apply to attributes of type BOOLEAN/);
  });

  test('fails for a maxLength of 1000 or more (an exclusive maximum in CloudFormation)', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { maxLength: 1000 } }))
      .toThrow(/validation maxLength must be an integer from 0 to 999, got 1000/);
  });

  test('fails when an inclusive and an exclusive bound are both given', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    expect(() => t.addAttribute('N', { valueType: DataTableValueType.NUMBER, validation: { minimum: 1, exclusiveMinimum: 0 } }))
      .toThrow(/validation minimum and exclusiveMinimum cannot both be given, choose one/);
    expect(() => t.addAttribute('M', { valueType: DataTableValueType.NUMBER, validation: { maximum: 1, exclusiveMaximum: 2 } }))
      .toThrow(/validation maximum and exclusiveMaximum cannot both be given, choose one/);
  });

  test('fails for a maxValues of 100 or more (an exclusive maximum in CloudFormation)', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT_LIST, validation: { maxValues: 100 } }))
      .toThrow(/validation maxValues must be an integer from 0 to 99, got 100/);
  });

  test('fails when a primary value is a token', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromText('Queue', Token.asString({ Ref: 'QueueName' }))]))
      .toThrow(/primary value of 'Queue' must be known at synth time \(it identifies the record\), got a token/);
  });

  test('fails for a minLength above the maxLength', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { minLength: 5, maxLength: 4 } }))
      .toThrow(/validation minLength must be at most maxLength, got 5 and 4/);
  });

  test('fails for an exclusive minimum not below the maximum', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('N', { valueType: DataTableValueType.NUMBER, validation: { exclusiveMinimum: 5, maximum: 5 } }))
      .toThrow(/validation exclusiveMinimum must be less than maximum, got 5 and 5/);
  });

  test('fails for a multipleOf of 0', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('N', { valueType: DataTableValueType.NUMBER, validation: { multipleOf: 0 } }))
      .toThrow(/validation multipleOf must be greater than 0, got 0/);
  });

  test('fails for strictEnum without enum values', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { strictEnum: true } }))
      .toThrow(/validation strictEnum needs enumValues/);
  });

  test('fails for duplicate enum values', () => {
    const { stack, instance } = testStack();
    expect(() => table(stack, instance).addAttribute('T', { valueType: DataTableValueType.TEXT, validation: { enumValues: ['a', 'a'] } }))
      .toThrow(/validation enumValues must be unique, got 'a', 'a'/);
  });
});

describe('DataTable records', () => {
  test('addRecord renders primary values and values by attribute id', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    const record = t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWait', 300)]);
    const [queue, maxWait] = t.attributes;
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Connect::DataTableRecord', {
      InstanceArn: INSTANCE_ARN,
      DataTableArn: { 'Fn::GetAtt': [logicalId(stack, t), 'Arn'] },
      DataTableRecord: {
        PrimaryValues: [{ AttributeId: { 'Fn::GetAtt': [logicalId(stack, queue), 'AttributeId'] }, AttributeValue: 'Support' }],
        Values: [{ AttributeId: { 'Fn::GetAtt': [logicalId(stack, maxWait), 'AttributeId'] }, AttributeValue: '300' }],
      },
    });
    template.hasResource('AWS::Connect::DataTableRecord', { DependsOn: Match.absent(), DeletionPolicy: 'Retain' });
    expect(record.node.id).toBe('Record Support');
    expect(stack.resolve(record.recordId)).toEqual({ 'Fn::GetAtt': [logicalId(stack, record), 'RecordId'] });
  });

  test('a record is created after the attributes it has no value for', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    t.addRecord([DataTableValue.fromText('Queue', 'Support')]);
    Template.fromStack(stack).hasResource('AWS::Connect::DataTableRecord', { DependsOn: [logicalId(stack, t.attributes[1])] });
  });

  test('renders booleans and lists as strings', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Open', { valueType: DataTableValueType.BOOLEAN });
    t.addAttribute('Languages', { valueType: DataTableValueType.TEXT_LIST });
    t.addAttribute('Waits', { valueType: DataTableValueType.NUMBER_LIST });
    const record = t.addRecord([
      DataTableValue.fromBoolean('Open', false),
      DataTableValue.fromTextList('Languages', ['en', 'fr']),
      DataTableValue.fromNumberList('Waits', [30, 60]),
    ]);
    const values = Template.fromStack(stack).findResources('AWS::Connect::DataTableRecord')[logicalId(stack, record)]
      .Properties.DataTableRecord.Values.map((v: any) => v.AttributeValue);
    expect(values).toEqual(['false', '["en","fr"]', '[30,60]']);
    expect(record.node.id).toBe('Record');
  });

  test('record ids come from the primary values, so they stay when other records change', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    const a = t.addRecord([DataTableValue.fromText('Queue', 'Sales/EU')]);
    const b = t.addRecord([DataTableValue.fromText('Queue', 'Support')]);
    expect([a.node.id, b.node.id]).toEqual(['Record Sales%2FEU', 'Record Support']);
  });

  test('fails for a value of an attribute the table does not have', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromText('Tier', 'gold')]))
      .toThrow(/Test\/Table\/Record Support: value for attribute 'Tier', which the table does not have \(add it with addAttribute first\); the table's attributes are 'Queue', 'MaxWait'/);
  });

  test('fails for a value of the wrong type', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromText('MaxWait', '300')]))
      .toThrow(/value of attribute 'MaxWait' must be of type NUMBER, got a TEXT value/);
  });

  test('fails for two values of the same attribute', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWait', 1), DataTableValue.fromNumber('MaxWait', 2)]))
      .toThrow(/attribute 'MaxWait' has more than one value in the record/);
  });

  test('fails for a record without a primary value', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromNumber('MaxWait', 30)]))
      .toThrow(/a record needs a value for every primary attribute, missing 'Queue'/);
  });

  test('fails for a record without values', () => {
    const { stack, instance } = testStack();
    expect(() => settingsTable(stack, instance).addRecord([])).toThrow(/a record must have at least one value/);
  });

  test('fails for two records with the same primary values', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    new DataTableRecord(stack, 'First', { dataTable: t, values: [DataTableValue.fromText('Queue', 'Support')] });
    expect(() => t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWait', 5)]))
      .toThrow(/the primary values of a record must be unique, record 'Test\/First' has the same \(Queue\) = \["Support"\]/);
  });

  test('fails for a second record of a table without primary attributes', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Open', { valueType: DataTableValueType.BOOLEAN });
    t.addRecord([DataTableValue.fromBoolean('Open', true)]);
    expect(() => new DataTableRecord(stack, 'Second', { dataTable: t, values: [DataTableValue.fromBoolean('Open', false)] }))
      .toThrow(/a table without primary attributes has a single record, already defined by 'Test\/Table\/Record'/);
  });

  test('fails for a number outside the attribute range', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    expect(() => t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWait', 3601)]))
      .toThrow(/value of attribute 'MaxWait' must be at most 3600, got 3601/);
  });

  test('fails for a number that is not a multiple', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Waits', { valueType: DataTableValueType.NUMBER_LIST, validation: { multipleOf: 0.5, maxValues: 3 } });
    t.addRecord([DataTableValue.fromNumberList('Waits', [1.5, 2])]);
    const other = testStack();
    const t2 = table(other.stack, other.instance);
    t2.addAttribute('Waits', { valueType: DataTableValueType.NUMBER_LIST, validation: { multipleOf: 0.5 } });
    expect(() => t2.addRecord([DataTableValue.fromNumberList('Waits', [1.5, 2.2])]))
      .toThrow(/value of attribute 'Waits' must be a multiple of 0.5, got 2.2/);
  });

  test('fails for a list with too many items', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Languages', { valueType: DataTableValueType.TEXT_LIST, validation: { maxValues: 2 } });
    expect(() => t.addRecord([DataTableValue.fromTextList('Languages', ['en', 'fr', 'de'])]))
      .toThrow(/value of attribute 'Languages' must have at most 2 items, got 3/);
  });

  test('fails for a text longer than the attribute allows', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Code', { valueType: DataTableValueType.TEXT, validation: { maxLength: 3 } });
    expect(() => t.addRecord([DataTableValue.fromText('Code', 'ABCD')]))
      .toThrow(/value of attribute 'Code' must be at most 3 characters, got 4/);
  });

  test('fails for a list with too few items', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Languages', { valueType: DataTableValueType.TEXT_LIST, validation: { minValues: 2 } });
    expect(() => t.addRecord([DataTableValue.fromTextList('Languages', ['en'])]))
      .toThrow(/value of attribute 'Languages' must have at least 2 items, got 1/);
  });

  test('fails for a text shorter than the attribute allows', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Code', { valueType: DataTableValueType.TEXT, validation: { minLength: 2 } });
    expect(() => t.addRecord([DataTableValue.fromText('Code', 'A')]))
      .toThrow(/value of attribute 'Code' must be at least 2 characters, got 1 \('A'\)/);
  });

  test.each([
    [{ minimum: 10 }, 5, /value of attribute 'Wait' must be at least 10, got 5/],
    [{ exclusiveMinimum: 5 }, 5, /value of attribute 'Wait' must be greater than 5, got 5/],
    [{ exclusiveMaximum: 5 }, 5, /value of attribute 'Wait' must be less than 5, got 5/],
  ])('fails for a number outside the attribute rules %p', (validation, value, message) => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Wait', { valueType: DataTableValueType.NUMBER, validation });
    expect(() => t.addRecord([DataTableValue.fromNumber('Wait', value)])).toThrow(message);
  });

  test('fails for a value outside a strict enum', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Tier', { valueType: DataTableValueType.TEXT, validation: { enumValues: ['gold', 'silver'], strictEnum: true } });
    expect(() => t.addRecord([DataTableValue.fromText('Tier', 'bronze')]))
      .toThrow(/value of attribute 'Tier' must be one of 'gold', 'silver' \(strictEnum\), got 'bronze'/);
  });

  test('a value outside a non-strict enum is accepted', () => {
    const { stack, instance } = testStack();
    const t = table(stack, instance);
    t.addAttribute('Tier', { valueType: DataTableValueType.TEXT, validation: { enumValues: ['gold', 'silver'] } });
    t.addRecord([DataTableValue.fromText('Tier', 'bronze')]);
    Template.fromStack(stack).resourceCountIs('AWS::Connect::DataTableRecord', 1);
  });

  test('values that are tokens are not checked', () => {
    const { stack, instance } = testStack();
    const t = settingsTable(stack, instance);
    const wait = new CfnParameter(stack, 'Wait', { type: 'Number' }).valueAsNumber;
    t.addRecord([DataTableValue.fromText('Queue', 'Support'), DataTableValue.fromNumber('MaxWait', wait)]);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataTableRecord', {
      DataTableRecord: { Values: [{ AttributeId: Match.anyValue(), AttributeValue: { Ref: 'Wait' } }] },
    });
  });
});

describe('DataTable.fromDataTableArn', () => {
  test('with a concrete ARN gives the id and the instance', () => {
    const { stack } = testStack();
    const t = DataTable.fromDataTableArn(stack, 'Imported', TABLE_ARN);
    expect(t.dataTableId).toBe('tttttttt-1111-2222-3333-444444444444');
    expect(t.instanceArn).toBe(INSTANCE_ARN);
    expect(t.dataTableRef).toEqual({ dataTableArn: TABLE_ARN, instanceArn: INSTANCE_ARN });
  });

  test('with a token ARN splits it with CloudFormation functions', () => {
    const { stack } = testStack();
    const t = DataTable.fromDataTableArn(stack, 'Imported', new CfnParameter(stack, 'TableArn').valueAsString);
    expect(stack.resolve(t.dataTableId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'TableArn' }] }] });
  });

  test('fails for a malformed ARN', () => {
    const { stack } = testStack();
    expect(() => DataTable.fromDataTableArn(stack, 'Imported', `${INSTANCE_ARN}/queue/q1`))
      .toThrow(/data table ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/data-table\/<id>/);
  });
});
