import { CfnElement, CfnParameter } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AnalyticsDataSet, DataLakeAssociation } from '../../src/constructs/data-lake-association';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';

describe('DataLakeAssociation', () => {
  test('shares a data set with another account, by instance id', () => {
    const { stack, instance } = testStack();
    new DataLakeAssociation(stack, 'Contacts', {
      instance,
      dataSet: AnalyticsDataSet.CONTACT_RECORD,
      targetAccountId: '444455556666',
    });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::DataLakeAssociation');
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      InstanceId: INSTANCE_ID,
      DataSetId: 'contact_record',
      TargetAccountId: '444455556666',
    }]);
  });

  test.each([
    [AnalyticsDataSet.CONTACT_STATISTIC_RECORD, 'contact_statistic_record'],
    [AnalyticsDataSet.AGENT_QUEUE_STATISTIC_RECORD, 'agent_queue_statistic_record'],
    [AnalyticsDataSet.CONTACT_LENS_CONVERSATIONAL_ANALYTICS, 'contact_lens_conversational_analytics'],
    [AnalyticsDataSet.STAFF_TIMEOFF_INTERVALS, 'staff_timeoff_intervals'],
    [AnalyticsDataSet.of('future_table'), 'future_table'],
  ])('data set %p has the id %p', (dataSet, id) => {
    const { stack, instance } = testStack();
    new DataLakeAssociation(stack, 'Share', { instance, dataSet });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataLakeAssociation', { DataSetId: id });
  });

  test('exposes the resource share and a reference', () => {
    const { stack, instance } = testStack();
    const association = new DataLakeAssociation(stack, 'Contacts', { instance, dataSet: AnalyticsDataSet.CONTACT_RECORD });
    const logicalId = stack.getLogicalId(association.node.defaultChild as CfnElement);

    expect(stack.resolve(association.resourceShareArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'ResourceShareArn'] });
    expect(stack.resolve(association.resourceShareId)).toEqual({ 'Fn::GetAtt': [logicalId, 'ResourceShareId'] });
    expect(association.instanceArn).toBe(INSTANCE_ARN);
    expect(association.dataSetId).toBe('contact_record');
    expect(stack.resolve(association.dataLakeAssociationRef.dataSetId)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['|', { Ref: logicalId }] }],
    });
  });

  test('skips the checks of tokens', () => {
    const { stack, instance } = testStack();
    new DataLakeAssociation(stack, 'Share', {
      instance,
      dataSet: AnalyticsDataSet.of(new CfnParameter(stack, 'DataSet').valueAsString),
      targetAccountId: new CfnParameter(stack, 'Account').valueAsString,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::DataLakeAssociation', {
      DataSetId: { Ref: 'DataSet' },
      TargetAccountId: { Ref: 'Account' },
    });
  });

  test('fails with a target account that is not 12 digits', () => {
    const { stack, instance } = testStack();
    expect(() => new DataLakeAssociation(stack, 'Share', { instance, dataSet: AnalyticsDataSet.CONTACT_RECORD, targetAccountId: '1234' }))
      .toThrow(/target account id must be an AWS account id of 12 digits, got '1234'/);
  });

  test('fails with a data set id longer than 255 characters', () => {
    const { stack, instance } = testStack();
    expect(() => new DataLakeAssociation(stack, 'Share', { instance, dataSet: AnalyticsDataSet.of('t'.repeat(256)) }))
      .toThrow(/analytics data set id must be 1 to 255 characters, got 256/);
  });
});
