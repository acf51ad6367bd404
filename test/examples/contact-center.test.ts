import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ContactCenterStack } from '../../examples/contact-center/contact-center-stack';
import { parseContent } from '../flows/render';

describe('example contact center', () => {
  const app = new App();
  const stack = new ContactCenterStack(app, 'ExampleContactCenter', {
    env: { account: '111122223333', region: 'eu-west-2' },
  });
  const template = Template.fromStack(stack);

  /** The logical id of the one resource of a type with the given name. */
  function logicalIdOf(type: string, name: string): string {
    const ids = Object.keys(template.findResources(type, { Properties: { Name: name } }));
    expect(ids).toHaveLength(1);
    return ids[0];
  }

  /** The flow resource of the given name and its flow language document, with the CloudFormation expressions in it. */
  function flowNamed(name: string): { resource: any; document: any } {
    const resource = template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: name } })[logicalIdOf('AWS::Connect::ContactFlow', name)];
    return { resource, document: parseContent(resource.Properties.Content) };
  }

  /** The action of a flow document with the given identifier. */
  function actionOf(document: any, identifier: string): any {
    const action = document.Actions.find((candidate: any) => candidate.Identifier === identifier);
    expect(action).toBeDefined();
    return action;
  }

  /** The error branches of an action: error type → identifier of the next action. */
  function errorsOf(action: any): Record<string, string> {
    return Object.fromEntries((action.Transitions.Errors ?? []).map((branch: any) => [branch.ErrorType, branch.NextAction]));
  }

  /** The condition branches of an action: first operand → identifier of the next action. */
  function conditionsOf(action: any): Record<string, string> {
    return Object.fromEntries((action.Transitions.Conditions ?? []).map((branch: any) => [branch.Condition.Operands[0], branch.NextAction]));
  }

  const FLOW_NAMES = ['Inbound', 'Chat', 'Customer queue', 'Task routing', 'Transfer to agent', 'Transfer to queue'];

  test('matches the reviewed snapshot', () => {
    // Asset hashes change with every change of the handler bundle or the example's function: the snapshot shows that
    // an asset is there; the hash itself is noise in review.
    const json = JSON.stringify(template.toJSON()).replace(/\b[0-9a-f]{64}(\.zip)?\b/g, '<asset-hash>$1');
    expect(JSON.parse(json)).toMatchSnapshot();
  });

  test('has every core construct the README promises', () => {
    const counts: Record<string, number> = {
      'AWS::Connect::Instance': 1,
      'AWS::Connect::HoursOfOperation': 2,
      'AWS::Connect::Queue': 3,
      'AWS::Connect::RoutingProfile': 2,
      'AWS::Connect::ContactFlow': 6,
      'AWS::Connect::User': 3,
      'AWS::Connect::UserHierarchyStructure': 1,
      'AWS::Connect::UserHierarchyGroup': 3,
      'AWS::Connect::SecurityProfile': 2,
      'AWS::Connect::QuickConnect': 3,
      'AWS::Connect::AgentStatus': 1,
      'AWS::Connect::Prompt': 1,
      'AWS::Connect::PhoneNumber': 1,
      'AWS::Connect::InstanceStorageConfig': 2,
      'AWS::Connect::TaskTemplate': 1,
      'AWS::Connect::View': 1,
      'AWS::Connect::ViewVersion': 1,
      'AWS::Connect::EvaluationForm': 1,
      'AWS::Connect::Vocabulary': 1,
      'AWS::Connect::Rule': 2,
    };
    for (const [type, count] of Object.entries(counts)) {
      template.resourceCountIs(type, count);
    }
  });

  test('stores call recordings and chat transcripts in the KMS-encrypted bucket', () => {
    for (const resourceType of ['CALL_RECORDINGS', 'CHAT_TRANSCRIPTS']) {
      template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
        ResourceType: resourceType,
        StorageType: 'S3',
        S3Config: {
          BucketName: { Ref: Match.stringLikeRegexp('^Recordings') },
          EncryptionConfig: { EncryptionType: 'KMS', KeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RecordingsKey'), 'Arn'] } },
        },
      });
    }
  });

  test('every flow is built from typed actions: no pasted ARNs, no placeholders, every error handled', () => {
    // Actions whose type raises no errors (or ends the flow) have no error branch; every other one handles them.
    const withoutErrors = ['UpdateFlowLoggingBehavior', 'UpdateContactRecordingBehavior', 'Compare', 'Loop', 'DisconnectParticipant', 'EndFlowExecution'];
    for (const name of FLOW_NAMES) {
      const { resource, document } = flowNamed(name);
      const content = JSON.stringify(resource.Properties.Content);
      expect(content).not.toMatch(/arn:aws/);
      expect(content).not.toMatch(/\$\{/);
      expect(document.Version).toBe('2019-10-30');
      expect(document.Metadata).toBeDefined(); // positions for the flow designer
      for (const action of document.Actions) {
        expect(action.Identifier).toMatch(/^[a-z]+(-[a-z]+)*$/);
        if (!withoutErrors.includes(action.Type)) {
          expect({ flow: name, action: action.Identifier, handled: errorsOf(action).NoMatchingError !== undefined })
            .toEqual({ flow: name, action: action.Identifier, handled: true });
        }
      }
    }
  });

  test('the inbound flow references the queues, hours, prompt, Lambda function and flows by GetAtt', () => {
    const { resource, document } = flowNamed('Inbound');
    const support = logicalIdOf('AWS::Connect::Queue', 'Support');
    const priority = logicalIdOf('AWS::Connect::Queue', 'Priority support');
    expect(document.StartAction).toBe('enable-logging');
    expect(actionOf(document, 'welcome').Parameters).toEqual({
      PromptId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::Prompt', 'Welcome'), 'PromptArn'] },
    });
    expect(actionOf(document, 'lookup-customer').Parameters).toEqual({
      LambdaFunctionARN: { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { PREMIUM_PREFIXES: Match.anyValue() } } } }))[0], 'Arn'] },
      InvocationTimeLimitSeconds: '3',
      ResponseValidation: { ResponseType: 'STRING_MAP' },
    });
    expect(actionOf(document, 'check-hours').Parameters).toEqual({
      HoursOfOperationId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::HoursOfOperation', 'Support hours'), 'HoursOfOperationArn'] },
    });
    expect(actionOf(document, 'set-support-queue').Parameters).toEqual({ QueueId: { 'Fn::GetAtt': [support, 'QueueArn'] } });
    expect(actionOf(document, 'set-priority-queue').Parameters).toEqual({ QueueId: { 'Fn::GetAtt': [priority, 'QueueArn'] } });
    expect(actionOf(document, 'set-queue-flow').Parameters).toEqual({
      EventHooks: { CustomerQueue: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::ContactFlow', 'Customer queue'), 'ContactFlowArn'] } },
    });
    expect(actionOf(document, 'request-callback').Parameters).toMatchObject({
      ContactFlowId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::ContactFlow', 'Task routing'), 'ContactFlowArn'] },
      Attributes: { customerPhoneNumber: '$.CustomerEndpoint.Address' },
    });

    // Connect must know the Lambda function before the flow that invokes it is created.
    const [association] = Object.keys(template.findResources('AWS::Connect::IntegrationAssociation', {
      Properties: { IntegrationType: 'LAMBDA_FUNCTION' },
    }));
    expect(association).toBeDefined();
    expect(resource.DependsOn).toEqual([association]);
  });

  test('the inbound flow routes by opening hours, tier and a DTMF menu', () => {
    const { document } = flowNamed('Inbound');
    expect(conditionsOf(actionOf(document, 'check-hours'))).toEqual({ True: 'choose-queue', False: 'closed' });
    expect(errorsOf(actionOf(document, 'check-hours'))).toEqual({ NoMatchingError: 'closed' });
    // Premium customers skip the menu.
    const chooseQueue = actionOf(document, 'choose-queue');
    expect(chooseQueue.Parameters).toEqual({ ComparisonValue: '$.Attributes.customerTier' });
    expect(conditionsOf(chooseQueue)).toEqual({ premium: 'set-priority-queue' });
    expect(errorsOf(chooseQueue)).toEqual({ NoMatchingCondition: 'support-menu' });
    // 1: the support queue; 2: a callback task; another key: try again (three times at most); no key: the queue.
    const menu = actionOf(document, 'support-menu');
    expect(menu.Type).toBe('GetParticipantInput');
    expect(menu.Parameters).toMatchObject({ InputTimeLimitSeconds: '8', StoreInput: 'False' });
    expect(conditionsOf(menu)).toEqual({ 1: 'set-support-queue', 2: 'request-callback' });
    expect(errorsOf(menu)).toEqual({
      NoMatchingCondition: 'invalid-choice',
      InputTimeLimitExceeded: 'set-support-queue',
      NoMatchingError: 'set-support-queue',
    });
    expect(actionOf(document, 'invalid-choice').Transitions.NextAction).toBe('menu-retries');
    const retries = actionOf(document, 'menu-retries');
    expect(retries.Parameters).toEqual({ LoopCount: '2' });
    expect(conditionsOf(retries)).toEqual({ ContinueLooping: 'support-menu', DoneLooping: 'set-support-queue' });
    expect(actionOf(document, 'request-callback').Transitions.NextAction).toBe('callback-confirmed');
    // Into the queue, with the customer queue flow; a full queue is told so.
    expect(actionOf(document, 'set-queue-flow').Transitions.NextAction).toBe('transfer-to-queue');
    expect(errorsOf(actionOf(document, 'transfer-to-queue'))).toEqual({ QueueAtCapacity: 'queue-full', NoMatchingError: 'technical-problem' });
  });

  test('the chat flow signs customers in with the Cognito user pool, tells them where each outcome leads and routes them', () => {
    const { resource, document } = flowNamed('Chat');
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    const client = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0];
    const authenticate = actionOf(document, 'authenticate-customer');
    expect(authenticate.Type).toBe('AuthenticateParticipant');
    expect(authenticate.Parameters).toEqual({
      CognitoConfiguration: { UserPoolArn: { 'Fn::GetAtt': [pool, 'Arn'] }, AppClientId: { Ref: client } },
      TimeLimitMinutes: '5',
    });
    expect(authenticate.Transitions.NextAction).toBe('signed-in');
    expect(conditionsOf(authenticate)).toEqual({ OptedOut: 'opted-out' });
    expect(errorsOf(authenticate)).toEqual({ TimeLimitExceeded: 'sign-in-timed-out', NoMatchingError: 'sign-in-failed' });
    // Each outcome is told to the customer, then routed: signed in to the priority queue, guests to support.
    for (const [message, next] of [['signed-in', 'set-priority-queue'], ['opted-out', 'set-support-queue'],
      ['sign-in-failed', 'set-support-queue'], ['sign-in-timed-out', 'set-support-queue']]) {
      const action = actionOf(document, message);
      expect(action.Type).toBe('MessageParticipant');
      expect(action.Parameters.Text).toEqual(expect.any(String));
      expect(action.Transitions.NextAction).toBe(next);
      expect(errorsOf(action)).toEqual({ NoMatchingError: next });
    }
    expect(actionOf(document, 'set-priority-queue').Parameters).toEqual({
      QueueId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::Queue', 'Priority support'), 'QueueArn'] },
    });
    expect(actionOf(document, 'set-priority-queue').Transitions.NextAction).toBe('transfer-to-queue');
    // Out of hours, chats are told so before anyone is asked to sign in.
    expect(conditionsOf(actionOf(document, 'check-hours'))).toEqual({ True: 'welcome', False: 'closed' });

    // The flow is created after the user pool's association with the instance (made by the provider).
    const association = Object.keys(template.findResources('Custom::ConnectIntegrationAssociation', {
      Properties: { IntegrationType: 'COGNITO_USER_POOL' },
    }));
    expect(association).toHaveLength(1);
    expect(resource.DependsOn).toEqual(association);
  });

  test('the customer queue, task routing and transfer flows keep their behaviour', () => {
    const queueFlow = flowNamed('Customer queue').document;
    expect(actionOf(queueFlow, 'set-voice').Parameters).toEqual({ TextToSpeechVoice: 'Joanna' });
    expect(actionOf(queueFlow, 'hold-messages').Parameters.Messages).toEqual([
      { Text: expect.stringMatching(/^Thank you for waiting/) },
      { PromptId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::Prompt', 'Welcome'), 'PromptArn'] } },
    ]);
    expect(errorsOf(actionOf(queueFlow, 'hold-messages'))).toEqual({ NoMatchingError: 'end' });

    const taskFlow = flowNamed('Task routing').document;
    expect(actionOf(taskFlow, 'set-queue').Parameters).toEqual({
      QueueId: { 'Fn::GetAtt': [logicalIdOf('AWS::Connect::Queue', 'Support'), 'QueueArn'] },
    });
    expect(errorsOf(actionOf(taskFlow, 'transfer-to-queue'))).toEqual({ QueueAtCapacity: 'end', NoMatchingError: 'end' });

    const agentTransfer = flowNamed('Transfer to agent');
    expect(agentTransfer.resource.Properties.Type).toBe('AGENT_TRANSFER');
    expect(errorsOf(actionOf(agentTransfer.document, 'transfer-to-agent'))).toEqual({ NoMatchingError: 'disconnect' });
    const queueTransfer = flowNamed('Transfer to queue');
    expect(queueTransfer.resource.Properties.Type).toBe('QUEUE_TRANSFER');
    expect(errorsOf(actionOf(queueTransfer.document, 'transfer-to-queue'))).toEqual({ QueueAtCapacity: 'disconnect', NoMatchingError: 'disconnect' });
  });

  test('user passwords come from Secrets Manager, never plaintext', () => {
    const users = template.findResources('AWS::Connect::User');
    for (const user of Object.values(users)) {
      expect(JSON.stringify(user.Properties.Password)).toMatch(/resolve:secretsmanager/);
    }
  });

  test('tasks from the callback template and the cancellation rule start in the task routing flow', () => {
    const flows = template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: 'Task routing' } });
    const [taskFlowId] = Object.keys(flows);
    template.hasResourceProperties('AWS::Connect::TaskTemplate', {
      Name: 'Callback',
      ContactFlowArn: { 'Fn::GetAtt': [taskFlowId, 'ContactFlowArn'] },
    });
    template.hasResourceProperties('AWS::Connect::Rule', {
      Name: 'cancellation-risk',
      TriggerEventSource: { EventSourceName: 'OnPostCallAnalysisAvailable' },
      Actions: Match.objectLike({
        AssignContactCategoryActions: Match.anyValue(),
        TaskActions: [Match.objectLike({ ContactFlowArn: { 'Fn::GetAtt': [taskFlowId, 'ContactFlowArn'] } })],
      }),
    });
  });

  test('the evaluation form weighs its sections to 100', () => {
    const forms = Object.values(template.findResources('AWS::Connect::EvaluationForm'));
    expect(forms).toHaveLength(1);
    const sections = forms[0].Properties.Items.map((item: any) => item.Section.Weight);
    expect(sections.reduce((a: number, b: number) => a + b, 0)).toBe(100);
  });

  test('claims a phone number for the instance', () => {
    template.hasResourceProperties('AWS::Connect::PhoneNumber', {
      CountryCode: 'US',
      Type: 'DID',
      TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Arn'] },
    });
  });

  test('the main line is answered by the inbound flow (a custom resource: CloudFormation has no property for it)', () => {
    const inbound = Object.keys(template.findResources('AWS::Connect::ContactFlow', { Properties: { Name: 'Inbound' } }))[0];
    const mainLine = Object.keys(template.findResources('AWS::Connect::PhoneNumber'))[0];
    template.hasResourceProperties('Custom::ConnectPhoneNumberFlow', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkConnectProviderHandler'), 'Arn'] },
      PhoneNumberArn: { 'Fn::GetAtt': [mainLine, 'PhoneNumberArn'] },
      ContactFlowArn: { 'Fn::GetAtt': [inbound, 'ContactFlowArn'] },
    });
  });

  test('turns on message streaming, an instance attribute CloudFormation lacks', () => {
    template.hasResourceProperties('Custom::ConnectInstanceAttribute', {
      InstanceId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Instance'), 'Id'] },
      AttributeType: 'MESSAGE_STREAMING',
      Value: 'true',
    });
    const instance = Object.values(template.findResources('AWS::Connect::Instance'))[0];
    expect(instance.Properties.Attributes.MessageStreaming).toBeUndefined();
  });

  test('chat customers authenticate with a Cognito user pool associated through the Connect API', () => {
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    template.hasResourceProperties('Custom::ConnectIntegrationAssociation', {
      IntegrationType: 'COGNITO_USER_POOL',
      IntegrationArn: { 'Fn::GetAtt': [pool, 'Arn'] },
    });
    // Cognito sends customers back to the redirect endpoint, whose URL the chat client passes to GetAuthenticationUrl.
    const [functionUrl] = Object.keys(template.findResources('AWS::Lambda::Url'));
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [{ 'Fn::GetAtt': [functionUrl, 'FunctionUrl'] }],
    });
    template.hasOutput('ChatSignInRedirectUri', { Value: { 'Fn::GetAtt': [functionUrl, 'FunctionUrl'] } });
  });

  test('the website starts chats in the chat flow through the chat-start endpoint', () => {
    const chatFlow = logicalIdOf('AWS::Connect::ContactFlow', 'Chat');
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://www.example.com'] }) });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'connect:StartChatContact', Effect: 'Allow', Resource: { 'Fn::GetAtt': [chatFlow, 'ContactFlowArn'] } }] },
    });
    template.hasOutput('StartChatUrl', {});
  });

  test('one provider serves every custom resource, with a log retention and a policy scoped to the instance', () => {
    // the provider, the customer lookup, S3 auto-delete, and the chat endpoints (redirect and chat start)
    template.resourceCountIs('AWS::Lambda::Function', 5);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^CdkConnectProviderLogs') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    const policy = Object.values(template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('^CdkConnectProviderPolicy') },
    }))[0];
    const statements: Array<{ Action: string | string[]; Resource: unknown }> = policy.Properties.PolicyDocument.Statement;
    for (const statement of statements) {
      const actions = ([] as string[]).concat(statement.Action);
      if (statement.Resource === '*') {
        // Only actions that have no resource-level permissions may name every resource.
        expect(actions).toEqual(['ds:DescribeDirectories']);
      }
    }
    const actions = statements.flatMap((statement) => ([] as string[]).concat(statement.Action));
    expect(actions).toEqual(expect.arrayContaining([
      'connect:UpdateInstanceAttribute',
      'connect:CreateIntegrationAssociation',
      'connect:AssociatePhoneNumberContactFlow',
    ]));
    for (const resource of ['Custom::ConnectInstanceAttribute', 'Custom::ConnectIntegrationAssociation', 'Custom::ConnectPhoneNumberFlow']) {
      for (const custom of Object.values(template.findResources(resource))) {
        expect(custom.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^CdkConnectProviderPolicy/)]));
      }
    }
  });
});
