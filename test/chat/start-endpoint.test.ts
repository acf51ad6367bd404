import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ChatMessageContentType, ChatStartEndpoint, ChatStartEndpointProps } from '../../src/chat';
import { ContactFlow, ContactFlowType } from '../../src/constructs/contact-flow';
import { flowOfType, testStack } from '../helpers';

const FLOW_ARN = 'arn:aws:connect:us-east-1:111122223333:instance/11111111-2222-3333-4444-555555555555/contact-flow/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function endpoint(props: Partial<ChatStartEndpointProps> = {}): { stack: Stack; start: ChatStartEndpoint } {
  const { stack } = testStack();
  const start = new ChatStartEndpoint(stack, 'StartChat', {
    contactFlow: ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN),
    allowedOrigins: ['https://www.example.com'],
    ...props,
  });
  return { stack, start };
}

/** The settings the function reads from its environment. */
function settings(stack: Stack): Record<string, unknown> {
  const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function', {
    Properties: { Environment: { Variables: { CHAT_START_CONFIG: Match.anyValue() } } },
  }));
  return JSON.parse(fn.Properties.Environment.Variables.CHAT_START_CONFIG);
}

describe('ChatStartEndpoint', () => {
  test('an HTTP API with CORS for the allowed origins routes POST / to the function', () => {
    const { stack } = endpoint({ allowedOrigins: ['https://www.example.com', 'http://localhost:3000'] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ['https://www.example.com', 'http://localhost:3000'],
        AllowMethods: ['POST'],
        AllowHeaders: ['content-type', 'idempotency-key'],
        MaxAge: 3600,
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /', AuthorizationType: 'NONE' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Environment: {
        Variables: {
          INSTANCE_ID: '11111111-2222-3333-4444-555555555555',
          CONTACT_FLOW_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        },
      },
    });
  });

  test('throttles to the Connect API\'s default rate unless told', () => {
    const { stack } = endpoint();
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 5 },
    });
    const { stack: other } = endpoint({ throttle: { rateLimit: 20, burstLimit: 40 } });
    Template.fromStack(other).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    });
  });

  test('may call StartChatContact on the flow only', () => {
    const { stack } = endpoint();
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'connect:StartChatContact', Resource: FLOW_ARN }] },
    });
  });

  test('exposes the stage URL', () => {
    const { stack, start } = endpoint();
    expect(start.stage.stageName).toBe('$default');
    const [apiId] = Object.keys(Template.fromStack(stack).findResources('AWS::ApiGatewayV2::Api'));
    expect(stack.resolve(start.url)).toEqual({
      'Fn::Join': ['', ['https://', { Ref: apiId }, '.execute-api.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/']],
    });
  });

  test('passes its settings to the function, with defaults', () => {
    const { stack } = endpoint();
    expect(settings(stack)).toEqual({
      allowedOrigins: ['https://www.example.com'],
      allowedAttributes: [],
      contentTypes: ['text/plain', 'text/markdown'],
      persistentChat: false,
      acceptCustomerId: false,
      disconnectAgentOnCustomerExit: false,
      requireIdempotencyKey: false,
      idempotencyWindowSeconds: 10,
    });
  });

  test('passes the settings given', () => {
    const { stack } = endpoint({
      allowedAttributes: ['page', 'customer-language'],
      supportedMessagingContentTypes: [
        ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.INTERACTIVE, ChatMessageContentType.INTERACTIVE_RESPONSE,
      ],
      chatDuration: Duration.hours(2),
      persistentChat: true,
      acceptCustomerId: true,
      disconnectAgentOnCustomerExit: true,
      requireIdempotencyKey: true,
      idempotencyWindow: Duration.seconds(30),
    });
    expect(settings(stack)).toEqual({
      allowedOrigins: ['https://www.example.com'],
      allowedAttributes: ['page', 'customer-language'],
      contentTypes: ['text/plain', 'application/vnd.amazonaws.connect.message.interactive',
        'application/vnd.amazonaws.connect.message.interactive.response'],
      chatDurationMinutes: 120,
      persistentChat: true,
      acceptCustomerId: true,
      disconnectAgentOnCustomerExit: true,
      requireIdempotencyKey: true,
      idempotencyWindowSeconds: 30,
    });
  });

  test('takes an inbound flow defined in the app', () => {
    const { stack, instance } = testStack();
    const flow = flowOfType(stack, instance, 'Chat', ContactFlowType.CONTACT_FLOW);
    new ChatStartEndpoint(stack, 'StartChat', { contactFlow: flow, allowedOrigins: ['https://www.example.com'] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'connect:StartChatContact', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Chat'), 'ContactFlowArn'] } }] },
    });
  });

  describe('validation', () => {
    test('fails with a flow that is not an inbound flow', () => {
      const { stack, instance } = testStack();
      const flow = flowOfType(stack, instance, 'Queue', ContactFlowType.CUSTOMER_QUEUE);
      expect(() => new ChatStartEndpoint(stack, 'StartChat', { contactFlow: flow, allowedOrigins: ['https://www.example.com'] }))
        .toThrow(/StartChat: contactFlow must be a flow of type CONTACT_FLOW, got 'Test\/Queue' of type CUSTOMER_QUEUE/);
    });

    test.each([
      ['*'],
      ['https://www.example.com/'],
      ['https://www.example.com/chat'],
      ['http://www.example.com'],
      ['https://*.example.com'],
    ])('fails with the origin %s', (origin) => {
      expect(() => endpoint({ allowedOrigins: [origin] }))
        .toThrow(/StartChat: allowed origin must be an origin such as https:\/\/www.example.com or http:\/\/localhost:3000 \(no path, no \*\)/);
    });

    test('fails without origins, or with one twice', () => {
      expect(() => endpoint({ allowedOrigins: [] })).toThrow(/StartChat: allowedOrigins must have 1 to 100 items, got 0/);
      expect(() => endpoint({ allowedOrigins: ['https://a.example.com', 'https://a.example.com'] }))
        .toThrow(/StartChat: allowedOrigins must be unique, 'https:\/\/a.example.com' appears more than once/);
    });

    test('fails with an attribute name of other characters', () => {
      expect(() => endpoint({ allowedAttributes: ['page name'] }))
        .toThrow(/StartChat: allowed attribute must be letters, digits, - and _, got 'page name'/);
    });

    test('fails with attributes that do not fit in the environment', () => {
      const allowedAttributes = Array.from({ length: 200 }, (_, i) => `attribute-number-${i}`);
      expect(() => endpoint({ allowedAttributes }))
        .toThrow(/StartChat: the endpoint's settings \(origins, attributes, content types\) must fit in 3500 bytes of the function's environment, got \d+/);
    });

    test('fails with content types without plain text, or with one twice', () => {
      expect(() => endpoint({ supportedMessagingContentTypes: [ChatMessageContentType.MARKDOWN] }))
        .toThrow(/StartChat: supportedMessagingContentTypes must include ChatMessageContentType.PLAIN_TEXT, got text\/markdown/);
      expect(() => endpoint({ supportedMessagingContentTypes: [ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.of('text/plain')] }))
        .toThrow(/StartChat: supportedMessagingContentTypes must be unique, 'text\/plain' appears more than once/);
      expect(() => endpoint({ supportedMessagingContentTypes: [ChatMessageContentType.PLAIN_TEXT, ChatMessageContentType.of('')] }))
        .toThrow(/StartChat: content type must be 1 to 100 characters, got 0/);
    });

    test.each([
      [Duration.minutes(59), /chatDuration must be a whole number of seconds from 3600 to 604800, got 3540 seconds/],
      [Duration.days(8), /chatDuration must be a whole number of seconds from 3600 to 604800, got 691200 seconds/],
      [Duration.seconds(3630), /chatDuration must be whole minutes from 60 to 10080, got 3630 seconds/],
    ])('fails with the chat duration %s', (chatDuration, message) => {
      expect(() => endpoint({ chatDuration })).toThrow(message);
    });

    test('fails with a chat duration that is a token', () => {
      const { stack } = testStack();
      const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' });
      expect(() => new ChatStartEndpoint(stack, 'StartChat', {
        contactFlow: ContactFlow.fromContactFlowArn(stack, 'Flow', FLOW_ARN),
        allowedOrigins: ['https://www.example.com'],
        chatDuration: Duration.minutes(minutes.valueAsNumber),
      })).toThrow(/StartChat: chatDuration must be a concrete duration, got a token/);
    });

    test('fails with an idempotency window out of range', () => {
      expect(() => endpoint({ idempotencyWindow: Duration.hours(2) }))
        .toThrow(/StartChat: idempotencyWindow must be a whole number of seconds from 1 to 3600, got 7200 seconds/);
    });

    test('fails with throttling out of range or half given', () => {
      expect(() => endpoint({ throttle: { rateLimit: 0, burstLimit: 5 } }))
        .toThrow(/StartChat: throttle.rateLimit must be more than 0 and at most 10000 requests per second, got 0/);
      expect(() => endpoint({ throttle: { rateLimit: 5, burstLimit: 2.5 } }))
        .toThrow(/StartChat: throttle.burstLimit must be an integer from 1 to 5000, got 2.5/);
      expect(() => endpoint({ throttle: { rateLimit: 5 } })).toThrow(/StartChat: throttle must set both rateLimit and burstLimit/);
    });
  });
});
