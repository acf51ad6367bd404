import {
  ConnectClient,
  CreateIntegrationAssociationCommand,
  CreateUseCaseCommand,
  DeleteIntegrationAssociationCommand,
  DeleteUseCaseCommand,
  ListIntegrationAssociationsCommand,
  ListTagsForResourceCommand,
  ListUseCasesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { runEvent } from '../../../lambda/engine/run';
import { OWNER_TAG, requestToken } from '../../../lambda/engine/token';
import { CloudFormationEvent, Properties } from '../../../lambda/engine/types';
import { integrationAssociationKind } from '../../../lambda/kinds/integration-association';
import { event as cfnEvent, VirtualRuntime } from '../engine/runtime';
import { FakeConnect, serviceError } from '../fake';
import { FakeIntegrationAssociation, FakeUseCase, INTEGRATION_ASSOCIATIONS, USE_CASES } from '../fake/integrations';
import { Harness, STACK_ID } from '../harness';
import { lifecycleSuite } from '../lifecycle';

const TYPE = 'Custom::ConnectIntegrationAssociation';
const USER_POOL_ARN = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123';
const EVENT_INTEGRATION_ARN = 'arn:aws:app-integrations:us-east-1:123456789012:event-integration/zendesk-events';

function associations(fake: FakeConnect): FakeIntegrationAssociation[] {
  return [...fake.table<FakeIntegrationAssociation>(INTEGRATION_ASSOCIATIONS).values()];
}

function useCasesOf(fake: FakeConnect, associationId: string): FakeUseCase[] {
  return [...fake.table<FakeUseCase>(USE_CASES).values()].filter((u) => u.associationId === associationId);
}

/** The live state of an association: what the kind manages (user tags without the owner tag, use case types). */
function readAssociation(fake: FakeConnect, physicalId: string): unknown {
  const found = associations(fake).find((a) => a.arn === physicalId);
  if (!found) {
    return undefined;
  }
  const tags = { ...fake.tags.get(found.arn) };
  delete tags[OWNER_TAG];
  return {
    integrationType: found.integrationType,
    integrationArn: found.integrationArn,
    source: found.sourceType === undefined ? undefined : [found.sourceType, found.sourceApplicationName, found.sourceApplicationUrl],
    tags,
    useCases: useCasesOf(fake, found.id).map((u) => u.useCaseType).sort(),
  };
}

function expectedAssociation(props: Properties): unknown {
  return {
    integrationType: props.IntegrationType,
    integrationArn: props.IntegrationArn,
    source: props.SourceType === undefined ? undefined : [props.SourceType, props.SourceApplicationName, props.SourceApplicationUrl],
    tags: props.Tags ?? {},
    useCases: [...(props.UseCaseTypes as string[] | undefined ?? [])].sort(),
  };
}

function deleteOutOfBand(fake: FakeConnect, physicalId: string): void {
  const found = associations(fake).find((a) => a.arn === physicalId)!;
  for (const useCase of useCasesOf(fake, found.id)) {
    fake.table<FakeUseCase>(USE_CASES).delete(useCase.id);
  }
  fake.table<FakeIntegrationAssociation>(INTEGRATION_ASSOCIATIONS).delete(found.id);
  fake.forgetTags(found.arn);
}

describe('COGNITO_USER_POOL (chat customer authentication)', () => {
  lifecycleSuite({
    resourceType: TYPE,
    createOperation: 'CreateIntegrationAssociation',
    uniqueIdentity: /^integration association of .* already exists and this stack does not own it/,
    setup: (_fake, instance) => ({
      props: { InstanceId: instance.id, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, Tags: { team: 'support' } },
      updated: { InstanceId: instance.id, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, Tags: { team: 'sales', env: 'prod' } },
    }),
    read: readAssociation,
    expected: expectedAssociation,
    count: (fake) => associations(fake).length,
    deleteOutOfBand,
    changeOutOfBand: (fake, physicalId) => {
      fake.tags.set(physicalId, { ...fake.tags.get(physicalId), team: 'changed', extra: 'added by hand' });
    },
  });
});

describe('EVENT with use cases', () => {
  lifecycleSuite({
    resourceType: TYPE,
    createOperation: 'CreateIntegrationAssociation',
    uniqueIdentity: /^integration association of .* already exists and this stack does not own it/,
    createWrites: 2,
    setup: (_fake, instance) => {
      const base = {
        InstanceId: instance.id,
        IntegrationType: 'EVENT',
        IntegrationArn: EVENT_INTEGRATION_ARN,
        SourceType: 'ZENDESK',
        SourceApplicationName: 'Zendesk',
        SourceApplicationUrl: 'https://acme.zendesk.com',
      };
      return {
        props: { ...base, UseCaseTypes: ['RULES_EVALUATION'] },
        updated: { ...base, UseCaseTypes: ['CONNECT_CAMPAIGNS'], Tags: { team: 'support' } },
      };
    },
    read: readAssociation,
    expected: expectedAssociation,
    count: (fake) => associations(fake).length,
    deleteOutOfBand,
    changeOutOfBand: (fake, physicalId) => {
      const found = associations(fake).find((a) => a.arn === physicalId)!;
      for (const useCase of useCasesOf(fake, found.id)) {
        fake.table<FakeUseCase>(USE_CASES).delete(useCase.id);
      }
      const id = fake.newId();
      fake.table<FakeUseCase>(USE_CASES).set(id, { associationId: found.id, id, arn: `arn:aws:connect:us-east-1:123456789012:instance/x/use-case/${id}`, useCaseType: 'CONNECT_CAMPAIGNS' });
    },
  });
});

describe('integration association handler', () => {
  let h: Harness;
  beforeEach(() => { h = new Harness(); });
  afterEach(() => h.dispose());

  function cognito(extra: Properties = {}): Properties {
    return { InstanceId: h.instance.id, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, ...extra };
  }

  test('creates with the owner tag and returns the id, the ARN and the use cases as attributes', async () => {
    const { response } = await h.create(TYPE, {
      InstanceId: h.instance.id,
      IntegrationType: 'EVENT',
      IntegrationArn: EVENT_INTEGRATION_ARN,
      SourceType: 'SALESFORCE',
      SourceApplicationName: 'Salesforce',
      SourceApplicationUrl: 'https://acme.my.salesforce.com',
      UseCaseTypes: ['RULES_EVALUATION'],
    });
    expect(response.Status).toBe('SUCCESS');
    const [association] = associations(h.fake);
    const [useCase] = useCasesOf(h.fake, association.id);
    expect(response.PhysicalResourceId).toBe(association.arn);
    expect(response.Data).toEqual({
      IntegrationAssociationId: association.id,
      IntegrationAssociationArn: association.arn,
      UseCaseId_RULES_EVALUATION: useCase.id,
      UseCaseArn_RULES_EVALUATION: useCase.arn,
    });
    const create = h.fake.callsOf('CreateIntegrationAssociation')[0].input;
    expect(create).toEqual({
      InstanceId: h.instance.id,
      IntegrationType: 'EVENT',
      IntegrationArn: EVENT_INTEGRATION_ARN,
      SourceType: 'SALESFORCE',
      SourceApplicationName: 'Salesforce',
      SourceApplicationUrl: 'https://acme.my.salesforce.com',
      Tags: { [OWNER_TAG]: expect.stringMatching(/^cdkc-[0-9a-f]{31}$/) },
    });
    expect(h.fake.tags.get(association.arn)).toEqual({ [OWNER_TAG]: create.Tags[OWNER_TAG] });
  });

  test('fails when an association of the same integration exists that this stack does not own', async () => {
    await h.fake.invoke('CreateIntegrationAssociation', {
      InstanceId: h.instance.id, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, Tags: { owner: 'someone else' },
    });
    const { response } = await h.create(TYPE, cognito());
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^integration association of COGNITO_USER_POOL arn:aws:cognito-idp:.* already exists and this stack does not own it \(association 0+-0000-4000-8000-0+1 in instance .*\); delete it, or import it instead of creating it$/);
    expect(h.fake.callsOf('CreateIntegrationAssociation')).toHaveLength(1);
    expect(associations(h.fake)).toHaveLength(1);
  });

  test('an association of another stack request (another token) is foreign too', async () => {
    const first = await h.create(TYPE, cognito(), { logicalId: 'First' });
    expect(first.response.Status).toBe('SUCCESS');
    const second = await h.create(TYPE, cognito(), { logicalId: 'Second' });
    expect(second.response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/already exists and this stack does not own it/) });
  });

  test('a lost create response is adopted with a note', async () => {
    h.fake.loseResponses('CreateIntegrationAssociation', 1);
    const { response } = await h.create(TYPE, cognito());
    expect(response).toMatchObject({ Status: 'SUCCESS', Reason: expect.stringMatching(/adopted integration association of COGNITO_USER_POOL/) });
    expect(h.fake.callsOf('CreateIntegrationAssociation')).toHaveLength(1);
  });

  test('changes tags by difference, never touching the owner tag', async () => {
    const { response } = await h.create(TYPE, cognito({ Tags: { keep: 'same', change: 'old', drop: 'x' } }));
    const id = response.PhysicalResourceId;
    const before = h.fake.calls.length;
    const updated = await h.update(TYPE, id, cognito({ Tags: { keep: 'same', change: 'new', add: 'y' } }), cognito({ Tags: { keep: 'same', change: 'old', drop: 'x' } }));
    expect(updated.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    const writes = h.fake.calls.slice(before).filter((c) => ['TagResource', 'UntagResource'].includes(c.operation));
    expect(writes).toEqual([
      { operation: 'UntagResource', input: { resourceArn: id, tagKeys: ['drop'] } },
      { operation: 'TagResource', input: { resourceArn: id, tags: { change: 'new', add: 'y' } } },
    ]);
    expect(h.fake.tags.get(id)).toEqual({ [OWNER_TAG]: expect.any(String), keep: 'same', change: 'new', add: 'y' });
  });

  test('a change of the integrated resource creates a new association and leaves the old one to CloudFormation', async () => {
    const { response } = await h.create(TYPE, cognito());
    const otherPool = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other1234';
    const updated = await h.update(TYPE, response.PhysicalResourceId, cognito({ IntegrationArn: otherPool }), cognito());
    expect(updated.response.Status).toBe('SUCCESS');
    expect(updated.response.PhysicalResourceId).not.toBe(response.PhysicalResourceId);
    expect(associations(h.fake).map((a) => a.integrationArn).sort()).toEqual([otherPool, USER_POOL_ARN].sort());
    // CloudFormation then deletes the old physical id.
    expect((await h.delete(TYPE, response.PhysicalResourceId, cognito())).response.Status).toBe('SUCCESS');
    expect(associations(h.fake).map((a) => a.integrationArn)).toEqual([otherPool]);
  });

  test('a change of the integration type creates a new association', async () => {
    const { response } = await h.create(TYPE, cognito());
    const updated = await h.update(TYPE, response.PhysicalResourceId,
      { InstanceId: h.instance.id, IntegrationType: 'VOICE_ID', IntegrationArn: 'arn:aws:voiceid:us-east-1:123456789012:domain/abcdefghijklmnopqrstuv' }, cognito());
    expect(updated.response.Status).toBe('SUCCESS');
    expect(updated.response.PhysicalResourceId).not.toBe(response.PhysicalResourceId);
    expect(associations(h.fake)).toHaveLength(2);
  });

  test('a change of the source application replaces the association, deleting the old one first', async () => {
    const event = (url: string): Properties => ({
      InstanceId: h.instance.id,
      IntegrationType: 'EVENT',
      IntegrationArn: EVENT_INTEGRATION_ARN,
      SourceType: 'ZENDESK',
      SourceApplicationName: 'Zendesk',
      SourceApplicationUrl: url,
      UseCaseTypes: ['RULES_EVALUATION'],
    });
    const { response } = await h.create(TYPE, event('https://old.zendesk.com'));
    const updated = await h.update(TYPE, response.PhysicalResourceId, event('https://new.zendesk.com'), event('https://old.zendesk.com'));
    expect(updated.response).toMatchObject({ Status: 'SUCCESS', Reason: expect.stringMatching(/replaced the integration association of EVENT/) });
    expect(updated.response.PhysicalResourceId).not.toBe(response.PhysicalResourceId);
    expect(associations(h.fake).map((a) => a.sourceApplicationUrl)).toEqual(['https://new.zendesk.com']);
    expect(useCasesOf(h.fake, associations(h.fake)[0].id).map((u) => u.useCaseType)).toEqual(['RULES_EVALUATION']);
    expect((await h.delete(TYPE, response.PhysicalResourceId, event('https://old.zendesk.com'))).response.Status).toBe('SUCCESS');
    expect(associations(h.fake)).toHaveLength(1);
  });

  test('deletes use cases before the association, including ones added out of band', async () => {
    const { response } = await h.create(TYPE, cognito({ UseCaseTypes: ['RULES_EVALUATION'] }));
    const [association] = associations(h.fake);
    await h.fake.invoke('CreateUseCase', { InstanceId: h.instance.id, IntegrationAssociationId: association.id, UseCaseType: 'CONNECT_CAMPAIGNS' });
    const before = h.fake.calls.length;
    const deleted = await h.delete(TYPE, response.PhysicalResourceId, cognito({ UseCaseTypes: ['RULES_EVALUATION'] }));
    expect(deleted.response.Status).toBe('SUCCESS');
    expect(h.fake.calls.slice(before).map((c) => c.operation)).toEqual(['ListUseCases', 'DeleteUseCase', 'DeleteUseCase', 'DeleteIntegrationAssociation']);
    expect(associations(h.fake)).toHaveLength(0);
    expect([...h.fake.table<FakeUseCase>(USE_CASES).values()]).toHaveLength(0);
  });

  test('a use case whose create response was lost is found, not created twice', async () => {
    h.fake.loseResponses('CreateUseCase', 1);
    const { response } = await h.create(TYPE, cognito({ UseCaseTypes: ['RULES_EVALUATION'] }));
    expect(response.Status).toBe('SUCCESS');
    expect(useCasesOf(h.fake, associations(h.fake)[0].id)).toHaveLength(1);
    expect(response.Data?.UseCaseId_RULES_EVALUATION).toBe(useCasesOf(h.fake, associations(h.fake)[0].id)[0].id);
  });

  test('pages through the lists', async () => {
    for (let i = 0; i < 150; i++) {
      await h.fake.invoke('CreateIntegrationAssociation', {
        InstanceId: h.instance.id, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: `${USER_POOL_ARN}${i}`,
      });
    }
    // ListIntegrationAssociations filters by ARN, so page through an unfiltered fake to prove the loop.
    const original = h.fake.invoke.bind(h.fake);
    jest.spyOn(h.fake, 'invoke').mockImplementation((operation, input) => original(operation,
      operation === 'ListIntegrationAssociations' ? { ...(input as object), IntegrationArn: undefined } : input));
    const { response } = await h.create(TYPE, cognito());
    expect(response.Status).toBe('SUCCESS');
    expect(h.fake.callsOf('ListIntegrationAssociations').length).toBeGreaterThanOrEqual(2);
  });

  test.each([
    [{ IntegrationType: 'not a type' }, /property IntegrationType must be upper case letters, digits and underscores, got not a type/],
    [{ IntegrationType: 'EVENT', SourceType: 'zendesk', SourceApplicationName: 'Zendesk', SourceApplicationUrl: 'https://acme.zendesk.com' }, /property SourceType must be upper case letters, digits and underscores, got zendesk/],
    [{ IntegrationType: 'EVENT' }, /property SourceType is required/],
    [{ SourceType: 'ZENDESK' }, /properties SourceType, SourceApplicationName and SourceApplicationUrl are only for EVENT integrations, got integration type COGNITO_USER_POOL/],
    [{ UseCaseTypes: ['RULES_EVALUATION', 'RULES_EVALUATION'] }, /property UseCaseTypes names RULES_EVALUATION twice/],
    [{ UseCaseTypes: ['rules'] }, /property UseCaseTypes\[0\] must be a use case type such as RULES_EVALUATION, got "rules"/],
    [{ UseCaseTypes: 'RULES_EVALUATION' }, /property UseCaseTypes must be a list/],
    [{ Tags: { [OWNER_TAG]: 'x' } }, /property Tags must not set cdk-connect:request-token/],
    [{ Tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) }, /property Tags must have at most 49 tags/],
  ])('fails with the properties %p', async (extra, message) => {
    const { response } = await h.create(TYPE, cognito(extra));
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(message);
    expect(h.fake.writeCalls()).toBe(0);
  });

  test('fails with the message Connect gives', async () => {
    h.fake.failWith('CreateIntegrationAssociation', () => serviceError('InvalidRequestException', 'The user pool is in another Region'));
    const { response } = await h.create(TYPE, cognito());
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'CreateIntegrationAssociation failed: InvalidRequestException: The user pool is in another Region' });
  });

  test('isPhysicalId takes only association ARNs', () => {
    expect(integrationAssociationKind.isPhysicalId('arn:aws:connect:us-east-1:123456789012:instance/abc/integration-association/def')).toBe(true);
    expect(integrationAssociationKind.isPhysicalId('arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/abc/integration-association/def')).toBe(true);
    expect(integrationAssociationKind.isPhysicalId('cdk-connect:failed-create:abc')).toBe(false);
    expect(integrationAssociationKind.isPhysicalId('arn:aws:connect:us-east-1:123456789012:instance/abc/use-case/def')).toBe(false);
    expect(integrationAssociationKind.isPhysicalId('2026/11/22/[$LATEST]0123456789abcdef')).toBe(false);
  });
});

describe('integration association requests (aws-sdk-client-mock)', () => {
  let connect: ReturnType<typeof mockClient>;
  const INSTANCE_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const ARN = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}/integration-association/assoc-1`;

  beforeAll(() => { connect = mockClient(ConnectClient); });
  beforeEach(() => connect.reset());
  afterAll(() => connect.restore());

  function event(requestType: CloudFormationEvent['RequestType'], properties: Properties, physicalId?: string, old?: Properties): CloudFormationEvent {
    return cfnEvent({
      RequestType: requestType,
      StackId: STACK_ID,
      LogicalResourceId: 'Auth',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: properties,
      OldResourceProperties: old,
    });
  }

  function run(e: CloudFormationEvent) {
    return runEvent(e, new Map([[TYPE, integrationAssociationKind]]), new VirtualRuntime(600_000).options);
  }

  const props = { InstanceId: INSTANCE_ID, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, UseCaseTypes: ['RULES_EVALUATION'], Tags: { team: 'support' } };

  test('create sends the exact requests', async () => {
    connect.on(ListIntegrationAssociationsCommand).resolves({ IntegrationAssociationSummaryList: [] });
    connect.on(CreateIntegrationAssociationCommand).resolves({ IntegrationAssociationId: 'assoc-1', IntegrationAssociationArn: ARN });
    connect.on(ListUseCasesCommand).resolves({ UseCaseSummaryList: [] });
    connect.on(CreateUseCaseCommand).resolves({ UseCaseId: 'uc-1', UseCaseArn: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}/use-case/uc-1` });

    const { response } = await run(event('Create', props));

    expect(response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(ListIntegrationAssociationsCommand)[0].args[0].input).toEqual({
      InstanceId: INSTANCE_ID, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN, MaxResults: 100, NextToken: undefined,
    });
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)[0].args[0].input).toEqual({
      InstanceId: INSTANCE_ID,
      IntegrationType: 'COGNITO_USER_POOL',
      IntegrationArn: USER_POOL_ARN,
      SourceType: undefined,
      SourceApplicationName: undefined,
      SourceApplicationUrl: undefined,
      Tags: { team: 'support', [OWNER_TAG]: requestToken(event('Create', props)) },
    });
    expect(connect.commandCalls(CreateUseCaseCommand)[0].args[0].input).toEqual({
      InstanceId: INSTANCE_ID, IntegrationAssociationId: 'assoc-1', UseCaseType: 'RULES_EVALUATION',
    });
    expect(response.Data).toEqual({
      IntegrationAssociationId: 'assoc-1',
      IntegrationAssociationArn: ARN,
      UseCaseId_RULES_EVALUATION: 'uc-1',
      UseCaseArn_RULES_EVALUATION: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}/use-case/uc-1`,
    });
  });

  test('the create is not retried blindly after a lost response: the lookup runs again first', async () => {
    const token = requestToken(event('Create', props));
    connect.on(ListIntegrationAssociationsCommand)
      .resolvesOnce({ IntegrationAssociationSummaryList: [] })
      .resolves({ IntegrationAssociationSummaryList: [{ IntegrationAssociationId: 'assoc-1', IntegrationAssociationArn: ARN, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN }] });
    const lost = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    connect.on(CreateIntegrationAssociationCommand).rejects(lost);
    connect.on(ListTagsForResourceCommand).resolves({ tags: { [OWNER_TAG]: token } });
    connect.on(ListUseCasesCommand).resolves({ UseCaseSummaryList: [{ UseCaseId: 'uc-1', UseCaseArn: 'arn:uc-1', UseCaseType: 'RULES_EVALUATION' }] });

    const { response } = await run(event('Create', props));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN });
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(1);
    expect(connect.commandCalls(CreateUseCaseCommand)).toHaveLength(0);
  });

  test('a no-op update writes nothing', async () => {
    connect.on(ListIntegrationAssociationsCommand).resolves({
      IntegrationAssociationSummaryList: [{ IntegrationAssociationId: 'assoc-1', IntegrationAssociationArn: ARN, IntegrationType: 'COGNITO_USER_POOL', IntegrationArn: USER_POOL_ARN }],
    });
    connect.on(ListTagsForResourceCommand).resolves({ tags: { 'team': 'support', [OWNER_TAG]: 'cdkc-old', 'aws:cloudformation:stack-name': 'x' } });
    connect.on(ListUseCasesCommand).resolves({ UseCaseSummaryList: [{ UseCaseId: 'uc-1', UseCaseArn: 'arn:uc-1', UseCaseType: 'RULES_EVALUATION' }] });

    const { response, writeCalls } = await run(event('Update', props, ARN, props));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN, Data: { UseCaseId_RULES_EVALUATION: 'uc-1' } });
    expect(writeCalls).toBe(0);
    expect(connect.commandCalls(TagResourceCommand)).toHaveLength(0);
    expect(connect.commandCalls(UntagResourceCommand)).toHaveLength(0);
    expect(connect.commandCalls(CreateUseCaseCommand)).toHaveLength(0);
    expect(connect.commandCalls(DeleteUseCaseCommand)).toHaveLength(0);
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(0);
    expect(connect.commandCalls(DeleteIntegrationAssociationCommand)).toHaveLength(0);
  });

  test('delete of an association that is already gone succeeds', async () => {
    connect.on(ListUseCasesCommand).rejects(serviceError('ResourceNotFoundException', 'not found', 404));

    const { response, writeCalls } = await run(event('Delete', props, ARN));

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ARN });
    expect(writeCalls).toBe(0);
  });

  test('a use case or association that vanishes during the delete is fine', async () => {
    connect.on(ListUseCasesCommand).resolves({ UseCaseSummaryList: [{ UseCaseId: 'uc-1', UseCaseArn: 'arn:uc-1', UseCaseType: 'RULES_EVALUATION' }] });
    connect.on(DeleteUseCaseCommand).rejects(serviceError('ResourceNotFoundException', 'not found', 404));
    connect.on(DeleteIntegrationAssociationCommand).rejects(serviceError('ResourceNotFoundException', 'not found', 404));

    const { response } = await run(event('Delete', props, ARN));

    expect(response.Status).toBe('SUCCESS');
    expect(connect.commandCalls(DeleteUseCaseCommand)[0].args[0].input).toEqual({ InstanceId: INSTANCE_ID, IntegrationAssociationId: 'assoc-1', UseCaseId: 'uc-1' });
    expect(connect.commandCalls(DeleteIntegrationAssociationCommand)[0].args[0].input).toEqual({ InstanceId: INSTANCE_ID, IntegrationAssociationId: 'assoc-1' });
  });

  test('fails a delete that Connect refuses, with its message', async () => {
    connect.on(ListUseCasesCommand).resolves({ UseCaseSummaryList: [] });
    connect.on(DeleteIntegrationAssociationCommand).rejects(serviceError('InvalidRequestException', 'The association is in use'));

    const { response } = await run(event('Delete', props, ARN));

    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'DeleteIntegrationAssociation failed: InvalidRequestException: The association is in use' });
  });
});
