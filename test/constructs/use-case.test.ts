import { App, CfnElement, CfnParameter, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Instance } from '../../src/constructs/instance';
import { EventIntegrationSourceType, IntegrationAssociation, IntegrationType } from '../../src/constructs/integration-association';
import { UseCase, UseCaseType } from '../../src/constructs/use-case';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const ASSOCIATION_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const USE_CASE_ARN = `${INSTANCE_ARN}/use-case/ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee`;

function importedAssociation(stack: Stack, id = 'Zendesk') {
  return IntegrationAssociation.fromIntegrationAssociationAttributes(stack, id, {
    integrationAssociationArn: `${INSTANCE_ARN}/integration-association/${ASSOCIATION_ID}`,
    integrationType: IntegrationType.EVENT,
    integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk',
  });
}

describe('UseCase', () => {
  test('creates a use case for an integration association', () => {
    const { stack } = testStack();
    new UseCase(stack, 'Rules', { integrationAssociation: importedAssociation(stack), useCaseType: UseCaseType.RULES_EVALUATION });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::UseCase');
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      InstanceId: INSTANCE_ID,
      IntegrationAssociationId: ASSOCIATION_ID,
      UseCaseType: 'RULES_EVALUATION',
    }]);
  });

  test('takes the instance id and the association id of new resources', () => {
    const stack = new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
    const association = new IntegrationAssociation(stack, 'App', {
      instance,
      integrationType: IntegrationType.APPLICATION,
      integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    });
    new UseCase(stack, 'Campaigns', { integrationAssociation: association, useCaseType: UseCaseType.CONNECT_CAMPAIGNS });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', {
      InstanceId: { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] }] }] },
      IntegrationAssociationId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^App'), 'IntegrationAssociationId'] },
      UseCaseType: 'CONNECT_CAMPAIGNS',
    });
  });

  test('is created by the custom resource of an association made through the Connect API', () => {
    const stack = new Stack(new App(), 'Test', { env: { account: '111122223333', region: 'us-east-1' } });
    const instance = new Instance(stack, 'Instance', { instanceAlias: 'my-contact-center' });
    const association = new IntegrationAssociation(stack, 'Zendesk', {
      instance,
      integrationType: IntegrationType.EVENT,
      integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk',
      eventSource: {
        sourceType: EventIntegrationSourceType.ZENDESK,
        sourceApplicationName: 'Zendesk',
        sourceApplicationUrl: 'https://example.zendesk.com',
      },
    });
    const useCase = new UseCase(stack, 'Rules', { integrationAssociation: association, useCaseType: UseCaseType.RULES_EVALUATION });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::UseCase', 0);
    template.hasResourceProperties('Custom::ConnectIntegrationAssociation', { UseCaseTypes: ['RULES_EVALUATION'] });
    expect(stack.resolve(useCase.useCaseId)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Zendesk/), 'UseCaseId_RULES_EVALUATION'] });
    expect(stack.resolve(useCase.useCaseRef)).toEqual({
      instanceId: { 'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::GetAtt': [expect.stringMatching(/^Instance/), 'Arn'] }] }] },
      integrationAssociationId: { 'Fn::GetAtt': [expect.stringMatching(/^Zendesk/), 'IntegrationAssociationId'] },
      useCaseId: { 'Fn::GetAtt': [expect.stringMatching(/^Zendesk/), 'UseCaseId_RULES_EVALUATION'] },
      useCaseArn: { 'Fn::GetAtt': [expect.stringMatching(/^Zendesk/), 'UseCaseArn_RULES_EVALUATION'] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['connect:CreateUseCase']) })]),
      },
    });
    expect(() => new UseCase(stack, 'MoreRules', { integrationAssociation: association, useCaseType: UseCaseType.RULES_EVALUATION }))
      .toThrow(/use case RULES_EVALUATION is already added to integration association Test\/Zendesk/);
  });

  test('exposes the ARN, the id, the association id and a reference', () => {
    const { stack } = testStack();
    const useCase = new UseCase(stack, 'Rules', { integrationAssociation: importedAssociation(stack), useCaseType: UseCaseType.RULES_EVALUATION });
    const logicalId = stack.getLogicalId(useCase.node.defaultChild as CfnElement);

    expect(stack.resolve(useCase.useCaseArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'UseCaseArn'] });
    expect(stack.resolve(useCase.useCaseId)).toEqual({ 'Fn::GetAtt': [logicalId, 'UseCaseId'] });
    expect(useCase.integrationAssociationId).toBe(ASSOCIATION_ID);
    expect(useCase.instanceArn).toBe(INSTANCE_ARN);
    expect(useCase.useCaseType).toBe(UseCaseType.RULES_EVALUATION);
    expect(stack.resolve(useCase.useCaseRef)).toEqual({
      instanceId: INSTANCE_ID,
      integrationAssociationId: ASSOCIATION_ID,
      useCaseId: { 'Fn::GetAtt': [logicalId, 'UseCaseId'] },
      useCaseArn: { 'Fn::GetAtt': [logicalId, 'UseCaseArn'] },
    });
  });

  test('takes a use case type that has no constant', () => {
    const { stack } = testStack();
    new UseCase(stack, 'New', { integrationAssociation: importedAssociation(stack), useCaseType: UseCaseType.of('NEW_USE') });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', { UseCaseType: 'NEW_USE' });
  });

  test('takes tags from Tags.of', () => {
    const { stack } = testStack();
    const useCase = new UseCase(stack, 'Rules', { integrationAssociation: importedAssociation(stack), useCaseType: UseCaseType.RULES_EVALUATION });
    Tags.of(useCase).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', { Tags: [{ Key: 'team', Value: 'support' }] });
  });

  test('fails with a second use case of the same type for one association', () => {
    const { stack } = testStack();
    const association = importedAssociation(stack);
    new UseCase(stack, 'Rules', { integrationAssociation: association, useCaseType: UseCaseType.RULES_EVALUATION });
    expect(() => new UseCase(stack, 'MoreRules', { integrationAssociation: association, useCaseType: UseCaseType.RULES_EVALUATION }))
      .toThrow(/use case RULES_EVALUATION is already added to integration association Test\/Zendesk; an integration association has at most one use case of each type/);
  });

  test('the same type on two associations is fine', () => {
    const { stack } = testStack();
    new UseCase(stack, 'A', { integrationAssociation: importedAssociation(stack, 'A1'), useCaseType: UseCaseType.RULES_EVALUATION });
    new UseCase(stack, 'B', { integrationAssociation: importedAssociation(stack, 'B1'), useCaseType: UseCaseType.RULES_EVALUATION });

    Template.fromStack(stack).resourceCountIs('AWS::Connect::UseCase', 2);
  });

  test.each(['rules_evaluation', 'RULES-EVALUATION', ''])('fails with the use case type %p', (type) => {
    const { stack } = testStack();
    expect(() => new UseCase(stack, 'Bad', { integrationAssociation: importedAssociation(stack), useCaseType: UseCaseType.of(type) }))
      .toThrow(/use case type must be upper case letters, digits and underscores/);
  });

  test('fails with a token use case type', () => {
    const { stack } = testStack();
    const type = UseCaseType.of(new CfnParameter(stack, 'Type').valueAsString);
    expect(() => new UseCase(stack, 'Bad', { integrationAssociation: importedAssociation(stack), useCaseType: type }))
      .toThrow(/use case type must be a concrete value, got a token/);
  });

  describe('imports', () => {
    test('imports by ARN and association id', () => {
      const { stack } = testStack();
      const useCase = UseCase.fromUseCaseAttributes(stack, 'Imported', { useCaseArn: USE_CASE_ARN, integrationAssociationId: ASSOCIATION_ID });

      expect(useCase.useCaseId).toBe('ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(useCase.instanceArn).toBe(INSTANCE_ARN);
      expect(useCase.useCaseRef).toEqual({
        instanceId: INSTANCE_ID,
        integrationAssociationId: ASSOCIATION_ID,
        useCaseId: 'ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee',
        useCaseArn: USE_CASE_ARN,
      });
    });

    test('imports a token ARN', () => {
      const { stack } = testStack();
      const arn = new CfnParameter(stack, 'UseCaseArn').valueAsString;
      const useCase = UseCase.fromUseCaseAttributes(stack, 'Imported', { useCaseArn: arn, integrationAssociationId: ASSOCIATION_ID });

      expect(stack.resolve(useCase.useCaseId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'UseCaseArn' }] }] });
    });

    test.each([`${INSTANCE_ARN}/queue/abc`, 'use-case/abc'])('fails to import the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => UseCase.fromUseCaseAttributes(stack, 'Imported', { useCaseArn: arn, integrationAssociationId: ASSOCIATION_ID }))
        .toThrow(/use case ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/use-case\/<id>/);
    });

    test('fails to import with an empty association id', () => {
      const { stack } = testStack();
      expect(() => UseCase.fromUseCaseAttributes(stack, 'Imported', { useCaseArn: USE_CASE_ARN, integrationAssociationId: '' }))
        .toThrow(/integration association id must be 1 to 200 characters, got 0/);
    });
  });
});
