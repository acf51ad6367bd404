import {
  ConnectClient,
  CreateIntegrationAssociationCommand,
  DeleteIntegrationAssociationCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { KindContext } from '../../../lambda/engine/context';
import { HandlerError } from '../../../lambda/engine/errors';
import { ResourceKind } from '../../../lambda/engine/kind';
import { read } from '../../../lambda/engine/properties';
import { MAX_RESPONSE_BYTES } from '../../../lambda/engine/response';
import { FAILED_CREATE_PREFIX, runEvent } from '../../../lambda/engine/run';
import { requestToken } from '../../../lambda/engine/token';
import { CloudFormationEvent, Properties } from '../../../lambda/engine/types';
import { serviceError } from '../fake';
import { event, VirtualRuntime } from './runtime';

const connect = mockClient(ConnectClient);
afterAll(() => connect.restore());

/**
 * A kind that records what the engine asks of it and calls Connect the way a real kind does: physical ids
 * `assoc/<id>`, created with CreateIntegrationAssociation, deleted with DeleteIntegrationAssociation.
 */
function recordingKind(resourceType = 'Custom::ConnectToy') {
  const calls: Array<{ op: string; physicalId?: string; properties: Properties; oldProperties?: Properties; token: string }> = [];
  const kind: ResourceKind = {
    resourceType,
    isPhysicalId: (id) => /^assoc\/[a-z0-9-]+$/.test(id),
    create: async (ctx, properties) => {
      calls.push({ op: 'create', properties, token: ctx.token });
      const r = read(properties);
      const created = await ctx.send(new CreateIntegrationAssociationCommand({
        InstanceId: r.string('InstanceId'), IntegrationType: 'EVENT', IntegrationArn: r.string('IntegrationArn'),
      }), { quota: 'Integration associations per instance' });
      return { physicalResourceId: `assoc/${created.IntegrationAssociationId}`, data: { IntegrationAssociationId: created.IntegrationAssociationId! } };
    },
    update: async (ctx, physicalId, properties, oldProperties) => {
      calls.push({ op: 'update', physicalId, properties, oldProperties, token: ctx.token });
      return { physicalResourceId: physicalId };
    },
    delete: async (ctx, physicalId, properties) => {
      calls.push({ op: 'delete', physicalId, properties, token: ctx.token });
      await ctx.send(new DeleteIntegrationAssociationCommand({ InstanceId: read(properties).string('InstanceId'), IntegrationAssociationId: physicalId.slice(6) }));
    },
  };
  return { kind, calls };
}

const PROPS = { InstanceId: 'i-1', IntegrationArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' };

function run(request: CloudFormationEvent, kinds: ResourceKind[], runtime = new VirtualRuntime()) {
  return runEvent(request, new Map(kinds.map((k) => [k.resourceType, k])), runtime.options, 'log stream G S');
}

beforeEach(() => {
  connect.reset();
  connect.on(CreateIntegrationAssociationCommand).resolves({ IntegrationAssociationId: 'a-1' });
  connect.on(DeleteIntegrationAssociationCommand).resolves({});
});

describe('runEvent', () => {
  test('a create answers SUCCESS with the physical id, data and the request\'s ids', async () => {
    const { kind, calls } = recordingKind();
    const request = event({ ResourceType: kind.resourceType, ResourceProperties: PROPS, RequestId: 'r-7', LogicalResourceId: 'Events' });

    const { response, writeCalls } = await run(request, [kind]);

    expect(response).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'assoc/a-1',
      StackId: request.StackId,
      RequestId: 'r-7',
      LogicalResourceId: 'Events',
      Data: { IntegrationAssociationId: 'a-1' },
    });
    expect(writeCalls).toBe(1);
    expect(calls).toEqual([{ op: 'create', properties: PROPS, token: requestToken(request) }]);
  });

  test('the kind gets the request\'s token: the same for a second delivery', async () => {
    const { kind, calls } = recordingKind();
    const request = event({ ResourceType: kind.resourceType, ResourceProperties: PROPS });
    await run(request, [kind]);
    await run({ ...request }, [kind]);
    expect(calls[0].token).toBe(calls[1].token);
    expect(calls[0].token).toMatch(/^cdkc-/);
  });

  test('fails an unknown resource type, listing the types it serves', async () => {
    const { kind: a } = recordingKind('Custom::ConnectB');
    const { kind: b } = recordingKind('Custom::ConnectA');
    const { response } = await run(event({ ResourceType: 'Custom::ConnectNope', RequestId: 'r-1' }), [a, b]);
    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: 'unknown resource type Custom::ConnectNope; this handler serves Custom::ConnectA, Custom::ConnectB',
      PhysicalResourceId: `${FAILED_CREATE_PREFIX}r-1`,
    });
    expect(connect.calls()).toHaveLength(0);
  });

  test('a FAILED create reports cdk-connect:failed-create:<requestId> and carries Connect\'s message', async () => {
    connect.on(CreateIntegrationAssociationCommand).rejects(serviceError('InvalidParameterException', 'IntegrationArn is not a valid ARN'));
    const { kind } = recordingKind();

    const { response } = await run(event({ ResourceType: kind.resourceType, ResourceProperties: PROPS, RequestId: 'req-42' }), [kind]);

    expect(response).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 'cdk-connect:failed-create:req-42',
      Reason: 'CreateIntegrationAssociation failed: InvalidParameterException: IntegrationArn is not a valid ARN',
    });
    expect(response.Data).toBeUndefined();
  });

  test('a quota error fails the create at once and names the quota', async () => {
    connect.on(CreateIntegrationAssociationCommand).rejects(serviceError('ServiceQuotaExceededException', 'Limit reached', 402));
    const { kind } = recordingKind();

    const { response } = await run(event({ ResourceType: kind.resourceType, ResourceProperties: PROPS }), [kind]);

    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe('CreateIntegrationAssociation failed: the "Integration associations per instance" quota of this '
      + 'account is reached (ServiceQuotaExceededException: Limit reached); request an increase in Service Quotas (Amazon Connect) and deploy again');
    expect(connect.commandCalls(CreateIntegrationAssociationCommand)).toHaveLength(1);
  });

  test('a property the kind cannot read fails with the message naming it', async () => {
    const { kind } = recordingKind();
    const { response } = await run(event({ ResourceType: kind.resourceType, ResourceProperties: { InstanceId: 'i-1' } }), [kind]);
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'property IntegrationArn is required' });
    expect(connect.calls()).toHaveLength(0);
  });

  test('an update of an id the kind owns goes to update, with the old properties', async () => {
    const { kind, calls } = recordingKind();
    const old = { ...PROPS, IntegrationArn: 'arn:old' };

    const { response } = await run(event({
      RequestType: 'Update', ResourceType: kind.resourceType, PhysicalResourceId: 'assoc/a-1', ResourceProperties: PROPS, OldResourceProperties: old,
    }), [kind]);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'assoc/a-1' });
    expect(response.Reason).toBeUndefined();
    expect(calls).toMatchObject([{ op: 'update', physicalId: 'assoc/a-1', properties: PROPS, oldProperties: old }]);
  });

  test('an update of an id the kind does not own creates, and says so', async () => {
    const { kind, calls } = recordingKind();

    const { response } = await run(event({
      RequestType: 'Update',
      ResourceType: kind.resourceType,
      PhysicalResourceId: 'cdk-connect:failed-create:r-0',
      ResourceProperties: PROPS,
      OldResourceProperties: PROPS,
    }), [kind]);

    expect(calls.map((c) => c.op)).toEqual(['create']);
    expect(response).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'assoc/a-1',
      Reason: 'created: the physical id cdk-connect:failed-create:r-0 names nothing this handler created',
    });
  });

  test('a failed update keeps the previous physical id', async () => {
    const kind: ResourceKind = {
      ...recordingKind().kind,
      update: async () => {
        throw new HandlerError('the flow content is not valid');
      },
    };
    const { response } = await run(event({
      RequestType: 'Update', ResourceType: kind.resourceType, PhysicalResourceId: 'assoc/a-1', ResourceProperties: PROPS, OldResourceProperties: PROPS,
    }), [kind]);
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'assoc/a-1', Reason: 'the flow content is not valid' });
  });

  test('a delete of an id the kind owns goes to delete', async () => {
    const { kind, calls } = recordingKind();
    const { response, writeCalls } = await run(event({
      RequestType: 'Delete', ResourceType: kind.resourceType, PhysicalResourceId: 'assoc/a-1', ResourceProperties: PROPS,
    }), [kind]);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'assoc/a-1' });
    expect(response.Reason).toBeUndefined();
    expect(calls.map((c) => c.op)).toEqual(['delete']);
    expect(writeCalls).toBe(1);
    expect(connect.commandCalls(DeleteIntegrationAssociationCommand)[0].args[0].input).toEqual({ InstanceId: 'i-1', IntegrationAssociationId: 'a-1' });
  });

  test.each([
    ['a failed create', 'cdk-connect:failed-create:r-0'],
    ['one CloudFormation made up', '2026/11/22/[$LATEST]0123456789abcdef'],
  ])('a delete of %s makes no call', async (_, physicalId) => {
    const { kind, calls } = recordingKind();

    const { response, writeCalls } = await run(event({
      RequestType: 'Delete', ResourceType: kind.resourceType, PhysicalResourceId: physicalId, ResourceProperties: PROPS,
    }), [kind]);

    expect(response).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: physicalId,
      Reason: `nothing to delete: the physical id ${physicalId} names nothing this handler created`,
    });
    expect(calls).toEqual([]);
    expect(connect.calls()).toHaveLength(0);
    expect(writeCalls).toBe(0);
  });

  test('the rollback of a create of an unknown type succeeds, so the stack does not get stuck', async () => {
    const { kind } = recordingKind();
    const created = await run(event({ ResourceType: 'Custom::ConnectGone', RequestId: 'r-1' }), [kind]);
    expect(created.response.Status).toBe('FAILED');

    const { response } = await run(event({
      RequestType: 'Delete', ResourceType: 'Custom::ConnectGone', RequestId: 'r-2', PhysicalResourceId: created.response.PhysicalResourceId,
    }), [kind]);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'cdk-connect:failed-create:r-1' });
    expect(connect.calls()).toHaveLength(0);
  });

  test('a delete of a real-looking id of an unknown type fails (it may stand for a resource)', async () => {
    const { response } = await run(event({
      RequestType: 'Delete', ResourceType: 'Custom::ConnectGone', PhysicalResourceId: 'assoc/a-1',
    }), [recordingKind().kind]);
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'assoc/a-1', Reason: expect.stringMatching(/^unknown resource type Custom::ConnectGone/) });
  });

  test('an unknown request type fails', async () => {
    const { kind } = recordingKind();
    const { response } = await run(event({ ResourceType: kind.resourceType, RequestType: 'Patch' as 'Create' }), [kind]);
    expect(response).toMatchObject({ Status: 'FAILED', Reason: 'unknown request type Patch' });
  });

  test('a bug in a kind fails the request with its message, and logs the stack', async () => {
    const kind: ResourceKind = {
      ...recordingKind().kind,
      create: async () => (undefined as unknown as { x: { y: string } }).x.y as never,
    };
    const runtime = new VirtualRuntime();
    const { response } = await run(event({ ResourceType: kind.resourceType }), [kind], runtime);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(runtime.lines.join('\n')).toMatch(/TypeError: Cannot read properties of undefined[^\n]*\n\s+at /);
  });

  test('notes join into the reason of a success, and every request is logged with its outcome', async () => {
    const kind: ResourceKind = {
      ...recordingKind().kind,
      create: async (ctx: KindContext) => {
        ctx.note('adopted the association, created by an earlier delivery of this request');
        ctx.note('re-created the flow: it was deleted out of band');
        return { physicalResourceId: 'assoc/a-2' };
      },
    };
    const runtime = new VirtualRuntime();
    const { response } = await run(event({ ResourceType: kind.resourceType, LogicalResourceId: 'Events' }), [kind], runtime);
    expect(response.Reason).toBe('adopted the association, created by an earlier delivery of this request; re-created the flow: it was deleted out of band');
    expect(runtime.lines[runtime.lines.length - 1]).toBe('Create Custom::ConnectToy Events: SUCCESS assoc/a-2 (0 write calls)');
  });

  test('a failure with a huge message still answers within 4096 bytes, pointing at the log', async () => {
    const kind: ResourceKind = {
      ...recordingKind().kind,
      create: async () => {
        throw new HandlerError(`flow content rejected: ${'problem at action "x" → '.repeat(2_000)}`);
      },
    };
    const { response } = await run(event({ ResourceType: kind.resourceType }), [kind]);
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(response.Reason).toMatch(/^flow content rejected: problem at action "x" → /);
    expect(response.Reason).toMatch(/\(truncated; the whole message is in log stream G S\)$/);
  });

  test('throttling is retried within the deadline, then the request fails naming it', async () => {
    connect.on(CreateIntegrationAssociationCommand).rejects(serviceError('ThrottlingException', 'Rate exceeded', 429));
    const { kind } = recordingKind();
    const runtime = new VirtualRuntime(5 * 60_000);
    const { response, writeCalls } = await run(event({ ResourceType: kind.resourceType, ResourceProperties: PROPS }), [kind], runtime);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^CreateIntegrationAssociation throttled \d+ times until the handler ran out of time: ThrottlingException: Rate exceeded$/);
    expect(writeCalls).toBe(connect.commandCalls(CreateIntegrationAssociationCommand).length);
    expect(writeCalls).toBeGreaterThan(10);
  });
});
