import * as path from 'path';
import { Aws, CfnOutput, CfnResource, Duration, RemovalPolicy, SecretValue, Stack, StackProps } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  AgentStatus,
  AuthenticateParticipant,
  Channel,
  ChatCustomerAuthentication,
  ChatMessageContentType,
  ChatStartEndpoint,
  CheckHoursOfOperation,
  Compare,
  ContactAttribute,
  ContactEventHook,
  ContactFlow,
  ContactFlowType,
  CreateTask,
  CreateTaskReferenceType,
  DayOfWeek,
  DisconnectParticipant,
  EndFlowExecution,
  EvaluationForm,
  EvaluationFormQuestion,
  EvaluationFormScoringMode,
  EvaluationFormSection,
  EvaluationFormStatus,
  FlowCondition,
  FlowDefinition,
  GetParticipantInput,
  HoursOfOperation,
  IChatCustomerAuthentication,
  IContactFlow,
  IdentityManagementType,
  IFlowChainable,
  IHoursOfOperation,
  Instance,
  InstanceAttributeType,
  InvokeLambdaFunction,
  IPrompt,
  IQueue,
  LambdaResponseType,
  Loop,
  MessageParticipant,
  MessageParticipantIteratively,
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
  RecordedParticipant,
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
  TextToSpeechVoice,
  TimeRange,
  TransferContactToAgent,
  TransferContactToQueue,
  UpdateContactAttributes,
  UpdateContactEventHooks,
  UpdateContactRecordingBehavior,
  UpdateContactTargetQueue,
  UpdateContactTextToSpeechVoice,
  UpdateFlowLoggingBehavior,
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

/**
 * A small but complete contact center: one instance that keeps call recordings and chat transcripts in a
 * KMS-encrypted bucket, support and sales lines with their own hours, three queues, two routing profiles,
 * flows built from typed actions that reference queues, prompts, hours, a Lambda function and each other (a phone
 * menu that offers a callback, and a chat flow that signs customers in with a Cognito user pool, with the endpoints a
 * website's chat client needs to start chats and sign customers in), three agents in a
 * hierarchy, two security profiles, quick connects, a custom agent status, a prompt from a local audio file and a
 * claimed number; callback tasks with a task template and a step-by-step view; and quality management with a
 * Contact Lens vocabulary, an evaluation form and rules (a cancellation-risk callback and a queue backlog
 * notification).
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

    // Chat customers sign in with a Cognito user pool: the chat flow below asks them to with an AuthenticateParticipant
    // action (the Authenticate Customer block). ChatCustomerAuthentication makes the pool (customers sign up with their
    // email address), its sign-in domain, the app client, the pool's association with the instance (an integration
    // association that the provider makes through the Connect API) and the redirect endpoint that Cognito sends
    // customers back to, which passes the outcome to Connect (UpdateParticipantAuthentication) and tells the customer
    // to return to the chat. The chat client passes chatSignIn.redirectUri to GetAuthenticationUrl.
    const chatSignIn = new ChatCustomerAuthentication(this, 'ChatSignIn', {
      instance: this.instance,
      // Cognito domain prefixes are unique per region across all of AWS: derive one from the account.
      domainPrefix: `example-cc-chat-${Aws.ACCOUNT_ID}`,
      removalPolicy: RemovalPolicy.DESTROY,
    });

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

    // ---- Prompts and the customer lookup ---------------------------------------------------------------------
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

    // ---- Flows, built from typed actions ---------------------------------------------------------------------
    // Each flow is a FlowDefinition (see the functions below the class): actions that reference the queues, hours,
    // prompt, Lambda function and other flows of this stack as constructs. Synthesis checks every flow (each action
    // reachable, every error handled, each action allowed in the flow's type, parameters in range) and renders it
    // with the ARNs of those constructs; a flow is created after what it references.
    const customerQueueFlow = new ContactFlow(this, 'CustomerQueueFlow', {
      instance: this.instance,
      contactFlowName: 'Customer queue',
      description: 'What callers hear while they wait',
      type: ContactFlowType.CUSTOMER_QUEUE,
      content: customerQueueFlowDefinition(welcome),
    });

    // Tasks start in this flow: the callbacks that callers ask for in the inbound flow, the callback task template
    // and the cancellation-risk rule below.
    const taskRoutingFlow = new ContactFlow(this, 'TaskRoutingFlow', {
      instance: this.instance,
      contactFlowName: 'Task routing',
      description: 'Routes tasks to the support queue',
      type: ContactFlowType.CONTACT_FLOW,
      content: taskRoutingFlowDefinition(support),
    });

    const inboundFlow = new ContactFlow(this, 'InboundFlow', {
      instance: this.instance,
      contactFlowName: 'Inbound',
      description: 'Greets, looks the caller up and routes them by tier, opening hours and a menu',
      type: ContactFlowType.CONTACT_FLOW,
      content: inboundFlowDefinition({
        welcome,
        customerLookup,
        supportHours,
        support,
        priority,
        customerQueueFlow,
        callbackFlow: taskRoutingFlow,
      }),
    });

    // Chats start in this flow: customers who sign in with the user pool get priority support, guests the support queue.
    const chatFlow = new ContactFlow(this, 'ChatFlow', {
      instance: this.instance,
      contactFlowName: 'Chat',
      description: 'Signs chat customers in and routes them to priority support',
      type: ContactFlowType.CONTACT_FLOW,
      content: chatFlowDefinition({ signIn: chatSignIn, supportHours, support, priority }),
    });

    // The backend that the website's chat client calls to start a chat in the chat flow (StartChatContact), from the
    // website's origin only; the page the customer is on comes along as a contact attribute.
    const startChat = new ChatStartEndpoint(this, 'StartChat', {
      contactFlow: chatFlow,
      allowedOrigins: ['https://www.example.com'],
      allowedAttributes: ['page'],
      supportedMessagingContentTypes: [ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.MARKDOWN],
      chatDuration: Duration.hours(2),
    });
    new CfnOutput(this, 'StartChatUrl', { value: startChat.url, description: 'POST a chat request here to start a chat' });
    new CfnOutput(this, 'ChatSignInRedirectUri', {
      value: chatSignIn.redirectUri,
      description: 'The RedirectUri that the chat client passes to GetAuthenticationUrl',
    });

    const agentTransferFlow = new ContactFlow(this, 'AgentTransferFlow', {
      instance: this.instance,
      contactFlowName: 'Transfer to agent',
      type: ContactFlowType.AGENT_TRANSFER,
      content: agentTransferFlowDefinition(),
    });
    const queueTransferFlow = new ContactFlow(this, 'QueueTransferFlow', {
      instance: this.instance,
      contactFlowName: 'Transfer to queue',
      type: ContactFlowType.QUEUE_TRANSFER,
      content: queueTransferFlowDefinition(),
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

// ---- The flows ---------------------------------------------------------------------------------------------------
// Each function returns the content of one flow. Actions are created first and linked afterwards: `next()` for
// success, the typed branch methods (`whenInHours()`, `onQueueAtCapacity()`, `onTimeout()`, ...) and `when()`/
// `otherwise()` for outcomes, and `onError()` for every other error. An action's id is its identifier in the flow:
// keep it stable, so that the snapshot and the flow designer's history do not churn.

/** Says something to the customer, then continues with `then`, also when the message cannot be played. */
function say(id: string, text: string, then: IFlowChainable): MessageParticipant {
  const message = new MessageParticipant(id, { text });
  message.next(then);
  message.onError(then);
  return message;
}

/** What the inbound flow works with. */
interface InboundFlowResources {
  readonly welcome: IPrompt;
  readonly customerLookup: lambda.IFunction;
  readonly supportHours: IHoursOfOperation;
  readonly support: IQueue;
  readonly priority: IQueue;
  readonly customerQueueFlow: IContactFlow;
  /** The flow that callback tasks start in. */
  readonly callbackFlow: IContactFlow;
}

/**
 * The inbound flow of the main line: greets the caller, looks them up, and in opening hours sends premium customers
 * straight to the priority queue; other callers choose in a menu between the support queue and a callback.
 */
function inboundFlowDefinition(r: InboundFlowResources): FlowDefinition {
  const disconnect = new DisconnectParticipant('disconnect');
  const technicalProblem = say('technical-problem', 'Sorry, we are having technical problems. Please call back later.', disconnect);
  const closed = say('closed', 'We are closed. Our support line is open from 8 AM to 6 PM Eastern time, Monday to Friday.', disconnect);
  const queueFull = say('queue-full', 'All of our agents are busy right now. Please call back later.', disconnect);

  // Into a queue: the customer queue flow plays while the caller waits.
  const transferToQueue = new TransferContactToQueue('transfer-to-queue')
    .onQueueAtCapacity(queueFull)
    .onError(technicalProblem);
  const setQueueFlow = new UpdateContactEventHooks('set-queue-flow', {
    eventHook: ContactEventHook.CUSTOMER_QUEUE,
    flow: r.customerQueueFlow,
  });
  setQueueFlow.next(transferToQueue);
  setQueueFlow.onError(transferToQueue); // the default queue music is better than no call
  const setSupportQueue = new UpdateContactTargetQueue('set-support-queue', { queue: r.support });
  setSupportQueue.next(setQueueFlow);
  setSupportQueue.onError(technicalProblem);
  const setPriorityQueue = new UpdateContactTargetQueue('set-priority-queue', { queue: r.priority });
  setPriorityQueue.next(setQueueFlow);
  setPriorityQueue.onError(setSupportQueue);

  // A callback: a task for the support queue, which an agent works by calling the customer back.
  const callbackConfirmed = say('callback-confirmed',
    'Thank you. An agent will call you back shortly at the number you are calling from. Goodbye.', disconnect);
  const requestCallback = new CreateTask('request-callback', {
    name: 'Call back a customer',
    description: 'The customer asked for a callback instead of waiting in the support queue.',
    contactFlow: r.callbackFlow,
    attributes: { customerPhoneNumber: '$.CustomerEndpoint.Address' },
    references: [{ name: 'Customer phone number', type: CreateTaskReferenceType.STRING, value: '$.CustomerEndpoint.Address' }],
  });
  requestCallback.next(callbackConfirmed);
  requestCallback.onError(setSupportQueue); // no task: the caller waits in the queue instead

  // The menu: 1 for the support queue, 2 for a callback; three tries at most, then the support queue.
  const menu = new GetParticipantInput('support-menu', {
    text: 'To speak to an agent now, press 1. To have an agent call you back, press 2.',
    timeout: Duration.seconds(8),
  });
  const menuRetries = new Loop('menu-retries', { count: 2 })
    .whenLooping(menu)
    .whenDone(setSupportQueue);
  const invalidChoice = say('invalid-choice', 'Sorry, that is not one of the options.', menuRetries);
  menu
    .when(FlowCondition.equalTo('1'), setSupportQueue)
    .when(FlowCondition.equalTo('2'), requestCallback)
    .otherwise(invalidChoice);
  menu.onTimeout(setSupportQueue).onError(setSupportQueue);

  // Premium customers (the tier the lookup returned) skip the menu.
  const chooseQueue = new Compare('choose-queue', { value: '$.Attributes.customerTier' })
    .when(FlowCondition.equalTo('premium'), setPriorityQueue)
    .otherwise(menu);
  const checkHours = new CheckHoursOfOperation('check-hours', { hoursOfOperation: r.supportHours })
    .whenInHours(chooseQueue)
    .whenOutOfHours(closed);
  checkHours.onError(closed);

  // Who is calling: the Lambda function returns the customer's tier, kept as a contact attribute. When the lookup
  // fails the caller is treated as a standard customer.
  const saveTier = new UpdateContactAttributes('save-tier', {
    attributes: [ContactAttribute.fromJsonPath('customerTier', '$.External.customerTier')],
  });
  saveTier.next(checkHours);
  saveTier.onError(checkHours);
  const lookupCustomer = new InvokeLambdaFunction('lookup-customer', {
    lambdaFunction: r.customerLookup,
    timeout: Duration.seconds(3),
    responseValidation: LambdaResponseType.STRING_MAP,
  });
  lookupCustomer.next(saveTier);
  lookupCustomer.onError(checkHours);

  const greeting = new MessageParticipant('welcome', { prompt: r.welcome });
  greeting.next(lookupCustomer);
  greeting.onError(lookupCustomer);

  return FlowDefinition.start(
    new UpdateFlowLoggingBehavior('enable-logging', { enabled: true })
      .next(new UpdateContactRecordingBehavior('record-call', {
        recordedParticipants: [RecordedParticipant.AGENT, RecordedParticipant.CUSTOMER],
      }))
      .next(greeting),
  );
}

/** What the chat flow works with. */
interface ChatFlowResources {
  /** The user pool and app client that customers sign in with. */
  readonly signIn: IChatCustomerAuthentication;
  readonly supportHours: IHoursOfOperation;
  readonly support: IQueue;
  readonly priority: IQueue;
}

/**
 * The chat flow: in opening hours, asks the customer to sign in with the Cognito user pool. Each outcome of the
 * sign-in tells the customer where the chat goes: customers who sign in go to the priority queue; those who choose not
 * to, whose sign-in fails or who do not sign in within five minutes chat with the support queue as guests.
 * AuthenticateParticipant works on chat only and in inbound flows only: synthesis fails if this flow is given another
 * type.
 */
function chatFlowDefinition(r: ChatFlowResources): FlowDefinition {
  const disconnect = new DisconnectParticipant('disconnect');
  const technicalProblem = say('technical-problem', 'Sorry, we are having technical problems. Please try again later.', disconnect);
  const closed = say('closed', 'We are closed. Our support team chats from 8 AM to 6 PM Eastern time, Monday to Friday.', disconnect);
  const queueFull = say('queue-full', 'All of our agents are busy right now. Please try again later.', disconnect);

  const transferToQueue = new TransferContactToQueue('transfer-to-queue')
    .onQueueAtCapacity(queueFull)
    .onError(technicalProblem);
  const setSupportQueue = new UpdateContactTargetQueue('set-support-queue', { queue: r.support });
  setSupportQueue.next(transferToQueue);
  setSupportQueue.onError(technicalProblem);
  const setPriorityQueue = new UpdateContactTargetQueue('set-priority-queue', { queue: r.priority });
  setPriorityQueue.next(transferToQueue);
  setPriorityQueue.onError(setSupportQueue);

  // Every outcome of the sign-in says what happens next, then routes the chat.
  const signedIn = say('signed-in', 'Thank you, you are signed in. We are connecting you with our priority support team.', setPriorityQueue);
  const optedOut = say('opted-out', 'No problem. We are connecting you with our support team as a guest.', setSupportQueue);
  const signInFailed = say('sign-in-failed', 'We could not sign you in. We are connecting you with our support team as a guest; '
    + 'they may ask a few questions to confirm who you are.', setSupportQueue);
  const signInTimedOut = say('sign-in-timed-out', 'We did not see you sign in, so we are connecting you with our support team as a guest.',
    setSupportQueue);

  // Success continues with next(); opting out is a branch; not signing in within the time limit is the timeout; a
  // failed sign-in (the customer cancelled on the sign-in page, or the identity provider refused) is the error.
  const authenticate = new AuthenticateParticipant('authenticate-customer', {
    userPool: r.signIn.userPool,
    userPoolClient: r.signIn.userPoolClient,
    timeout: Duration.minutes(5),
  });
  authenticate.next(signedIn);
  authenticate.whenOptedOut(optedOut).onTimeout(signInTimedOut);
  authenticate.onError(signInFailed);

  const welcome = say('welcome', 'Welcome to Example Corp. Sign in to chat with our priority support team, or continue as a guest.', authenticate);
  const checkHours = new CheckHoursOfOperation('check-hours', { hoursOfOperation: r.supportHours })
    .whenInHours(welcome)
    .whenOutOfHours(closed);
  checkHours.onError(closed);

  return FlowDefinition.start(
    new UpdateFlowLoggingBehavior('enable-logging', { enabled: true }).next(checkHours),
  );
}

/** The customer queue flow: a voice and the hold messages, in a loop, until an agent answers. */
function customerQueueFlowDefinition(welcome: IPrompt): FlowDefinition {
  const end = new EndFlowExecution('end');
  const holdMessages = new MessageParticipantIteratively('hold-messages', {
    messages: [
      { text: 'Thank you for waiting. Your call is important to us, and an agent will be with you shortly.' },
      { prompt: welcome },
    ],
  });
  holdMessages.onError(end); // for example on chat, where prompts do not play
  const setVoice = new UpdateContactTextToSpeechVoice('set-voice', { voice: TextToSpeechVoice.JOANNA });
  setVoice.next(holdMessages);
  setVoice.onError(holdMessages);
  return FlowDefinition.start(setVoice);
}

/** The flow tasks start in: into the support queue. */
function taskRoutingFlowDefinition(support: IQueue): FlowDefinition {
  const end = new DisconnectParticipant('end');
  const transferToQueue = new TransferContactToQueue('transfer-to-queue')
    .onQueueAtCapacity(end)
    .onError(end);
  const setQueue = new UpdateContactTargetQueue('set-queue', { queue: support });
  setQueue.next(transferToQueue);
  setQueue.onError(end);
  return FlowDefinition.start(setQueue);
}

/** The flow of quick connects to an agent: to the agent the quick connect names. */
function agentTransferFlowDefinition(): FlowDefinition {
  return FlowDefinition.start(
    new TransferContactToAgent('transfer-to-agent').onError(new DisconnectParticipant('disconnect')),
  );
}

/** The flow of quick connects to a queue: into the queue the quick connect names. */
function queueTransferFlowDefinition(): FlowDefinition {
  const disconnect = new DisconnectParticipant('disconnect');
  return FlowDefinition.start(
    new TransferContactToQueue('transfer-to-queue')
      .onQueueAtCapacity(disconnect)
      .onError(disconnect),
  );
}
