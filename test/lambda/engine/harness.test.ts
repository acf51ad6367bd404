import { DescribeInstanceAttributeCommand, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';
import { ResourceKind } from '../../../lambda/engine/kind';
import { read } from '../../../lambda/engine/properties';
import { createFake } from '../fake';
import { Harness } from '../harness';

describe('runEvent against the fake Connect (Harness)', () => {
  /** A kind that keeps an instance attribute: update writes only when the live value differs. */
  const attribute: ResourceKind = {
    resourceType: 'Custom::ConnectToyAttribute',
    isPhysicalId: (id) => id.startsWith('toy/'),
    create: async (ctx, p) => {
      const r = read(p);
      await ctx.send(new UpdateInstanceAttributeCommand({ InstanceId: r.string('InstanceId'), AttributeType: 'EARLY_MEDIA', Value: r.string('Value') }));
      return { physicalResourceId: `toy/${r.string('InstanceId')}` };
    },
    update: async (ctx, id, p) => {
      const r = read(p);
      const live = await ctx.send(new DescribeInstanceAttributeCommand({ InstanceId: r.string('InstanceId'), AttributeType: 'EARLY_MEDIA' }));
      if (live.Attribute?.Value !== r.string('Value')) {
        await ctx.send(new UpdateInstanceAttributeCommand({ InstanceId: r.string('InstanceId'), AttributeType: 'EARLY_MEDIA', Value: r.string('Value') }));
      }
      return { physicalResourceId: id };
    },
    delete: async () => undefined,
  };

  // One harness for all: installing the fake takes a while.
  let h: Harness;
  const state = new Map<string, string>();
  beforeAll(() => {
    const fake = createFake();
    fake.register('UpdateInstanceAttribute', {
      members: { InstanceId: { required: true }, Value: { required: true, min: 1, max: 100 } },
      run: (i) => {
        fake.instance(i.InstanceId);
        state.set(i.AttributeType, i.Value);
        return {};
      },
    });
    fake.register('DescribeInstanceAttribute', {
      run: (i) => ({ Attribute: { AttributeType: i.AttributeType, Value: state.get(i.AttributeType) } }),
    });
    h = new Harness(new Map([[attribute.resourceType, attribute]]), fake);
  });
  beforeEach(() => {
    state.clear();
    h.fake.calls.length = 0;
  });
  afterAll(() => h.dispose());

  test('a throttling storm is ridden out on the virtual clock; a no-op update writes nothing', async () => {
    h.fake.throttle('*', 3);
    const created = await h.create(attribute.resourceType, { InstanceId: h.instance.id, Value: 'true' });
    expect(created.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `toy/${h.instance.id}` });
    expect(state.get('EARLY_MEDIA')).toBe('true');
    expect(h.clock).toBeGreaterThan(0);
    expect(h.log.filter((l) => /ThrottlingException, retrying/.test(l))).toHaveLength(3);

    const before = h.fake.writeCalls();
    const noop = await h.update(attribute.resourceType, created.response.PhysicalResourceId, { InstanceId: h.instance.id, Value: 'true' }, {});
    expect(noop.writeCalls).toBe(0);
    expect(h.fake.writeCalls()).toBe(before);
  });

  test('the fake\'s validation reaches the response as Connect\'s message', async () => {
    const { response } = await h.create(attribute.resourceType, { InstanceId: h.instance.id, Value: 'x'.repeat(101) });
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^UpdateInstanceAttribute failed: InvalidParameterException: 1 validation error detected in UpdateInstanceAttribute: .*length less than or equal to 100/);
  });

  test('a missing property fails before any call', async () => {
    const bad = await h.create(attribute.resourceType, { InstanceId: h.instance.id });
    expect(bad.response).toMatchObject({ Status: 'FAILED', Reason: 'property Value is required' });
    expect(h.fake.calls).toHaveLength(0);
  });

  test('a delete of a failed create makes no call', async () => {
    const d = await h.delete(attribute.resourceType, 'cdk-connect:failed-create:x', {});
    expect(d.response.Status).toBe('SUCCESS');
    expect(h.fake.calls).toHaveLength(0);
  });
});
