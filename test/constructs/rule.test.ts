import { Duration, Stack, Tags, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CfnRule } from 'aws-cdk-lib/aws-connect';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { EvaluationForm } from '../../src/constructs/evaluation-form';
import { EventIntegrationSourceType, IntegrationAssociation, IntegrationType } from '../../src/constructs/integration-association';
import { Queue } from '../../src/constructs/queue';
import { Channel, RoutingProfile } from '../../src/constructs/routing-profile';
import {
  CaseField,
  ParticipantRole,
  Rule,
  RuleAction,
  RuleActionType,
  RuleCondition,
  RuleField,
  RuleFilter,
  RuleProps,
  RulePublishStatus,
  RuleTrigger,
  SentimentState,
} from '../../src/constructs/rule';
import { User } from '../../src/constructs/user';
import { INSTANCE_ARN, flowOfType, testStack } from '../helpers';

const OTHER_INSTANCE_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/99999999-8888-7777-6666-555555555555';
const ZENDESK_ARN = `${INSTANCE_ARN}/integration-association/zendesk-1`;
const FORM_ARN = `${INSTANCE_ARN}/evaluation-form/form-1`;

function setup() {
  const { app, stack, instance } = testStack();
  const queue = Queue.fromQueueArn(stack, 'Queue', `${INSTANCE_ARN}/queue/q-1`);
  const queue2 = Queue.fromQueueArn(stack, 'Queue2', `${INSTANCE_ARN}/queue/q-2`);
  const otherQueue = Queue.fromQueueArn(stack, 'OtherQueue', `${OTHER_INSTANCE_ARN}/queue/q-9`);
  const user = User.fromUserArn(stack, 'User', `${INSTANCE_ARN}/agent/u-1`);
  const otherUser = User.fromUserArn(stack, 'OtherUser', `${OTHER_INSTANCE_ARN}/agent/u-9`);
  const profile = RoutingProfile.fromRoutingProfileArn(stack, 'Profile', `${INSTANCE_ARN}/routing-profile/rp-1`);
  const flow = ContactFlow.fromContactFlowArn(stack, 'Flow', `${INSTANCE_ARN}/contact-flow/f-1`);
  const otherFlow = ContactFlow.fromContactFlowArn(stack, 'OtherFlow', `${OTHER_INSTANCE_ARN}/contact-flow/f-9`);
  let count = 0;
  /** A post-call rule with a category action, or whatever the overrides say. */
  const rule = (props: Partial<RuleProps> = {}, id?: string) => new Rule(stack, id ?? `Rule${++count}`, {
    instance,
    ruleName: 'my-rule',
    trigger: RuleTrigger.ON_POST_CALL_ANALYSIS_AVAILABLE,
    condition: RuleCondition.exactMatch(['refund']),
    actions: [RuleAction.assignContactCategory()],
    ...props,
  });
  return { app, stack, instance, queue, queue2, otherQueue, user, otherUser, profile, flow, otherFlow, rule };
}

/** The parsed `Function` of the only rule in the stack (all values concrete). */
function ruleFunction(stack: Stack): any {
  const rules = Template.fromStack(stack).findResources('AWS::Connect::Rule');
  const values = Object.values(rules);
  expect(values).toHaveLength(1);
  return JSON.parse(values[0].Properties.Function);
}

/** The top operand of the only rule's function (the condition inside the implicit AND). */
function firstCondition(stack: Stack): any {
  return ruleFunction(stack).RuleFunction.Operands[0];
}

describe('Rule', () => {
  test('renders a conversational analytics rule', () => {
    const { stack, instance, queue, flow } = setup();
    const rule = new Rule(stack, 'Refunds', {
      instance,
      ruleName: 'refunds',
      trigger: RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE,
      condition: RuleCondition.allOf(
        RuleCondition.exactMatch(['refund'], { participant: ParticipantRole.CUSTOMER }),
        RuleCondition.queues([queue]),
      ),
      actions: [
        RuleAction.assignContactCategory(),
        RuleAction.createTask({ name: 'Refund follow-up', contactFlow: flow }),
      ],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
      InstanceArn: INSTANCE_ARN,
      Name: 'refunds',
      TriggerEventSource: { EventSourceName: 'OnRealTimeCallAnalysisAvailable', IntegrationAssociationArn: Match.absent() },
      PublishStatus: 'PUBLISHED',
      Actions: {
        AssignContactCategoryActions: [{}],
        TaskActions: [{ Name: 'Refund follow-up', ContactFlowArn: `${INSTANCE_ARN}/contact-flow/f-1`, Description: Match.absent() }],
      },
    });
    expect(ruleFunction(stack)).toEqual({
      Version: '2022-11-25',
      RuleFunction: {
        Operator: 'AND',
        Operands: [
          {
            Operator: 'CONTAINS_ANY',
            Operands: ['refund'],
            ComparisonValue: '$.ContactLens.RealTimeCall.ExactMatch.Transcript',
            FilterClause: { LogicOperator: 'AND', Filters: [{ Type: 'ParticipantRole', Data: 'CUSTOMER' }] },
            Negate: false,
          },
          {
            Operator: 'CONTAINS_ANY',
            Operands: ['q-1'],
            ComparisonValue: '$.ContactLens.RealTimeCall.Queue.QueueId',
            Negate: false,
          },
        ],
      },
    });
    expect(rule.ruleName).toBe('refunds');
    expect(rule.instanceArn).toBe(INSTANCE_ARN);
    expect(rule.trigger).toBe(RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE);
    const logicalId = stack.getLogicalId(rule.node.defaultChild as CfnRule);
    expect(stack.resolve(rule.ruleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'RuleArn'] });
    expect(stack.resolve(rule.ruleRef.ruleArn)).toEqual(stack.resolve(rule.ruleArn));
    expect(stack.resolve(rule.ruleId)).toEqual({
      'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::GetAtt': [logicalId, 'RuleArn'] }] }],
    });
  });

  test('generates a valid name when none is given', () => {
    const { stack, rule } = setup();
    const r = rule({ ruleName: undefined });
    expect(r.ruleName).toMatch(/^[a-zA-Z0-9._-]{1,200}$/);
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', { Name: r.ruleName });
  });

  test('renders a draft rule and tags', () => {
    const { stack, rule } = setup();
    const r = rule({ publishStatus: RulePublishStatus.DRAFT });
    Tags.of(r).add('team', 'support');
    Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
      PublishStatus: 'DRAFT',
      Tags: [{ Key: 'team', Value: 'support' }],
    });
  });

  describe('triggers', () => {
    test.each([
      [RuleTrigger.ON_POST_CALL_ANALYSIS_AVAILABLE, 'OnPostCallAnalysisAvailable'],
      [RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE, 'OnRealTimeCallAnalysisAvailable'],
      [RuleTrigger.ON_REAL_TIME_CHAT_ANALYSIS_AVAILABLE, 'OnRealTimeChatAnalysisAvailable'],
      [RuleTrigger.ON_POST_CHAT_ANALYSIS_AVAILABLE, 'OnPostChatAnalysisAvailable'],
    ])('renders the conversational analytics trigger %#', (trigger, name) => {
      const { stack, rule } = setup();
      rule({ trigger, condition: RuleCondition.containsAny(RuleField.of('$.Custom.Field'), ['x']) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        TriggerEventSource: { EventSourceName: name, IntegrationAssociationArn: Match.absent() },
      });
    });

    test.each([
      [RuleTrigger.ON_EMAIL_ANALYSIS_AVAILABLE, 'OnEmailAnalysisAvailable'],
      [RuleTrigger.ON_CONTACT_EVALUATION_SUBMIT, 'OnContactEvaluationSubmit'],
      [RuleTrigger.ON_METRIC_DATA_UPDATE, 'OnMetricDataUpdate'],
      [RuleTrigger.ON_SLA_BREACH, 'OnSlaBreach'],
      [RuleTrigger.onCaseCreate(), 'OnCaseCreate'],
      [RuleTrigger.onCaseUpdate(), 'OnCaseUpdate'],
      [RuleTrigger.of('OnSchedulePublish'), 'OnSchedulePublish'],
    ])('renders the trigger %#', (trigger, name) => {
      const { stack, rule } = setup();
      rule({
        trigger,
        condition: RuleCondition.containsAny(RuleField.of('$.Custom.Field'), ['x']),
        actions: [RuleAction.generateEventBridgeEvent('evt')],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        TriggerEventSource: { EventSourceName: name, IntegrationAssociationArn: Match.absent() },
      });
    });

    test.each([
      [RuleTrigger.onZendeskTicketCreateArn(ZENDESK_ARN), 'OnZendeskTicketCreate'],
      [RuleTrigger.onZendeskTicketStatusUpdateArn(ZENDESK_ARN), 'OnZendeskTicketStatusUpdate'],
      [RuleTrigger.onSalesforceCaseCreateArn(ZENDESK_ARN), 'OnSalesforceCaseCreate'],
      [RuleTrigger.onCaseCreateArn(ZENDESK_ARN), 'OnCaseCreate'],
      [RuleTrigger.onCaseUpdateArn(ZENDESK_ARN), 'OnCaseUpdate'],
      [RuleTrigger.of('OnZendeskTicketCreate', ZENDESK_ARN), 'OnZendeskTicketCreate'],
    ])('renders the trigger with an integration association %#', (trigger, name) => {
      const { stack, rule, flow } = setup();
      rule({
        trigger,
        condition: RuleCondition.equalTo(RuleField.of('$.Custom.Field'), 'x'),
        actions: [RuleAction.createTask({ name: 'Follow up', contactFlow: flow })],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        TriggerEventSource: { EventSourceName: name, IntegrationAssociationArn: ZENDESK_ARN },
      });
    });

    test.each([
      ['onZendeskTicketCreate', 'OnZendeskTicketCreate'],
      ['onZendeskTicketStatusUpdate', 'OnZendeskTicketStatusUpdate'],
      ['onSalesforceCaseCreate', 'OnSalesforceCaseCreate'],
      ['onCaseCreate', 'OnCaseCreate'],
      ['onCaseUpdate', 'OnCaseUpdate'],
    ] as const)('RuleTrigger.%s takes an integration association', (method, name) => {
      const { stack, rule, flow } = setup();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Association', {
        integrationAssociationArn: ZENDESK_ARN,
        integrationType: IntegrationType.EVENT,
        integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk',
      });
      const trigger = RuleTrigger[method](association);
      expect(trigger.integrationAssociation).toBe(association);
      rule({
        trigger,
        condition: RuleCondition.equalTo(RuleField.of('$.Custom.Field'), 'x'),
        actions: [RuleAction.createTask({ name: 'Follow up', contactFlow: flow })],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        TriggerEventSource: { EventSourceName: name, IntegrationAssociationArn: ZENDESK_ARN },
      });
    });

    test('references an integration association defined in the app', () => {
      const { stack, instance, rule, flow } = setup();
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
      rule({
        trigger: RuleTrigger.onZendeskTicketCreate(association),
        condition: RuleCondition.equalTo(RuleField.of('$.Custom.Field'), 'x'),
        actions: [RuleAction.createTask({ name: 'Follow up', contactFlow: flow })],
      });
      const template = Template.fromStack(stack);
      // EVENT associations are made by the custom resource (CloudFormation does not accept the type).
      const [logicalId] = Object.keys(template.findResources('Custom::ConnectIntegrationAssociation'));
      expect(logicalId).toBeDefined();
      const [ruleResource] = Object.values(template.findResources('AWS::Connect::Rule'));
      expect(ruleResource.Properties.TriggerEventSource.IntegrationAssociationArn)
        .toEqual({ 'Fn::GetAtt': [logicalId, 'IntegrationAssociationArn'] });
    });

    test('fails when the integration association belongs to another instance', () => {
      const { stack, rule } = setup();
      const association = IntegrationAssociation.fromIntegrationAssociationAttributes(stack, 'Association', {
        integrationAssociationArn: `${OTHER_INSTANCE_ARN}/integration-association/z`,
        integrationType: IntegrationType.EVENT,
        integrationArn: 'arn:aws:app-integrations:us-east-1:111122223333:event-integration/zendesk',
      });
      expect(() => rule({ trigger: RuleTrigger.onZendeskTicketCreate(association) }, 'R'))
        .toThrow(/Test\/R: trigger integration association must belong to instance .*, got one of instance .*99999999/);
    });

    test('renders the Zendesk ticket condition fields', () => {
      const { stack, rule, flow } = setup();
      rule({
        trigger: RuleTrigger.onZendeskTicketCreateArn(ZENDESK_ARN),
        condition: RuleCondition.equalTo(RuleField.of('$.ThirdParty.Zendesk.TicketCreate.Priority'), 'urgent'),
        actions: [RuleAction.createTask({ name: 'Urgent ticket', contactFlow: flow }), RuleAction.assignContactCategory()],
      });
      expect(firstCondition(stack)).toEqual({
        Operator: 'EQUALS', Operands: ['urgent'], ComparisonValue: '$.ThirdParty.Zendesk.TicketCreate.Priority', Negate: false,
      });
    });

    test('fails when a third-party trigger has no integration association', () => {
      const { rule } = setup();
      expect(() => rule({ trigger: RuleTrigger.of('OnSalesforceCaseCreate') }, 'R'))
        .toThrow(/Test\/R: trigger OnSalesforceCaseCreate needs an integration association/);
    });

    test('fails when the integration association ARN is malformed or of another instance', () => {
      const { rule } = setup();
      expect(() => rule({ trigger: RuleTrigger.onZendeskTicketCreateArn(`${INSTANCE_ARN}/queue/q-1`) }, 'A'))
        .toThrow(/Test\/A: trigger integration association ARN must look like .*\/integration-association\/<id>, got/);
      expect(() => rule({ trigger: RuleTrigger.onZendeskTicketCreateArn(`${OTHER_INSTANCE_ARN}/integration-association/z`) }, 'B'))
        .toThrow(/Test\/B: trigger integration association must belong to instance .*, got one of instance .*99999999/);
    });

    test('accepts an integration association ARN that is a token', () => {
      const { stack, rule, flow } = setup();
      const arn = Token.asString({ Ref: 'Association' });
      rule({
        trigger: RuleTrigger.onZendeskTicketCreateArn(arn),
        condition: RuleCondition.equalTo(RuleField.of('$.ThirdParty.Zendesk.TicketCreate.Type'), 'incident'),
        actions: [RuleAction.createTask({ name: 'Incident', contactFlow: flow })],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        TriggerEventSource: { IntegrationAssociationArn: { Ref: 'Association' } },
      });
    });

    test('fails when a custom event source name is malformed', () => {
      const { rule } = setup();
      expect(() => rule({ trigger: RuleTrigger.of('postCall') }, 'R'))
        .toThrow(/Test\/R: trigger event source name must be an event source name such as 'OnPostCallAnalysisAvailable', got 'postCall'/);
    });
  });

  describe('actions', () => {
    test('renders a create-task action with references', () => {
      const { stack, rule, flow } = setup();
      rule({
        actions: [
          RuleAction.assignContactCategory(),
          RuleAction.createTask({
            name: 'Call back',
            description: 'The customer asked for a refund',
            contactFlow: flow,
            references: [{ name: 'Runbook', url: 'https://example.com/refunds' }, { name: 'Home', url: '/home' }],
          }),
        ],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: {
          TaskActions: [{
            Name: 'Call back',
            Description: 'The customer asked for a refund',
            ContactFlowArn: `${INSTANCE_ARN}/contact-flow/f-1`,
            References: {
              Runbook: { Type: 'URL', Value: 'https://example.com/refunds' },
              Home: { Type: 'URL', Value: '/home' },
            },
          }],
        },
      });
    });

    test('renders a send-notification action', () => {
      const { stack, rule, user } = setup();
      rule({
        trigger: RuleTrigger.ON_CONTACT_EVALUATION_SUBMIT,
        condition: RuleCondition.equalTo(RuleField.of('$.ContactLens.ContactEvaluation.Form.FormId'), 'form-1'),
        actions: [RuleAction.sendNotification({
          subject: 'Evaluation submitted',
          content: 'See the evaluation',
          users: [user],
          userPaths: ['$.ContactLens.ContactEvaluation.Agent.AgentId'],
          userTags: [{ key: 'team', value: 'support' }],
        })],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: {
          SendNotificationActions: [{
            DeliveryMethod: 'EMAIL',
            Subject: 'Evaluation submitted',
            Content: 'See the evaluation',
            ContentType: 'PLAIN_TEXT',
            Recipient: {
              UserArns: [`${INSTANCE_ARN}/agent/u-1`, '$.ContactLens.ContactEvaluation.Agent.AgentId'],
              UserTags: { team: 'support' },
            },
          }],
        },
      });
    });

    test('renders a notification to tagged users only', () => {
      const { stack, rule } = setup();
      rule({
        actions: [
          RuleAction.assignContactCategory(),
          RuleAction.sendNotification({ content: 'Refund asked', userTags: [{ key: 'role', value: 'supervisor' }] }),
        ],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: {
          SendNotificationActions: [{
            Subject: Match.absent(),
            Recipient: { UserArns: Match.absent(), UserTags: { role: 'supervisor' } },
          }],
        },
      });
    });

    test('renders an EventBridge action', () => {
      const { stack, rule } = setup();
      rule({ actions: [RuleAction.assignContactCategory(), RuleAction.generateEventBridgeEvent('refund.mentioned')] });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: { AssignContactCategoryActions: [{}], EventBridgeActions: [{ Name: 'refund.mentioned' }] },
      });
    });

    test('renders a create-case action', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.ON_POST_CHAT_ANALYSIS_AVAILABLE,
        condition: RuleCondition.exactMatch(['complaint']),
        actions: [RuleAction.assignContactCategory(), RuleAction.createCase({
          templateId: 'template-1',
          fields: [
            CaseField.stringValue('title', 'Complaint'),
            CaseField.numberValue('score', 2.5),
            CaseField.booleanValue('vip', true),
            CaseField.emptyValue('notes'),
          ],
        })],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: {
          CreateCaseActions: [{
            TemplateId: 'template-1',
            Fields: [
              { Id: 'title', Value: { StringValue: 'Complaint' } },
              { Id: 'score', Value: { DoubleValue: 2.5 } },
              { Id: 'vip', Value: { BooleanValue: true } },
              { Id: 'notes', Value: { EmptyValue: {} } },
            ],
          }],
        },
      });
    });

    test('renders update-case and end-associated-tasks actions', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.onCaseUpdate(),
        condition: RuleCondition.equalTo(RuleField.caseField('status'), 'closed'),
        actions: [RuleAction.updateCase([CaseField.stringValue('case_reason', 'Resolved')]), RuleAction.endAssociatedTasks()],
      });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: {
          UpdateCaseActions: [{ Fields: [{ Id: 'case_reason', Value: { StringValue: 'Resolved' } }] }],
          EndAssociatedTasksActions: [{}],
        },
      });
      expect(firstCondition(stack)).toEqual({
        Operator: 'EQUALS', Operands: ['closed'], ComparisonValue: '$.Case.Fields.status', Negate: false,
      });
    });

    test('renders a submit-auto-evaluation action', () => {
      const { stack, rule } = setup();
      rule({ actions: [RuleAction.assignContactCategory(), RuleAction.submitAutoEvaluationArn(FORM_ARN)] });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: { SubmitAutoEvaluationActions: [{ EvaluationFormArn: FORM_ARN }] },
      });
    });

    test('renders a submit-auto-evaluation action with an evaluation form', () => {
      const { stack, rule } = setup();
      const form = EvaluationForm.fromEvaluationFormArn(stack, 'Form', FORM_ARN);
      rule({ actions: [RuleAction.assignContactCategory(), RuleAction.submitAutoEvaluation(form)] });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: { SubmitAutoEvaluationActions: [{ EvaluationFormArn: FORM_ARN }] },
      });
    });

    test('fails when the evaluation form belongs to another instance', () => {
      const { stack, rule } = setup();
      const form = EvaluationForm.fromEvaluationFormArn(stack, 'Form', `${OTHER_INSTANCE_ARN}/evaluation-form/f`);
      expect(() => rule({ actions: [RuleAction.assignContactCategory(), RuleAction.submitAutoEvaluation(form)] }, 'R'))
        .toThrow(/Test\/R: submitAutoEvaluation evaluation form must belong to instance/);
    });

    test('adds actions after construction', () => {
      const { stack, rule } = setup();
      const r = rule({ actions: [] });
      r.addAction(RuleAction.assignContactCategory());
      r.addAction(RuleAction.generateEventBridgeEvent('later'));
      expect(RuleAction.generateEventBridgeEvent('x').actionType).toBe(RuleActionType.GENERATE_EVENTBRIDGE_EVENT);
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', {
        Actions: { AssignContactCategoryActions: [{}], EventBridgeActions: [{ Name: 'later' }] },
      });
    });

    test('fails at synth time when the rule has no action', () => {
      const { stack, rule } = setup();
      rule({ actions: [] }, 'R');
      expect(() => Template.fromStack(stack)).toThrow(/\[Test\/R\] a rule needs at least one action: pass actions or call addAction\(\)/);
    });

    test('fails at synth time when a conversational analytics rule has no category action', () => {
      const { stack, rule } = setup();
      rule({ actions: [RuleAction.generateEventBridgeEvent('evt')] }, 'R');
      expect(() => Template.fromStack(stack))
        .toThrow(/\[Test\/R\] rules triggered by OnPostCallAnalysisAvailable need an ASSIGN_CONTACT_CATEGORY action/);
    });

    test('fails at synth time when a third-party rule has no create-task action', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.onSalesforceCaseCreateArn(ZENDESK_ARN),
        condition: RuleCondition.equalTo(RuleField.of('$.ThirdParty.Salesforce.CaseCreate.Type'), 'Problem'),
        actions: [RuleAction.assignContactCategory()],
      }, 'R');
      expect(() => Template.fromStack(stack))
        .toThrow(/\[Test\/R\] rules triggered by OnSalesforceCaseCreate need a CREATE_TASK action/);
    });

    test('fails when an action kind is added twice', () => {
      const { rule } = setup();
      const r = rule({}, 'R');
      expect(() => r.addAction(RuleAction.assignContactCategory()))
        .toThrow(/Test\/R: actions must have at most one ASSIGN_CONTACT_CATEGORY action, got a second one/);
    });

    test('fails when an action does not suit the trigger', () => {
      const { rule } = setup();
      const metric = { trigger: RuleTrigger.ON_METRIC_DATA_UPDATE, condition: RuleCondition.atLeast(RuleField.metric('CONTACTS_IN_QUEUE'), 1) };
      expect(() => rule({ ...metric, actions: [RuleAction.assignContactCategory()] }, 'A'))
        .toThrow(/Test\/A: ASSIGN_CONTACT_CATEGORY actions are supported only in rules triggered by .*, this rule is triggered by OnMetricDataUpdate/);
      expect(() => rule({ actions: [RuleAction.updateCase([CaseField.stringValue('status', 'open')])] }, 'B'))
        .toThrow(/Test\/B: UPDATE_CASE actions are supported only in rules triggered by OnCaseCreate or OnCaseUpdate, this rule is triggered by OnPostCallAnalysisAvailable/);
      expect(() => rule({
        trigger: RuleTrigger.onCaseCreate(),
        condition: RuleCondition.equalTo(RuleField.caseField('status'), 'open'),
        actions: [RuleAction.endAssociatedTasks()],
      }, 'C')).toThrow(/Test\/C: END_ASSOCIATED_TASKS actions are supported only in rules triggered by OnCaseUpdate/);
      expect(() => rule({
        trigger: RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE,
        actions: [RuleAction.createCase({ templateId: 't', fields: [CaseField.stringValue('title', 'x')] })],
      }, 'D')).toThrow(/Test\/D: CREATE_CASE actions are supported only in rules triggered by OnPostCallAnalysisAvailable or OnPostChatAnalysisAvailable/);
    });

    test('does not check action compatibility for event sources newer than the documentation', () => {
      const { rule } = setup();
      expect(() => rule({
        trigger: RuleTrigger.ON_SLA_BREACH,
        condition: RuleCondition.containsAny(RuleField.SLA_NAME, ['high-priority']),
        actions: [RuleAction.updateCase([CaseField.stringValue('priority', 'high')])],
      })).not.toThrow();
    });

    test('fails when a create-task action is invalid', () => {
      const { stack, instance, rule, flow, otherFlow } = setup();
      const task = (options: any, id: string) => rule({
        actions: [RuleAction.assignContactCategory(), RuleAction.createTask({ name: 'Task', contactFlow: flow, ...options })],
      }, id);
      expect(() => task({ name: 'x'.repeat(513) }, 'A')).toThrow(/Test\/A: createTask name must be 1 to 512 characters, got 513/);
      expect(() => task({ name: '' }, 'B')).toThrow(/Test\/B: createTask name must be 1 to 512 characters, got 0/);
      expect(() => task({ description: 'x'.repeat(4097) }, 'C')).toThrow(/Test\/C: createTask description must be 0 to 4096 characters, got 4097/);
      expect(() => task({ contactFlow: otherFlow }, 'D')).toThrow(/Test\/D: createTask contactFlow must belong to instance/);
      const refs = Array.from({ length: 26 }, (_, i) => ({ name: `r${i}`, url: '/x' }));
      expect(() => task({ references: refs }, 'E')).toThrow(/Test\/E: createTask references must have 0 to 25 items, got 26/);
      expect(() => task({ references: [{ name: 'a', url: '/x' }, { name: 'a', url: '/y' }] }, 'F'))
        .toThrow(/Test\/F: createTask reference names must be unique, 'a' appears more than once/);
      expect(() => task({ references: [{ name: 'a', url: 'http://example.com' }] }, 'G'))
        .toThrow(/Test\/G: createTask reference 'a' url must be an https: URL or a path starting with '\/', got 'http:\/\/example.com'/);
      expect(() => task({ references: [{ name: '', url: '/x' }] }, 'H')).toThrow(/Test\/H: createTask reference name must be 1 to 4096 characters, got 0/);
      const agentTransfer = flowOfType(stack, instance, 'AgentTransfer', ContactFlowType.AGENT_TRANSFER);
      expect(() => task({ contactFlow: agentTransfer }, 'I'))
        .toThrow(/Test\/I: createTask contactFlow must be a flow of type CONTACT_FLOW, got 'Test\/AgentTransfer' of type AGENT_TRANSFER/);
    });

    test('fails when a send-notification action is invalid', () => {
      const { stack, rule, user, otherUser } = setup();
      const notify = (options: any, id: string) => rule({
        actions: [RuleAction.assignContactCategory(), RuleAction.sendNotification({ content: 'Hello', users: [user], ...options })],
      }, id);
      expect(() => notify({ users: [] }, 'A'))
        .toThrow(/Test\/A: sendNotification needs at least one recipient: users, userTags or userPaths/);
      expect(() => notify({ content: '' }, 'B')).toThrow(/Test\/B: sendNotification content must be 1 to 1024 characters, got 0/);
      expect(() => notify({ content: 'x'.repeat(1025) }, 'C')).toThrow(/Test\/C: sendNotification content must be 1 to 1024 characters, got 1025/);
      expect(() => notify({ subject: 'x'.repeat(201) }, 'D')).toThrow(/Test\/D: sendNotification subject must be 1 to 200 characters, got 201/);
      expect(() => notify({ users: [otherUser] }, 'E')).toThrow(/Test\/E: sendNotification user 'Test\/OtherUser' must belong to instance/);
      const users = Array.from({ length: 5 }, (_, i) => User.fromUserArn(stack, `U${i}`, `${INSTANCE_ARN}/agent/u-${i + 10}`));
      expect(() => notify({ users, userPaths: ['$.ContactLens.ContactEvaluation.Agent.AgentId'] }, 'F'))
        .toThrow(/Test\/F: sendNotification must have at most 5 users and userPaths in all, got 6/);
      expect(() => notify({ userPaths: ['agent'] }, 'G')).toThrow(/Test\/G: sendNotification userPaths must be a JSON path starting with '\$\.', got 'agent'/);
      expect(() => notify({ userTags: [{ key: 'k'.repeat(129), value: 'v' }] }, 'H'))
        .toThrow(/Test\/H: sendNotification user tag key must be 1 to 128 characters, got 129/);
      expect(() => notify({ userTags: [{ key: 'k', value: 'a' }, { key: 'k', value: 'b' }] }, 'I'))
        .toThrow(/Test\/I: sendNotification user tag keys must be unique, 'k' appears more than once/);
      expect(() => notify({ users: [user, user] }, 'J')).toThrow(/Test\/J: sendNotification users must be unique, 'Test\/User' appears more than once/);
    });

    test('fails when an EventBridge action name is invalid', () => {
      const { rule } = setup();
      const eb = (name: string, id: string) => rule({ actions: [RuleAction.assignContactCategory(), RuleAction.generateEventBridgeEvent(name)] }, id);
      expect(() => eb('has space', 'A'))
        .toThrow(/Test\/A: generateEventBridgeEvent name must be 1 to 100 letters, digits, periods, underscores and hyphens, got 'has space'/);
      expect(() => eb('x'.repeat(101), 'B')).toThrow(/Test\/B: generateEventBridgeEvent name must be 1 to 100 letters/);
      expect(() => eb('', 'C')).toThrow(/Test\/C: generateEventBridgeEvent name must be 1 to 100 letters/);
    });

    test('fails when a case action is invalid', () => {
      const { rule } = setup();
      const createCase = (templateId: string, fields: CaseField[], id: string) => rule({
        actions: [RuleAction.assignContactCategory(), RuleAction.createCase({ templateId, fields })],
      }, id);
      const title = CaseField.stringValue('title', 'x');
      expect(() => createCase('', [title], 'A')).toThrow(/Test\/A: createCase templateId must be 1 to 500 characters, got 0/);
      expect(() => createCase('t', [], 'B')).toThrow(/Test\/B: createCase fields must have 1 to 100 items, got 0/);
      const many = Array.from({ length: 101 }, (_, i) => CaseField.booleanValue(`f${i}`, true));
      expect(() => createCase('t', many, 'C')).toThrow(/Test\/C: createCase fields must have 1 to 100 items, got 101/);
      expect(() => createCase('t', [title, CaseField.emptyValue('title')], 'D'))
        .toThrow(/Test\/D: createCase field ids must be unique, 'title' appears more than once/);
      expect(() => createCase('t', [CaseField.stringValue('title', 'x'.repeat(501))], 'E'))
        .toThrow(/Test\/E: case field 'title' value must be 0 to 500 characters, got 501/);
      expect(() => createCase('t', [CaseField.numberValue('n', Infinity)], 'F'))
        .toThrow(/Test\/F: case field 'n' value must be a finite number, got Infinity/);
      expect(() => createCase('t', [CaseField.stringValue('', 'x')], 'G')).toThrow(/Test\/G: case field id must be 1 to 500 characters, got 0/);
      expect(() => rule({
        trigger: RuleTrigger.onCaseUpdate(),
        condition: RuleCondition.equalTo(RuleField.caseField('status'), 'open'),
        actions: [RuleAction.updateCase([])],
      }, 'H')).toThrow(/Test\/H: updateCase fields must have 1 to 100 items, got 0/);
    });

    test('fails when the evaluation form ARN is malformed or of another instance', () => {
      const { rule } = setup();
      const evaluate = (arn: string, id: string) =>
        rule({ actions: [RuleAction.assignContactCategory(), RuleAction.submitAutoEvaluationArn(arn)] }, id);
      expect(() => evaluate(`${INSTANCE_ARN}/queue/q-1`, 'A'))
        .toThrow(/Test\/A: submitAutoEvaluation evaluation form ARN must look like .*\/evaluation-form\/<id>, got/);
      expect(() => evaluate(`${OTHER_INSTANCE_ARN}/evaluation-form/f`, 'B'))
        .toThrow(/Test\/B: submitAutoEvaluation evaluation form must belong to instance/);
    });
  });

  describe('conditions', () => {
    test('renders transcript conditions with filters', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.ON_POST_CHAT_ANALYSIS_AVAILABLE,
        condition: RuleCondition.exactMatch(['cancel', 'close my account'], {
          participant: ParticipantRole.CUSTOMER,
          filters: [RuleFilter.contactPeriodLast(Duration.minutes(2))],
        }),
      });
      expect(firstCondition(stack)).toEqual({
        Operator: 'CONTAINS_ANY',
        Operands: ['cancel', 'close my account'],
        ComparisonValue: '$.ContactLens.PostChat.ExactMatch.Transcript',
        FilterClause: {
          LogicOperator: 'AND',
          Filters: [
            { Type: 'ParticipantRole', Data: 'CUSTOMER' },
            { Type: 'PostChatContactPeriodSeconds', Data: { Last: 120 } },
          ],
        },
        Negate: false,
      });
    });

    test('renders semantic, natural language and sentiment conditions', () => {
      const { stack, rule } = setup();
      rule({
        condition: RuleCondition.anyOf(
          RuleCondition.semanticMatch(['I want to cancel'], { filters: [RuleFilter.contactPeriodFirst(Duration.seconds(30))] }),
          RuleCondition.naturalLanguageMatch('The customer asked for a refund'),
          RuleCondition.sentiment(SentimentState.NEGATIVE, { participant: ParticipantRole.CUSTOMER }),
          RuleCondition.sentimentScoreAtLeast(-5),
          RuleCondition.sentimentScoreAtMost(-2, { participant: ParticipantRole.ANY }),
        ),
      });
      expect(ruleFunction(stack).RuleFunction).toEqual({
        Operator: 'OR',
        Operands: [
          {
            Operator: 'CONTAINS_ANY',
            Operands: ['I want to cancel'],
            ComparisonValue: '$.ContactLens.PostCall.SemanticMatch.Transcript',
            FilterClause: { LogicOperator: 'AND', Filters: [{ Type: 'PostCallContactPeriodSeconds', Data: { First: 30 } }] },
            Negate: false,
          },
          {
            Operator: 'EQUALS',
            Operands: ['The customer asked for a refund'],
            ComparisonValue: '$.ContactLens.PostCall.SemanticMatch.Phrase',
            Negate: false,
          },
          {
            Operator: 'EQUALS',
            Operands: ['NEGATIVE'],
            ComparisonValue: '$.ContactLens.PostCall.Sentiment.State',
            FilterClause: { LogicOperator: 'AND', Filters: [{ Type: 'ParticipantRole', Data: 'CUSTOMER' }] },
            Negate: false,
          },
          {
            Operator: 'NumberGreaterOrEqualTo',
            Operands: [-5],
            ComparisonValue: '$.ContactLens.PostCall.Sentiment.OverallScore',
            Negate: false,
          },
          {
            Operator: 'NumberLessOrEqualTo',
            Operands: [-2],
            ComparisonValue: '$.ContactLens.PostCall.Sentiment.OverallScore',
            FilterClause: { LogicOperator: 'AND', Filters: [{ Type: 'ParticipantRole', Data: 'ANY' }] },
            Negate: false,
          },
        ],
      });
    });

    test('renders a real-time sentiment condition over the recent past', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE,
        condition: RuleCondition.sentiment(SentimentState.NEGATIVE, {
          participant: ParticipantRole.CUSTOMER,
          filters: [RuleFilter.contactPeriodPast(Duration.minutes(1))],
        }),
      });
      expect(firstCondition(stack)).toMatchObject({
        ComparisonValue: '$.ContactLens.RealTimeCall.Sentiment.State',
        FilterClause: {
          Filters: [{ Type: 'ParticipantRole', Data: 'CUSTOMER' }, { Type: 'RealTimeCallContactPeriodSeconds', Data: { Past: 60 } }],
        },
      });
    });

    test('renders queue, agent and contact attribute conditions, negated', () => {
      const { stack, rule, queue, queue2, user } = setup();
      rule({
        condition: RuleCondition.allOf(
          RuleCondition.negate(RuleCondition.queues([queue, queue2])),
          RuleCondition.agents([user]),
          RuleCondition.contactAttribute('tier', 'gold'),
          RuleCondition.negate(RuleCondition.negate(RuleCondition.contactAttribute('lang', 'en'))),
        ),
      });
      expect(ruleFunction(stack).RuleFunction).toEqual({
        Operator: 'AND',
        Operands: [
          { Operator: 'CONTAINS_ANY', Operands: ['q-1', 'q-2'], ComparisonValue: '$.ContactLens.PostCall.Queue.QueueId', Negate: true },
          { Operator: 'CONTAINS_ANY', Operands: ['u-1'], ComparisonValue: '$.ContactLens.PostCall.Agent.AgentId', Negate: false },
          { Operator: 'EQUALS', Operands: ['gold'], ComparisonValue: '$.ContactLens.PostCall.ContactAttribute.tier', Negate: false },
          { Operator: 'EQUALS', Operands: ['en'], ComparisonValue: '$.ContactLens.PostCall.ContactAttribute.lang', Negate: false },
        ],
      });
    });

    test('renders contact evaluation conditions', () => {
      const { stack, rule, user } = setup();
      rule({
        trigger: RuleTrigger.ON_CONTACT_EVALUATION_SUBMIT,
        condition: RuleCondition.allOf(
          RuleCondition.equalTo(RuleField.of('$.ContactLens.ContactEvaluation.Form.FormId'), 'form-1'),
          RuleCondition.atMost(RuleField.of('$.ContactLens.ContactEvaluation.Form.Score'), 50),
          RuleCondition.agents([user]),
          RuleCondition.contactAttribute('tier', 'gold'),
        ),
        actions: [RuleAction.generateEventBridgeEvent('low-score')],
      });
      expect(ruleFunction(stack).RuleFunction.Operands).toEqual([
        { Operator: 'EQUALS', Operands: ['form-1'], ComparisonValue: '$.ContactLens.ContactEvaluation.Form.FormId', Negate: false },
        { Operator: 'NumberLessOrEqualTo', Operands: [50], ComparisonValue: '$.ContactLens.ContactEvaluation.Form.Score', Negate: false },
        { Operator: 'CONTAINS_ANY', Operands: ['u-1'], ComparisonValue: '$.ContactLens.ContactEvaluation.Agent.AgentId', Negate: false },
        { Operator: 'EQUALS', Operands: ['gold'], ComparisonValue: '$.ContactLens.ContactEvaluation.ContactAttribute.tier', Negate: false },
      ]);
    });

    test('renders case conditions', () => {
      const { stack, rule } = setup();
      rule({
        trigger: RuleTrigger.onCaseCreate(),
        condition: RuleCondition.anyOf(
          RuleCondition.containsAny(RuleField.CASE_TEMPLATE, ['t-1']),
          RuleCondition.contains(RuleField.caseField('summary'), 'refund'),
          RuleCondition.hasNoValue(RuleField.caseField('assigned_user')),
        ),
        actions: [RuleAction.updateCase([CaseField.stringValue('status', 'open')])],
      });
      expect(ruleFunction(stack).RuleFunction).toEqual({
        Operator: 'OR',
        Operands: [
          { Operator: 'CONTAINS_ANY', Operands: ['t-1'], ComparisonValue: '$.Case.TemplateId', Negate: false },
          { Operator: 'CONTAINS', Operands: ['refund'], ComparisonValue: '$.Case.Fields.summary', Negate: false },
          { Operator: 'EQUALS', Operands: [], ComparisonValue: '$.Case.Fields.assigned_user', Negate: false },
        ],
      });
    });

    test('renders a metric condition inside a metric group', () => {
      const { stack, rule, queue, profile, user } = setup();
      rule({
        trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
        condition: RuleCondition.atLeast(RuleField.metric('CONTACTS_IN_QUEUE'), 100, {
          filters: [
            RuleFilter.metricQueues([queue]),
            RuleFilter.metricChannels([Channel.VOICE, Channel.CHAT]),
            RuleFilter.metricPeriod(Duration.hours(8)),
            RuleFilter.metricRoutingProfiles([profile]),
            RuleFilter.metricAgents([user]),
            RuleFilter.of('MetricDataFilterByFlow', ['flow-1']),
          ],
        }),
        actions: [RuleAction.generateEventBridgeEvent('busy')],
      });
      expect(ruleFunction(stack).RuleFunction).toEqual({
        Operator: 'AND',
        Operands: [{
          Operator: 'AND',
          Operands: [{
            Operator: 'NumberGreaterOrEqualTo',
            Operands: [100],
            ComparisonValue: '$.MetricData.CONTACTS_IN_QUEUE',
            FilterClause: {
              LogicOperator: 'AND',
              Filters: [
                { Type: 'MetricDataFilterByQueue', Data: ['q-1'] },
                { Type: 'MetricDataFilterByChannel', Data: ['VOICE', 'CHAT'] },
                { Type: 'MetricDataPeriodSeconds', Data: { Past: 28800 } },
                { Type: 'MetricDataFilterByRoutingProfile', Data: ['rp-1'] },
                { Type: 'MetricDataFilterByAgent', Data: ['u-1'] },
                { Type: 'MetricDataFilterByFlow', Data: ['flow-1'] },
              ],
            },
            Negate: false,
          }],
        }],
      });
    });

    test('keeps metric groups and wraps a single group', () => {
      const { rule, stack } = setup();
      const cmp = (n: number) => RuleCondition.atMost(RuleField.metric('AGENTS_AVAILABLE'), n);
      rule({
        trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
        condition: RuleCondition.anyOf(RuleCondition.allOf(cmp(1), cmp(2)), RuleCondition.anyOf(cmp(3))),
        actions: [RuleAction.generateEventBridgeEvent('low')],
      });
      const fn = ruleFunction(stack).RuleFunction;
      expect(fn.Operator).toBe('OR');
      expect(fn.Operands.map((g: any) => [g.Operator, g.Operands.length])).toEqual([['AND', 2], ['OR', 1]]);

      const other = setup();
      other.rule({
        trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
        condition: RuleCondition.anyOf(cmp(1), cmp(2)),
        actions: [RuleAction.generateEventBridgeEvent('low')],
      });
      const wrapped = ruleFunction(other.stack).RuleFunction;
      expect(wrapped.Operator).toBe('AND');
      expect(wrapped.Operands).toHaveLength(1);
      expect(wrapped.Operands[0].Operator).toBe('OR');
      expect(wrapped.Operands[0].Operands).toHaveLength(2);
    });

    test('renders a raw rule function as given', () => {
      const { stack, rule } = setup();
      const raw = JSON.stringify({ Version: '2022-11-25', RuleFunction: { Operator: 'AND', Operands: [] } });
      rule({ condition: RuleCondition.raw(raw) });
      Template.fromStack(stack).hasResourceProperties('AWS::Connect::Rule', { Function: raw });
    });

    test('renders ids that are tokens into the function', () => {
      const { stack, rule } = setup();
      const queue = Queue.fromQueueArn(stack, 'TokenQueue', Token.asString({ Ref: 'QueueArn' }));
      rule({ condition: RuleCondition.queues([queue]) });
      const rules = Template.fromStack(stack).findResources('AWS::Connect::Rule');
      const fn = Object.values(rules)[0].Properties.Function;
      expect(fn['Fn::Join']).toBeDefined();
      expect(JSON.stringify(fn)).toContain('QueueArn');
    });

    test('fails when a condition helper does not suit the trigger', () => {
      const { rule, queue } = setup();
      const metric = RuleTrigger.ON_METRIC_DATA_UPDATE;
      expect(() => rule({ trigger: metric, condition: RuleCondition.exactMatch(['x']) }, 'A'))
        .toThrow(/Test\/A: RuleCondition.exactMatch needs a rule triggered by OnPostCallAnalysisAvailable, OnRealTimeCallAnalysisAvailable or OnPostChatAnalysisAvailable, this rule is triggered by OnMetricDataUpdate/);
      const realTime = RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE;
      expect(() => rule({ trigger: realTime, condition: RuleCondition.semanticMatch(['x']) }, 'B'))
        .toThrow(/Test\/B: RuleCondition.semanticMatch needs a rule triggered by OnPostCallAnalysisAvailable or OnPostChatAnalysisAvailable/);
      expect(() => rule({ trigger: realTime, condition: RuleCondition.naturalLanguageMatch('x') }, 'C'))
        .toThrow(/Test\/C: RuleCondition.naturalLanguageMatch needs a rule triggered by/);
      expect(() => rule({ trigger: realTime, condition: RuleCondition.sentimentScoreAtMost(0) }, 'D'))
        .toThrow(/Test\/D: RuleCondition.sentimentScoreAtMost needs a rule triggered by/);
      expect(() => rule({ trigger: RuleTrigger.ON_CONTACT_EVALUATION_SUBMIT, condition: RuleCondition.queues([queue]) }, 'E'))
        .toThrow(/Test\/E: RuleCondition.queues needs a rule triggered by/);
      expect(() => rule({ trigger: RuleTrigger.ON_REAL_TIME_CHAT_ANALYSIS_AVAILABLE, condition: RuleCondition.sentiment(SentimentState.POSITIVE) }, 'F'))
        .toThrow(/Test\/F: RuleCondition.sentiment needs a rule triggered by .*, this rule is triggered by OnRealTimeChatAnalysisAvailable/);
      expect(() => rule({ trigger: RuleTrigger.of('OnSchedulePublish'), condition: RuleCondition.contactAttribute('a', 'b') }, 'G'))
        .toThrow(/Test\/G: RuleCondition.contactAttribute needs a rule triggered by/);
      expect(() => rule({ trigger: metric, condition: RuleCondition.agents([]) }, 'H'))
        .toThrow(/Test\/H: RuleCondition.agents needs a rule triggered by/);
    });

    test('fails when a field does not suit the trigger or is malformed', () => {
      const { rule } = setup();
      expect(() => rule({ condition: RuleCondition.equalTo(RuleField.of('$.ContactLens.RealTimeCall.Queue.QueueId'), 'q') }, 'A'))
        .toThrow(/Test\/A: condition field '\$.ContactLens.RealTimeCall.Queue.QueueId' belongs to rules triggered by OnRealTimeCallAnalysisAvailable, this rule is triggered by OnPostCallAnalysisAvailable/);
      expect(() => rule({ condition: RuleCondition.atLeast(RuleField.metric('CONTACTS_IN_QUEUE'), 1) }, 'B'))
        .toThrow(/Test\/B: condition field '\$.MetricData.CONTACTS_IN_QUEUE' belongs to rules triggered by OnMetricDataUpdate/);
      expect(() => rule({ condition: RuleCondition.equalTo(RuleField.of('ContactLens.PostCall.X'), 'q') }, 'C'))
        .toThrow(/Test\/C: condition field must be a JSON path starting with '\$.', got 'ContactLens.PostCall.X'/);
      expect(() => rule({ trigger: RuleTrigger.ON_METRIC_DATA_UPDATE, condition: RuleCondition.atLeast(RuleField.metric('contacts'), 1) }, 'D'))
        .toThrow(/Test\/D: condition metric must be an upper-case metric name such as CONTACTS_IN_QUEUE, got 'contacts'/);
      expect(() => rule({ trigger: RuleTrigger.onCaseCreate(), condition: RuleCondition.equalTo(RuleField.caseField('x'.repeat(501)), 'v') }, 'E'))
        .toThrow(/Test\/E: condition case field id must be 1 to 500 characters, got 501/);
      expect(() => rule({ condition: RuleCondition.equalTo(RuleField.caseField('status'), 'v') }, 'F'))
        .toThrow(/Test\/F: condition field '\$.Case.Fields.status' belongs to rules triggered by OnCaseCreate, OnCaseUpdate or OnSlaBreach/);
      expect(() => rule({
        trigger: RuleTrigger.of('OnSomethingNew'),
        condition: RuleCondition.equalTo(RuleField.caseField('status'), 'v'),
        actions: [RuleAction.generateEventBridgeEvent('e')],
      })).not.toThrow();
    });

    test('fails when condition values are invalid', () => {
      const { rule, queue, otherQueue } = setup();
      expect(() => rule({ condition: RuleCondition.exactMatch([]) }, 'A')).toThrow(/Test\/A: exactMatch values must have at least one item/);
      expect(() => rule({ condition: RuleCondition.exactMatch(['a', 'a']) }, 'B'))
        .toThrow(/Test\/B: exactMatch values must be unique, 'a' appears more than once/);
      expect(() => rule({ condition: RuleCondition.semanticMatch(['']) }, 'C')).toThrow(/Test\/C: semanticMatch value must not be empty/);
      expect(() => rule({ condition: RuleCondition.sentimentScoreAtLeast(6) }, 'D'))
        .toThrow(/Test\/D: sentimentScoreAtLeast score must be an integer from -5 to 5, got 6/);
      expect(() => rule({ condition: RuleCondition.sentimentScoreAtMost(1.5) }, 'E'))
        .toThrow(/Test\/E: sentimentScoreAtMost score must be an integer from -5 to 5, got 1.5/);
      expect(() => rule({ condition: RuleCondition.queues([otherQueue]) }, 'F'))
        .toThrow(/Test\/F: queues queue 'Test\/OtherQueue' must belong to instance .*, got one of instance .*99999999/);
      expect(() => rule({ condition: RuleCondition.queues([]) }, 'G')).toThrow(/Test\/G: queues must have at least one item/);
      expect(() => rule({ condition: RuleCondition.queues([queue, queue]) }, 'H'))
        .toThrow(/Test\/H: queues must be unique, 'Test\/Queue' appears more than once/);
      expect(() => rule({ condition: RuleCondition.contactAttribute('my.key', 'v') }, 'I'))
        .toThrow(/Test\/I: contactAttribute key must be letters, digits, hyphens and underscores, got 'my.key'/);
      expect(() => rule({ condition: RuleCondition.atLeast(RuleField.of('$.ContactLens.PostCall.TalkTime.TotalTimeSecs'), NaN) }, 'J'))
        .toThrow(/Test\/J: atLeast value must be a finite number, got NaN/);
      expect(() => rule({ condition: RuleCondition.containsAny(RuleField.of('$.ContactLens.PostCall.Queue.QueueId'), []) }, 'K'))
        .toThrow(/Test\/K: containsAny values must have at least one item/);
      expect(() => rule({ condition: RuleCondition.contains(RuleField.of('$.ContactLens.PostCall.X'), '') }, 'L'))
        .toThrow(/Test\/L: contains value must not be empty/);
    });

    test('fails when conditions are combined wrongly', () => {
      const { rule } = setup();
      const raw = RuleCondition.raw('{"Version":"2022-11-25","RuleFunction":{"Operator":"AND","Operands":[]}}');
      expect(() => rule({ condition: RuleCondition.allOf() }, 'A')).toThrow(/Test\/A: allOf needs at least one condition/);
      expect(() => rule({ condition: RuleCondition.allOf(RuleCondition.anyOf()) }, 'B')).toThrow(/Test\/B: anyOf needs at least one condition/);
      expect(() => rule({ condition: RuleCondition.negate(RuleCondition.allOf(RuleCondition.exactMatch(['a']))) }, 'C'))
        .toThrow(/Test\/C: negate applies to a single comparison, not to allOf, anyOf or raw conditions/);
      expect(() => rule({ condition: RuleCondition.allOf(raw) }, 'D'))
        .toThrow(/Test\/D: a raw condition holds a whole rule function and cannot be combined with other conditions/);
      expect(() => rule({ condition: RuleCondition.negate(raw) }, 'E')).toThrow(/Test\/E: negate applies to a single comparison/);
    });

    test('fails when a raw rule function is not valid', () => {
      const { rule } = setup();
      expect(() => rule({ condition: RuleCondition.raw('Operator = AND') }, 'A'))
        .toThrow(/Test\/A: raw condition must be JSON with Version and RuleFunction, got text that is not JSON/);
      expect(() => rule({ condition: RuleCondition.raw('{"Operator":"AND","Operands":[]}') }, 'B'))
        .toThrow(/Test\/B: raw condition must be a JSON object with a Version string and a RuleFunction object/);
      expect(() => rule({ condition: RuleCondition.raw('[]') }, 'C')).toThrow(/Test\/C: raw condition must be a JSON object/);
    });

    test('fails when filters are invalid', () => {
      const { stack, rule, queue, otherQueue } = setup();
      const realTime = RuleTrigger.ON_REAL_TIME_CALL_ANALYSIS_AVAILABLE;
      expect(() => rule({
        condition: RuleCondition.exactMatch(['a'], { participant: ParticipantRole.AGENT, filters: [RuleFilter.participant(ParticipantRole.CUSTOMER)] }),
      }, 'A')).toThrow(/Test\/A: exactMatch filter types must be unique, 'ParticipantRole' appears more than once/);
      expect(() => rule({ trigger: realTime, condition: RuleCondition.exactMatch(['a'], { filters: [RuleFilter.contactPeriodFirst(Duration.seconds(10))] }) }, 'B'))
        .toThrow(/Test\/B: RuleFilter.contactPeriodFirst needs a rule triggered by OnPostCallAnalysisAvailable or OnPostChatAnalysisAvailable/);
      expect(() => rule({ condition: RuleCondition.exactMatch(['a'], { filters: [RuleFilter.contactPeriodLast(Duration.millis(1500))] }) }, 'C'))
        .toThrow(/Test\/C: contactPeriodLast must be a whole number of seconds of 1 or more, got 1.5 seconds/);
      expect(() => rule({ condition: RuleCondition.sentiment(SentimentState.NEUTRAL, { filters: [RuleFilter.contactPeriodPast(Duration.seconds(10))] }) }, 'D'))
        .toThrow(/Test\/D: RuleFilter.contactPeriodPast needs a rule triggered by OnRealTimeCallAnalysisAvailable/);
      expect(() => rule({ trigger: realTime, condition: RuleCondition.sentiment(SentimentState.NEUTRAL, { filters: [RuleFilter.contactPeriodPast(Duration.seconds(0))] }) }, 'E'))
        .toThrow(/Test\/E: contactPeriodPast must be a whole number of seconds of 1 or more, got 0 seconds/);
      expect(() => rule({ condition: RuleCondition.exactMatch(['a'], { filters: [RuleFilter.metricQueues([queue])] }) }, 'F'))
        .toThrow(/Test\/F: RuleFilter.metricQueues needs a rule triggered by OnMetricDataUpdate/);
      const metric = (filters: RuleFilter[], id: string) => rule({
        trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
        condition: RuleCondition.atLeast(RuleField.metric('OLDEST_CONTACT_AGE'), 900, { filters }),
        actions: [RuleAction.generateEventBridgeEvent('old')],
      }, id);
      expect(() => metric([RuleFilter.metricPeriod(Duration.days(1))], 'G'))
        .toThrow(/Test\/G: metricPeriod must be a whole number of seconds from 1 to 86399, got 86400 seconds/);
      const queues = Array.from({ length: 26 }, (_, i) => Queue.fromQueueArn(stack, `Q${i}`, `${INSTANCE_ARN}/queue/x-${i}`));
      expect(() => metric([RuleFilter.metricQueues(queues)], 'H')).toThrow(/Test\/H: metricQueues must have 1 to 25 items, got 26/);
      expect(() => metric([RuleFilter.metricQueues([otherQueue])], 'I'))
        .toThrow(/Test\/I: metricQueues queue 'Test\/OtherQueue' must belong to instance/);
      expect(() => metric([RuleFilter.metricChannels([])], 'J')).toThrow(/Test\/J: metricChannels must have at least one item/);
      expect(() => metric([RuleFilter.metricChannels([Channel.TASK, Channel.TASK])], 'K'))
        .toThrow(/Test\/K: metricChannels must be unique, 'TASK' appears more than once/);
      expect(() => metric([RuleFilter.of('', [])], 'L')).toThrow(/Test\/L: filter type must not be empty/);
      expect(() => metric([RuleFilter.metricAgents([])], 'M')).toThrow(/Test\/M: metricAgents must have 1 to 25 items, got 0/);
    });

    test('fails when metric conditions are not grouped as Amazon Connect requires', () => {
      const { rule } = setup();
      const cmp = () => RuleCondition.atMost(RuleField.metric('AGENTS_AVAILABLE'), 1);
      const metric = (condition: RuleCondition, id: string) => rule({
        trigger: RuleTrigger.ON_METRIC_DATA_UPDATE, condition, actions: [RuleAction.generateEventBridgeEvent('m')],
      }, id);
      const group = () => RuleCondition.allOf(cmp());
      expect(() => metric(RuleCondition.anyOf(group(), group(), group()), 'A'))
        .toThrow(/Test\/A: metric rule conditions must have at most 2 groups, got 3/);
      expect(() => metric(RuleCondition.allOf(...Array.from({ length: 11 }, cmp)), 'B'))
        .toThrow(/Test\/B: a group of metric conditions must have at most 10 conditions, got 11/);
      expect(() => metric(RuleCondition.allOf(group(), cmp()), 'C'))
        .toThrow(/Test\/C: metric rule conditions must be comparisons, or at most 2 groups \(allOf or anyOf\) of comparisons/);
      expect(() => metric(RuleCondition.allOf(RuleCondition.allOf(group())), 'D'))
        .toThrow(/Test\/D: metric rule conditions must be comparisons, or at most 2 groups/);
    });
  });

  test('renders the README example', () => {
    const { stack, instance, flow: inbound, queue: support, queue2: escalations, user: jane } = setup();
    const cancellations = new Rule(stack, 'Cancellations', {
      instance,
      ruleName: 'cancellations',
      trigger: RuleTrigger.ON_POST_CALL_ANALYSIS_AVAILABLE,
      condition: RuleCondition.allOf(
        RuleCondition.exactMatch(['cancel my account', 'close my account'], { participant: ParticipantRole.CUSTOMER }),
        RuleCondition.sentiment(SentimentState.NEGATIVE, { participant: ParticipantRole.CUSTOMER }),
        RuleCondition.queues([support, escalations]),
      ),
      actions: [
        RuleAction.assignContactCategory(),
        RuleAction.createTask({
          name: 'Call back an unhappy customer',
          contactFlow: inbound,
          references: [{ name: 'Retention playbook', url: 'https://wiki.example.com/retention' }],
        }),
      ],
    });
    cancellations.addAction(RuleAction.generateEventBridgeEvent('cancellation-risk'));

    new Rule(stack, 'QueueBacklog', {
      instance,
      ruleName: 'support-backlog',
      trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
      condition: RuleCondition.atLeast(RuleField.metric('CONTACTS_IN_QUEUE'), 20, {
        filters: [RuleFilter.metricQueues([support]), RuleFilter.metricChannels([Channel.VOICE])],
      }),
      actions: [
        RuleAction.sendNotification({
          subject: 'Support queue backlog',
          content: 'More than 20 calls are waiting in the Support queue.',
          users: [jane],
          userTags: [{ key: 'role', value: 'supervisor' }],
        }),
      ],
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Connect::Rule', 2);
    template.hasResourceProperties('AWS::Connect::Rule', {
      Name: 'cancellations',
      Actions: {
        AssignContactCategoryActions: [{}],
        TaskActions: [Match.objectLike({ Name: 'Call back an unhappy customer' })],
        EventBridgeActions: [{ Name: 'cancellation-risk' }],
      },
    });
    template.hasResourceProperties('AWS::Connect::Rule', {
      Name: 'support-backlog',
      TriggerEventSource: { EventSourceName: 'OnMetricDataUpdate' },
      Actions: { SendNotificationActions: [Match.objectLike({ Recipient: { UserArns: [`${INSTANCE_ARN}/agent/u-1`], UserTags: { role: 'supervisor' } } })] },
    });
  });

  describe('name', () => {
    test('fails when the name is invalid', () => {
      const { rule } = setup();
      expect(() => rule({ ruleName: 'has space' }, 'A'))
        .toThrow(/Test\/A: rule name must be 1 to 200 letters, digits, periods, underscores and hyphens, got 'has space'/);
      expect(() => rule({ ruleName: 'x'.repeat(201) }, 'B')).toThrow(/Test\/B: rule name must be 1 to 200 letters/);
      expect(() => rule({ ruleName: '' }, 'C')).toThrow(/Test\/C: rule name must be 1 to 200 letters/);
    });
  });

  describe('imports', () => {
    test('imports a rule by ARN', () => {
      const { stack } = setup();
      const imported = Rule.fromRuleArn(stack, 'Imported', `${INSTANCE_ARN}/rule/r-1`);
      expect(imported.ruleId).toBe('r-1');
      expect(imported.instanceArn).toBe(INSTANCE_ARN);
      expect(imported.ruleRef.ruleArn).toBe(`${INSTANCE_ARN}/rule/r-1`);
      expect(imported.env.account).toBe('111122223333');
    });

    test('imports a rule whose ARN is a token', () => {
      const { stack } = setup();
      const imported = Rule.fromRuleArn(stack, 'Imported', Token.asString({ Ref: 'RuleArn' }));
      expect(stack.resolve(imported.ruleId)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: 'RuleArn' }] }] });
    });

    test('fails when the imported ARN is malformed', () => {
      const { stack } = setup();
      expect(() => Rule.fromRuleArn(stack, 'Bad', `${INSTANCE_ARN}/queue/q-1`))
        .toThrow(/Test\/Bad: rule ARN must look like arn:aws:connect:<region>:<account>:instance\/<instance-id>\/rule\/<id>, got/);
      expect(() => Rule.fromRuleArn(stack, 'Worse', 'not-an-arn')).toThrow(/Test\/Worse: rule ARN must look like/);
    });
  });
});
