import { CfnElement, CfnParameter, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  EventIntegrationSourceType,
  IntegrationAssociation,
  IntegrationType,
} from '../../src/constructs/integration-association';
import { UseCaseType } from '../../src/constructs/use-case';
import { INSTANCE_ARN, testStack } from '../helpers';

const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const ASSOCIATION_ARN = `${INSTANCE_ARN}/integration-association/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`;
const CASES_DOMAIN_ARN = 'arn:aws:cases:us-east-1:111122223333:domain/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const EVENT_INTEGRATION_ARN = 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk';
const ZENDESK = {
  sourceType: EventIntegrationSourceType.ZENDESK,
  sourceApplicationName: 'Zendesk',
  sourceApplicationUrl: 'https://example.zendesk.com',
};

describe('IntegrationAssociation', () => {
  test.each([
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:function:lookup'],
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:function:lookup:live'],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/TSTALIASID'],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot:OrderFlowers'],
    [IntegrationType.APPLICATION, 'arn:aws:app-integrations:us-east-1:111122223333:application/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.CASES_DOMAIN, CASES_DOMAIN_ARN],
    [IntegrationType.WISDOM_ASSISTANT, 'arn:aws:wisdom:us-east-1:111122223333:assistant/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.WISDOM_KNOWLEDGE_BASE, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.WISDOM_QUICK_RESPONSES, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.Q_MESSAGE_TEMPLATES, 'arn:aws:wisdom:us-east-1:111122223333:knowledge-base/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'],
    [IntegrationType.SES_IDENTITY, 'arn:aws:ses:us-east-1:111122223333:identity/support@example.com'],
    [IntegrationType.FILE_SCANNER, 'arn:aws:lambda:us-east-1:111122223333:function:scan'],
    [IntegrationType.MESSAGE_PROCESSOR, 'arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:redact'],
  ])('associates a %s by ARN', (type, arn) => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Integration', { instance, integrationType: type, integrationArn: arn });

    const resources = Template.fromStack(stack).findResources('AWS::Connect::IntegrationAssociation');
    expect(Object.values(resources).map((r: any) => r.Properties)).toEqual([{
      InstanceId: INSTANCE_ARN,
      IntegrationType: type.value,
      IntegrationArn: arn,
    }]);
  });

  test('associates an event integration with its source application', () => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'Zendesk', {
      instance,
      integrationType: IntegrationType.EVENT,
      integrationArn: EVENT_INTEGRATION_ARN,
      eventSource: ZENDESK,
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      IntegrationType: 'EVENT',
      IntegrationArn: EVENT_INTEGRATION_ARN,
      SourceType: 'ZENDESK',
      SourceApplicationName: 'Zendesk',
      SourceApplicationUrl: 'https://example.zendesk.com',
    });
  });

  test('exposes the id, the ARN built from it, the type and the integrated ARN', () => {
    const { stack, instance } = testStack();
    const association = new IntegrationAssociation(stack, 'Cases', {
      instance,
      integrationType: IntegrationType.CASES_DOMAIN,
      integrationArn: CASES_DOMAIN_ARN,
    });
    const logicalId = stack.getLogicalId(association.node.defaultChild as CfnElement);

    expect(stack.resolve(association.integrationAssociationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] });
    expect(stack.resolve(association.integrationAssociationArn)).toEqual({
      'Fn::Join': ['/', [`${INSTANCE_ARN}/integration-association`, { 'Fn::GetAtt': [logicalId, 'IntegrationAssociationId'] }]],
    });
    expect(association.instanceArn).toBe(INSTANCE_ARN);
    expect(association.integrationType).toBe(IntegrationType.CASES_DOMAIN);
    expect(association.integrationArn).toBe(CASES_DOMAIN_ARN);
    expect(association.integrationAssociationRef).toEqual({
      instanceId: INSTANCE_ARN, integrationType: 'CASES_DOMAIN', integrationArn: CASES_DOMAIN_ARN,
    });
  });

  test('skips the ARN check for tokens', () => {
    const { stack, instance } = testStack();
    const arn = new CfnParameter(stack, 'DomainArn').valueAsString;
    new IntegrationAssociation(stack, 'Cases', { instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: arn });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::IntegrationAssociation', { IntegrationArn: { Ref: 'DomainArn' } });
  });

  test('takes tags from Tags.of', () => {
    const { stack, instance } = testStack();
    const association = new IntegrationAssociation(stack, 'Cases', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: CASES_DOMAIN_ARN,
    });
    Tags.of(association).add('team', 'support');

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  test('takes a type that has no constant, with a warning', () => {
    const { stack, instance } = testStack();
    new IntegrationAssociation(stack, 'New', {
      instance,
      integrationType: IntegrationType.of('NEW_THING'),
      integrationArn: 'arn:aws:new:us-east-1:111122223333:thing/1',
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Connect::IntegrationAssociation', { IntegrationType: 'NEW_THING' });
    Annotations.fromStack(stack).hasWarning('/Test/New',
      Match.stringLikeRegexp('integration type NEW_THING is not one AWS::Connect::IntegrationAssociation documents'));
  });

  test.each(['VOICE_ID', 'PINPOINT_APP', 'ANALYTICS_CONNECTOR', 'CALL_TRANSFER_CONNECTOR', 'COGNITO_USER_POOL'])(
    'fails with %s, which only the Connect API accepts', (type) => {
      const { stack, instance } = testStack();
      expect(() => new IntegrationAssociation(stack, 'Api', {
        instance,
        integrationType: IntegrationType.of(type),
        integrationArn: 'arn:aws:voiceid:us-east-1:111122223333:domain/abc',
      })).toThrow(new RegExp(`integration type ${type} is not one AWS::Connect::IntegrationAssociation accepts \\(LAMBDA_FUNCTION, LEX_BOT, `));
    });

  test.each(['lex_bot', 'LEX BOT', ''])('fails with the malformed type %p', (type) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.of(type), integrationArn: CASES_DOMAIN_ARN,
    })).toThrow(/integration type must be upper case letters, digits and underscores/);
  });

  test('fails with a token type', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.of(new CfnParameter(stack, 'Type').valueAsString), integrationArn: CASES_DOMAIN_ARN,
    })).toThrow(/integration type must be a concrete value, got a token/);
  });

  test.each([
    [IntegrationType.LAMBDA_FUNCTION, 'arn:aws:lambda:us-east-1:111122223333:layer:lookup', /integration ARN of a LAMBDA_FUNCTION integration must be the ARN of a Lambda function/],
    [IntegrationType.LEX_BOT, 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ', /integration ARN of a LEX_BOT integration must be the ARN of a Lex V2 bot alias/],
    [IntegrationType.CASES_DOMAIN, 'arn:aws:cases:us-east-1:111122223333:domain/abc/template/def', /integration ARN of a CASES_DOMAIN integration must be the ARN of a Cases domain/],
    [IntegrationType.EVENT, 'arn:aws:events:us-east-1:111122223333:event-bus/default', /integration ARN of a EVENT integration must be the ARN of an AppIntegrations event integration/],
    [IntegrationType.WISDOM_ASSISTANT, 'arn:aws:wisdom:us-east-1:1111222233:assistant/abc', /integration ARN of a WISDOM_ASSISTANT integration must be the ARN of an Amazon Q in Connect assistant/],
    [IntegrationType.of('NEW_THING'), 'not-an-arn', /integration ARN must be an ARN \(arn:<partition>:<service>:<region>:<account>:<resource>\), got 'not-an-arn'/],
  ])('fails with a %s ARN %p', (type, arn, message) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: type, integrationArn: arn, eventSource: type === IntegrationType.EVENT ? ZENDESK : undefined,
    })).toThrow(message);
  });

  test('fails with an empty ARN', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: '',
    })).toThrow(/integration ARN must be 1 to 140 characters, got 0/);
  });

  test('fails with an event integration without a source', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN,
    })).toThrow(/eventSource is required for EVENT integrations/);
  });

  test('fails with a source for an integration other than EVENT', () => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.CASES_DOMAIN, integrationArn: CASES_DOMAIN_ARN, eventSource: ZENDESK,
    })).toThrow(/eventSource is only supported for EVENT integrations, got integration type CASES_DOMAIN/);
  });

  test.each([
    [{ sourceApplicationName: '' }, /source application name must be 1 to 100 characters, got 0/],
    [{ sourceApplicationName: 'z'.repeat(101) }, /source application name must be 1 to 100 characters, got 101/],
    [{ sourceApplicationName: 'Zendesk!' }, /source application name must be letters, digits, spaces, _ and -, got 'Zendesk!'/],
    [{ sourceApplicationUrl: '' }, /source application URL must be 1 to 2000 characters, got 0/],
    [{ sourceApplicationUrl: `https://${'a'.repeat(1993)}` }, /source application URL must be 1 to 2000 characters, got 2001/],
    [{ sourceType: EventIntegrationSourceType.of('zendesk') }, /source type must be upper case letters, digits and underscores, got 'zendesk'/],
  ])('fails with the event source %p', (override, message) => {
    const { stack, instance } = testStack();
    expect(() => new IntegrationAssociation(stack, 'Bad', {
      instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: { ...ZENDESK, ...override },
    })).toThrow(message);
  });

  describe('use cases', () => {
    test('adds a use case with the instance id and the association id', () => {
      const { stack, instance } = testStack();
      const association = new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      });
      const useCase = association.addUseCase(UseCaseType.RULES_EVALUATION);
      association.addUseCase(UseCaseType.CONNECT_CAMPAIGNS);

      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::Connect::UseCase', 2);
      template.hasResourceProperties('AWS::Connect::UseCase', {
        InstanceId: INSTANCE_ID,
        IntegrationAssociationId: { 'Fn::GetAtt': [stack.getLogicalId(association.node.defaultChild as CfnElement), 'IntegrationAssociationId'] },
        UseCaseType: 'RULES_EVALUATION',
      });
      expect(useCase.node.id).toBe('UseCaseRulesEvaluation');
      expect(useCase.instanceArn).toBe(INSTANCE_ARN);
    });

    test('fails to add the same use case twice', () => {
      const { stack, instance } = testStack();
      const association = new IntegrationAssociation(stack, 'Zendesk', {
        instance, integrationType: IntegrationType.EVENT, integrationArn: EVENT_INTEGRATION_ARN, eventSource: ZENDESK,
      });
      association.addUseCase(UseCaseType.RULES_EVALUATION);
      expect(() => association.addUseCase(UseCaseType.of('RULES_EVALUATION')))
        .toThrow(/use case RULES_EVALUATION is already added to this integration association; an integration association has at most one use case of each type/);
    });

    test('adds a use case to an imported association', () => {
      const { stack } = testStack();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.EVENT,
        integrationArn: EVENT_INTEGRATION_ARN,
      });
      association.addUseCase(UseCaseType.RULES_EVALUATION);

      Template.fromStack(stack).hasResourceProperties('AWS::Connect::UseCase', {
        InstanceId: INSTANCE_ID,
        IntegrationAssociationId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        UseCaseType: 'RULES_EVALUATION',
      });
    });
  });

  describe('imports', () => {
    test('imports by ARN, type and integrated ARN', () => {
      const { stack } = testStack();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      });

      expect(association.integrationAssociationId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
      expect(association.instanceArn).toBe(INSTANCE_ARN);
      expect(association.integrationAssociationArn).toBe(ASSOCIATION_ARN);
      expect(association.integrationAssociationRef).toEqual({
        instanceId: INSTANCE_ARN, integrationType: 'CASES_DOMAIN', integrationArn: CASES_DOMAIN_ARN,
      });
      expect(association.env.account).toBe('111122223333');
    });

    test('imports a token ARN', () => {
      const { stack } = testStack();
      const arn = new CfnParameter(stack, 'AssociationArn').valueAsString;
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: arn,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      });

      expect(stack.resolve(association.integrationAssociationId)).toEqual({
        'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'AssociationArn' }] }],
      });
    });

    test.each([
      `${INSTANCE_ARN}/queue/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`,
      INSTANCE_ARN,
      'integration-association/abc',
    ])('fails to import the malformed ARN %p', (arn) => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: arn,
        integrationType: IntegrationType.CASES_DOMAIN,
        integrationArn: CASES_DOMAIN_ARN,
      })).toThrow(/integration association ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/integration-association\/<id>/);
    });

    test.each(['VOICE_ID', 'PINPOINT_APP', 'ANALYTICS_CONNECTOR', 'CALL_TRANSFER_CONNECTOR', 'COGNITO_USER_POOL'])(
      'imports an association of the API-only type %s without a warning', (type) => {
        const { stack } = testStack();
        const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
          integrationAssociationArn: ASSOCIATION_ARN,
          integrationType: IntegrationType.of(type),
          integrationArn: 'arn:aws:voiceid:us-east-1:111122223333:domain/abc',
        });

        expect(association.integrationType.value).toBe(type);
        expect(association.integrationAssociationId).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
        Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
      });

    test('fails to import an API-only type with a malformed integrated ARN', () => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.of('VOICE_ID'),
        integrationArn: 'voiceid-domain',
      })).toThrow(/integration ARN must be an ARN/);
    });

    test('fails to import with an integrated ARN that does not fit the type', () => {
      const { stack } = testStack();
      expect(() => IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Imported', {
        integrationAssociationArn: ASSOCIATION_ARN,
        integrationType: IntegrationType.WISDOM_ASSISTANT,
        integrationArn: CASES_DOMAIN_ARN,
      })).toThrow(/integration ARN of a WISDOM_ASSISTANT integration must be the ARN of an Amazon Q in Connect assistant/);
    });
  });
});
