import * as path from 'path';
import { Aws, CfnResource, Duration, RemovalPolicy, SecretValue, Stack, StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  AgentStatus,
  Channel,
  ContactFlow,
  ContactFlowType,
  DayOfWeek,
  EvaluationForm,
  EvaluationFormQuestion,
  EvaluationFormScoringMode,
  EvaluationFormSection,
  EvaluationFormStatus,
  FlowContent,
  FlowReference,
  HoursOfOperation,
  IdentityManagementType,
  Instance,
  InstanceAttributeType,
  Permission,
  PhoneNumber,
  PhoneNumberTarget,
  PhoneNumberType,
  PhoneType,
  Prompt,
  PromptSource,
  Queue,
  QuickConnect,
  QuickConnectTarget,
  RoutingProfile,
  Rule,
  RuleAction,
  RuleCondition,
  RuleField,
  RuleFilter,
  RuleTrigger,
  ParticipantRole,
  SecurityProfile,
  SentimentState,
  StorageResourceType,
  StorageTarget,
  TaskTemplate,
  TaskTemplateField,
  TimeRange,
  User,
  UserHierarchyGroup,
  UserHierarchyStructure,
  View,
  ViewTemplate,
  Vocabulary,
  VocabularyContent,
  VocabularyLanguageCode,
  WeeklySchedule,
} from '../../src';

const FLOWS = path.join(__dirname, 'flows');

/**
 * A small but complete contact center: one instance that keeps call recordings and chat transcripts in a
 * KMS-encrypted bucket, support and sales lines with their own hours, three queues, two routing profiles,
 * flows that reference queues, prompts and a Lambda function, three agents in a hierarchy, two security
 * profiles, quick connects, a custom agent status, a prompt from a local audio file and a claimed number;
 * callback tasks with a task template and a step-by-step view; and quality management with a Contact Lens
 * vocabulary, an evaluation form and rules (a cancellation-risk callback and a queue backlog notification).
 *
 * Everything it needs is created here: deploy it as it is with `npx aws-cdk@2 deploy`.
 */
export class ContactCenterStack extends Stack {
  public readonly instance: Instance;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    // ---- The instance and where it keeps its data ------------------------------------------------------------
    this.instance = new Instance(this, 'Instance', {
      // Instance aliases are unique per region across all of AWS: derive one from the account.
      instanceAlias: `example-cc-${Aws.ACCOUNT_ID}`,
      identityManagement: IdentityManagementType.CONNECT_MANAGED,
      inboundCalls: true,
      outboundCalls: true,
      contactFlowLogs: true,
      contactLens: true,
      // An example should leave nothing behind on `cdk destroy`; a production instance keeps the default (RETAIN).
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Message streaming (chat messages streamed to an SNS topic or an SMS service) is an instance attribute that
    // CloudFormation's Attributes lacks: the stack's cdk-connect provider sets it through the Connect API, and
    // restores the previous value when the attribute is removed from the stack.
    this.instance.setAttribute(InstanceAttributeType.MESSAGE_STREAMING, true);

    // Chat customers sign in with this user pool (the Authenticate Customer block in a chat flow). Connect takes
    // the pool through an integration association of type COGNITO_USER_POOL, which CloudFormation cannot create:
    // the provider makes it through the Connect API.
    const chatCustomers = new cognito.UserPool(this, 'ChatCustomers', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    chatCustomers.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: `example-cc-chat-${Aws.ACCOUNT_ID}` },
    });
    chatCustomers.addClient('ChatWidget', {
      // Connect's chat authentication supports app clients without a secret, redirecting to its participant service.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`https://participant.connect.${this.region}.amazonaws.com/participant/authentication/update`],
      },
    });
    this.instance.associateCognitoUserPool(chatCustomers);

    const recordingsKey = new kms.Key(this, 'RecordingsKey', {
      description: 'Encrypts the contact center call recordings and chat transcripts',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const recordings = new s3.Bucket(this, 'Recordings', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: recordingsKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.instance.addStorageConfig(StorageResourceType.CALL_RECORDINGS,
      StorageTarget.s3(recordings, { prefix: 'call-recordings', encryptionKey: recordingsKey }));
    this.instance.addStorageConfig(StorageResourceType.CHAT_TRANSCRIPTS,
      StorageTarget.s3(recordings, { prefix: 'chat-transcripts', encryptionKey: recordingsKey }));

    // ---- Opening hours ---------------------------------------------------------------------------------------
    const supportHours = new HoursOfOperation(this, 'SupportHours', {
      instance: this.instance,
      hoursOfOperationName: 'Support hours',
      description: 'Support line: weekdays 08:00-18:00',
      timeZone: 'America/New_York',
      schedule: WeeklySchedule.weekdays(TimeRange.of('08:00', '18:00')),
      overrides: [{
        name: 'Christmas',
        description: 'Closed over Christmas',
        effectiveFrom: '2027-12-24',
        effectiveTill: '2027-12-26',
      }],
    });
    const salesHours = new HoursOfOperation(this, 'SalesHours', {
      instance: this.instance,
      hoursOfOperationName: 'Sales hours',
      description: 'Sales line: weekdays 09:00-17:30, Saturday mornings',
      timeZone: 'America/New_York',
      schedule: WeeklySchedule.weekdays(TimeRange.of('09:00', '12:30'), TimeRange.of('13:30', '17:30')),
    });
    salesHours.addDay(DayOfWeek.SATURDAY, TimeRange.of('09:00', '12:00'));

    // ---- Queues ----------------------------------------------------------------------------------------------
    const support = new Queue(this, 'SupportQueue', {
      instance: this.instance,
      queueName: 'Support',
      description: 'General support',
      hoursOfOperation: supportHours,
      maxContacts: 50,
    });
    const priority = new Queue(this, 'PriorityQueue', {
      instance: this.instance,
      queueName: 'Priority support',
      description: 'Support for premium customers',
      hoursOfOperation: supportHours,
    });
    const sales = new Queue(this, 'SalesQueue', {
      instance: this.instance,
      queueName: 'Sales',
      description: 'New business',
      hoursOfOperation: salesHours,
    });

    // ---- Prompts, the customer lookup and the flows --------------------------------------------------------
    const welcome = new Prompt(this, 'WelcomePrompt', {
      instance: this.instance,
      promptName: 'Welcome',
      description: 'Greeting played at the start of every call',
      source: PromptSource.fromAsset(path.join(__dirname, 'assets', 'welcome.wav')),
    });

    const customerLookup = new lambda.Function(this, 'CustomerLookup', {
      description: 'Looks the caller up and returns their customer tier to the inbound flow',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, 'lambda', 'customer-lookup')),
      timeout: Duration.seconds(3),
      environment: { PREMIUM_PREFIXES: '+1202555' },
    });

    const customerQueueFlow = new ContactFlow(this, 'CustomerQueueFlow', {
      instance: this.instance,
      contactFlowName: 'Customer queue',
      description: 'What callers hear while they wait',
      type: ContactFlowType.CUSTOMER_QUEUE,
      content: FlowContent.fromFile(path.join(FLOWS, 'customer-queue.json'), {
        references: [FlowReference.prompt('WelcomePrompt', welcome)],
      }),
    });

    const inboundFlow = new ContactFlow(this, 'InboundFlow', {
      instance: this.instance,
      contactFlowName: 'Inbound',
      description: 'Greets, looks the caller up and routes them by tier and opening hours',
      type: ContactFlowType.CONTACT_FLOW,
      content: FlowContent.fromFile(path.join(FLOWS, 'inbound.json'), {
        references: [
          FlowReference.prompt('WelcomePrompt', welcome),
          FlowReference.lambdaFunction('CustomerLookup', customerLookup),
          FlowReference.hoursOfOperation('SupportHours', supportHours),
          FlowReference.queue('SupportQueue', support),
          FlowReference.queue('PriorityQueue', priority),
          FlowReference.contactFlow('CustomerQueueFlow', customerQueueFlow),
        ],
      }),
    });

    const agentTransferFlow = new ContactFlow(this, 'AgentTransferFlow', {
      instance: this.instance,
      contactFlowName: 'Transfer to agent',
      type: ContactFlowType.AGENT_TRANSFER,
      content: FlowContent.fromFile(path.join(FLOWS, 'agent-transfer.json')),
    });
    const queueTransferFlow = new ContactFlow(this, 'QueueTransferFlow', {
      instance: this.instance,
      contactFlowName: 'Transfer to queue',
      type: ContactFlowType.QUEUE_TRANSFER,
      content: FlowContent.fromFile(path.join(FLOWS, 'queue-transfer.json')),
    });

    // ---- The phone number callers dial ---------------------------------------------------------------------
    const mainLine = new PhoneNumber(this, 'MainLine', {
      target: PhoneNumberTarget.instance(this.instance),
      // US numbers need no regulatory documents; claim them in a Region where Connect offers them (us-east-1,
      // us-west-2). Elsewhere, change the country, type and prefix to ones your Region offers.
      countryCode: 'US',
      type: PhoneNumberType.DID,
      description: 'Main support line',
      // An example releases its number on `cdk destroy`; the default (RETAIN) keeps a production number.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // ---- Routing ---------------------------------------------------------------------------------------------
    const supportProfile = new RoutingProfile(this, 'SupportProfile', {
      instance: this.instance,
      routingProfileName: 'Support agents',
      description: 'Voice and chat support',
      defaultOutboundQueue: support,
      mediaConcurrencies: [
        { channel: Channel.VOICE, concurrency: 1 },
        { channel: Channel.CHAT, concurrency: 3 },
        { channel: Channel.TASK, concurrency: 2 },
      ],
      queues: [
        { queue: priority, priority: 1 },
        { queue: support, priority: 2 },
        { queue: sales, priority: 3, delay: Duration.seconds(30), channels: [Channel.VOICE] },
      ],
    });
    const salesProfile = new RoutingProfile(this, 'SalesProfile', {
      instance: this.instance,
      routingProfileName: 'Sales agents',
      description: 'Voice sales',
      defaultOutboundQueue: sales,
      mediaConcurrencies: [{ channel: Channel.VOICE, concurrency: 1 }],
    });
    salesProfile.addQueue(sales, { priority: 1 });

    // ---- Who may do what ---------------------------------------------------------------------------------------
    const agentProfile = new SecurityProfile(this, 'AgentSecurityProfile', {
      instance: this.instance,
      securityProfileName: 'Example agent',
      description: 'Takes and makes contacts',
      permissions: [Permission.BASIC_AGENT_ACCESS, Permission.OUTBOUND_CALL_ACCESS, Permission.CONTACT_SEARCH_VIEW],
    });
    const supervisorProfile = new SecurityProfile(this, 'SupervisorSecurityProfile', {
      instance: this.instance,
      securityProfileName: 'Example supervisor',
      description: 'Agent access plus metrics, recordings and listen-in',
      permissions: [
        Permission.BASIC_AGENT_ACCESS,
        Permission.OUTBOUND_CALL_ACCESS,
        Permission.ACCESS_METRICS,
        Permission.REAL_TIME_METRICS_ACCESS,
        Permission.LISTEN_CALL_RECORDINGS,
        Permission.MANAGER_LISTEN_IN,
      ],
    });

    // ---- Agents in a hierarchy ---------------------------------------------------------------------------------
    const structure = new UserHierarchyStructure(this, 'Hierarchy', {
      instance: this.instance,
      levelOne: 'Site',
      levelTwo: 'Team',
    });
    const london = new UserHierarchyGroup(this, 'London', { instance: this.instance, userHierarchyGroupName: 'London', structure });
    const supportTeam = new UserHierarchyGroup(this, 'SupportTeam', { instance: this.instance, userHierarchyGroupName: 'Support team', parent: london });
    const salesTeam = new UserHierarchyGroup(this, 'SalesTeam', { instance: this.instance, userHierarchyGroupName: 'Sales team', parent: london });

    // The agents' first password: generated into Secrets Manager, never written into the template.
    const initialPassword = new secretsmanager.Secret(this, 'InitialAgentPassword', {
      description: 'First sign-in password of the example agents',
      generateSecretString: {
        passwordLength: 20,
        requireEachIncludedType: true,
        excludeCharacters: '"\'\\/@`',
      },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const password = SecretValue.secretsManager(initialPassword.secretArn);

    new User(this, 'Alice', {
      instance: this.instance,
      username: 'alice',
      password,
      identityInfo: { firstName: 'Alice', lastName: 'Agent', email: 'alice@example.com' },
      phoneConfig: { phoneType: PhoneType.SOFT_PHONE, autoAccept: true, afterContactWorkTimeLimit: Duration.seconds(30) },
      routingProfile: supportProfile,
      securityProfiles: [agentProfile],
      hierarchyGroup: supportTeam,
    });
    const bob = new User(this, 'Bob', {
      instance: this.instance,
      username: 'bob',
      password,
      identityInfo: { firstName: 'Bob', lastName: 'Seller', email: 'bob@example.com' },
      phoneConfig: { phoneType: PhoneType.SOFT_PHONE, afterContactWorkTimeLimit: Duration.minutes(1) },
      routingProfile: salesProfile,
      securityProfiles: [agentProfile],
      hierarchyGroup: salesTeam,
    });
    const carol = new User(this, 'Carol', {
      instance: this.instance,
      username: 'carol',
      password,
      identityInfo: { firstName: 'Carol', lastName: 'Supervisor', email: 'carol@example.com' },
      phoneConfig: { phoneType: PhoneType.SOFT_PHONE },
      routingProfile: supportProfile,
      securityProfiles: [agentProfile, supervisorProfile],
      hierarchyGroup: london,
    });

    // ---- Transfers ---------------------------------------------------------------------------------------------
    const toSales = new QuickConnect(this, 'ToSales', {
      instance: this.instance,
      quickConnectName: 'Sales',
      description: 'Transfer to the sales queue',
      target: QuickConnectTarget.queue(sales, queueTransferFlow),
    });
    // A quick connect to an agent cannot sit on a queue that the agent's own routing profile serves: the user
    // depends on the profile, the profile on the queue, and the queue on the quick connect (a CloudFormation
    // dependency cycle). Bob works the sales queue, so support agents can hand callers to him.
    const toBob = new QuickConnect(this, 'ToBob', {
      instance: this.instance,
      quickConnectName: 'Bob in sales',
      description: 'Transfer to Bob, our sales lead',
      target: QuickConnectTarget.user(bob, agentTransferFlow),
    });
    const toHeadOffice = new QuickConnect(this, 'ToHeadOffice', {
      instance: this.instance,
      quickConnectName: 'Head office',
      description: 'External transfer to head office reception',
      target: QuickConnectTarget.phoneNumber('+12025550100'),
    });
    support.addQuickConnect(toSales);
    support.addQuickConnect(toBob);
    support.addQuickConnect(toHeadOffice);
    priority.addQuickConnect(toBob);

    // ---- Agent statuses --------------------------------------------------------------------------------------
    new AgentStatus(this, 'TrainingStatus', {
      instance: this.instance,
      agentStatusName: 'Training',
      description: 'In training: not routable',
      displayOrder: 3,
    });

    // ---- Tasks: callbacks that agents schedule, routed to the support queue ----------------------------------
    const taskRoutingFlow = new ContactFlow(this, 'TaskRoutingFlow', {
      instance: this.instance,
      contactFlowName: 'Task routing',
      description: 'Routes tasks to the support queue',
      type: ContactFlowType.CONTACT_FLOW,
      content: FlowContent.fromFile(path.join(FLOWS, 'task-routing.json'), {
        references: [FlowReference.queue('SupportQueue', support)],
      }),
    });
    new TaskTemplate(this, 'CallbackTemplate', {
      instance: this.instance,
      taskTemplateName: 'Callback',
      description: 'Call a customer back',
      contactFlow: taskRoutingFlow,
      fields: [
        TaskTemplateField.taskName('Name'),
        TaskTemplateField.taskDescription('Description'),
        TaskTemplateField.singleSelect('Priority', ['Low', 'Normal', 'High'], { defaultValue: 'Normal' }),
        TaskTemplateField.text('Customer phone number', { required: true }),
      ],
    });

    // A step-by-step guide agents fill in to request a callback.
    const callbackForm = new View(this, 'CallbackView', {
      instance: this.instance,
      viewName: 'Callback request',
      description: 'Form to request a callback for the caller',
      template: ViewTemplate.fromFile(path.join(__dirname, 'views', 'callback-form.json')),
      actions: ['Submit', 'Cancel'],
    });
    callbackForm.addVersion('V1', { description: 'First release' });

    // ---- Quality: Contact Lens vocabulary, an evaluation form and rules ----------------------------------------
    const productNames = new Vocabulary(this, 'ProductNames', {
      instance: this.instance,
      vocabularyName: 'example-product-names',
      languageCode: VocabularyLanguageCode.EN_US,
      content: VocabularyContent.fromFile(path.join(__dirname, 'vocabulary', 'product-names.txt')),
    });
    // cfn-lint 1.51 ships no schema for AWS::Connect::Vocabulary (aws-cdk-lib 2.276 and CloudFormation have it).
    (productNames.node.defaultChild as CfnResource).addMetadata('cfn-lint', { config: { ignore_checks: ['E3006'] } });

    new EvaluationForm(this, 'CallQuality', {
      instance: this.instance,
      title: 'Call quality',
      description: 'How well a support call was handled',
      status: EvaluationFormStatus.ACTIVE,
      scoringStrategy: { mode: EvaluationFormScoringMode.SECTION_ONLY },
      sections: [
        EvaluationFormSection.of({
          title: 'Greeting',
          weight: 30,
          items: [EvaluationFormQuestion.singleSelect({
            title: 'Did the agent greet the customer by name?',
            options: [{ text: 'Yes', score: 10 }, { text: 'Partly', score: 5 }, { text: 'No', score: 0 }],
            notApplicableEnabled: true,
          })],
        }),
        EvaluationFormSection.of({
          title: 'Resolution',
          weight: 70,
          items: [
            EvaluationFormQuestion.singleSelect({
              title: 'Was the issue resolved?',
              options: [{ text: 'Yes', score: 10 }, { text: 'No', score: 0 }],
            }),
            EvaluationFormQuestion.text({ title: 'What could the agent have done better?' }),
          ],
        }),
      ],
    });

    new Rule(this, 'CancellationRisk', {
      instance: this.instance,
      ruleName: 'cancellation-risk',
      trigger: RuleTrigger.ON_POST_CALL_ANALYSIS_AVAILABLE,
      condition: RuleCondition.allOf(
        RuleCondition.exactMatch(['cancel my account', 'close my account'], { participant: ParticipantRole.CUSTOMER }),
        RuleCondition.sentiment(SentimentState.NEGATIVE, { participant: ParticipantRole.CUSTOMER }),
      ),
      actions: [
        RuleAction.assignContactCategory(),
        RuleAction.createTask({
          name: 'Call back a customer at risk of cancelling',
          contactFlow: taskRoutingFlow,
        }),
      ],
    });
    new Rule(this, 'SupportBacklog', {
      instance: this.instance,
      ruleName: 'support-backlog',
      trigger: RuleTrigger.ON_METRIC_DATA_UPDATE,
      condition: RuleCondition.atLeast(RuleField.metric('CONTACTS_IN_QUEUE'), 10, {
        filters: [RuleFilter.metricQueues([support]), RuleFilter.metricChannels([Channel.VOICE])],
      }),
      actions: [
        RuleAction.sendNotification({
          subject: 'Support queue backlog',
          content: 'Ten or more calls are waiting in the Support queue.',
          users: [carol],
        }),
      ],
    });

    // The main line is answered by the inbound flow. CloudFormation has no property for it: the provider
    // associates the number with the flow through the Connect API.
    mainLine.associateFlow(inboundFlow);
  }
}
