import { DescribeInstanceAttributeCommand, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';
import { ResourceKind } from '../../lambda/engine/kind';
import { read } from '../../lambda/engine/properties';
import { createFake } from './fake';
import { Harness } from './harness';

const toy: ResourceKind = {
  resourceType: 'Custom::Toy',
  isPhysicalId: (id) => id.startsWith('toy/'),
  create: async (ctx, p) => {
    const r = read(p);
    await ctx.send(new UpdateInstanceAttributeCommand({ InstanceId: r.string('InstanceId'), AttributeType: 'EARLY_MEDIA', Value: r.string('Value'), ClientToken: ctx.token }));
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

test('smoke', async () => {
  const fake = createFake();
  const state = new Map<string, string>();
  fake.register('UpdateInstanceAttribute', { members: { Value: { required: true, max: 100 } }, run: (i) => { state.set(i.AttributeType, i.Value); return {}; } });
  fake.register('DescribeInstanceAttribute', { run: (i) => ({ Attribute: { AttributeType: i.AttributeType, Value: state.get(i.AttributeType) } }) });
  const h = new Harness(new Map([[toy.resourceType, toy]]), fake);
  try {
    fake.throttle('*', 3);
    const c = await h.create('Custom::Toy', { InstanceId: h.instance.id, Value: 'true' });
    expect(c.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `toy/${h.instance.id}` });
    expect(state.get('EARLY_MEDIA')).toBe('true');
    const u = await h.update('Custom::Toy', c.response.PhysicalResourceId, { InstanceId: h.instance.id, Value: 'true' }, {});
    expect(u.writeCalls).toBe(0);
    const d = await h.delete('Custom::Toy', 'cdk-connect:failed-create:x', {});
    expect(d.response.Status).toBe('SUCCESS');
    const bad = await h.create('Custom::Toy', { InstanceId: h.instance.id });
    expect(bad.response).toMatchObject({ Status: 'FAILED', Reason: 'property Value is required' });
  } finally {
    h.dispose();
  }
});
