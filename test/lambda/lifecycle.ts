import { FakeConnect, serviceError } from './fake';
import { Harness } from './harness';
import { Properties } from '../../lambda/engine/types';

/**
 * How to drive one kind through the resource contract tests.
 */
export interface LifecycleSpec {
  /** The kind's custom resource type. */
  readonly resourceType: string;
  /** The operation that creates the resource (faults are injected into it). */
  readonly createOperation: string;
  /** What `read` returns after the resource was deleted. @default undefined */
  readonly afterDelete?: (fake: FakeConnect) => unknown;
  /**
   * For a resource whose identity is unique in its instance (a flow's name, an integration's ARN, a phone number, a
   * storage config's resource type): the failure a second create of the same identity under another logical id
   * gives. Such a move fails, as it does for CloudFormation's own named resources.
   *
   * @default - the resource is a setting: a move keeps it
   */
  readonly uniqueIdentity?: RegExp;
  /** How many write calls a create makes. @default 1 */
  readonly createWrites?: number;
  /**
   * Seeds the fake with what the resource needs (flows, phone numbers, ...) and returns the properties to create
   * with and an in-place update of them.
   */
  setup(fake: FakeConnect, instance: { id: string; arn: string }): { props: Properties; updated: Properties };
  /** The live state of the resource as the fake holds it; `undefined` when there is none. */
  read(fake: FakeConnect, physicalId: string): unknown;
  /** The state `read` returns when the resource matches `props`. */
  expected(props: Properties, fake: FakeConnect): unknown;
  /** How many resources of this kind the fake holds (a duplicate create would make two). */
  count(fake: FakeConnect): number;
  /** Deletes the resource behind CloudFormation's back. */
  deleteOutOfBand(fake: FakeConnect, physicalId: string): void;
  /** Changes the resource behind CloudFormation's back, away from what its properties ask for. */
  changeOutOfBand(fake: FakeConnect, physicalId: string): void;
}

/**
 * CloudFormation's resource contract tests for one kind, against the fake Connect: create/delete, a duplicate create
 * delivery, update then read, a no-op update, rollback, delete twice, delete after a failed create, updates after
 * the resource vanished or drifted out of band, and faults (throttling storm, 5xx, a lost create response, a quota).
 */
export function lifecycleSuite(spec: LifecycleSpec): void {
  describe(`${spec.resourceType} lifecycle`, () => {
    let h: Harness;
    let props: Properties;
    let updated: Properties;
    const type = spec.resourceType;

    beforeEach(() => {
      h = new Harness();
      ({ props, updated } = spec.setup(h.fake, h.instance));
    });
    afterEach(() => h.dispose());

    async function created(): Promise<string> {
      const { response } = await h.create(type, props);
      expect(response).toMatchObject({ Status: 'SUCCESS' });
      return response.PhysicalResourceId;
    }

    test('create then delete', async () => {
      const before = h.fake.writeCalls();
      const { response, writeCalls } = await h.create(type, props);
      expect(response.Reason ?? '').not.toMatch(/failed/i);
      expect(response.Status).toBe('SUCCESS');
      expect(writeCalls).toBe(spec.createWrites ?? 1);
      expect(h.fake.writeCalls() - before).toBe(spec.createWrites ?? 1);
      const id = response.PhysicalResourceId;
      expect(spec.read(h.fake, id)).toEqual(spec.expected(props, h.fake));
      expect(spec.count(h.fake)).toBe(1);

      const deleted = await h.delete(type, id, props);
      expect(deleted.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(spec.read(h.fake, id)).toEqual(spec.afterDelete?.(h.fake));
    });

    test('the same create delivered twice makes one resource', async () => {
      const first = await h.create(type, props, { requestId: 'same-request' });
      const second = await h.create(type, props, { requestId: 'same-request' });
      expect(first.response.Status).toBe('SUCCESS');
      expect(second.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.response.PhysicalResourceId });
      expect(spec.count(h.fake)).toBe(1);
    });

    test('update then read', async () => {
      const id = await created();
      const { response } = await h.update(type, id, updated, props);
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(spec.read(h.fake, id)).toEqual(spec.expected(updated, h.fake));
      expect(spec.count(h.fake)).toBe(1);
    });

    test('an update that changes nothing makes no write call', async () => {
      const id = await created();
      const before = h.fake.writeCalls();
      const { response, writeCalls } = await h.update(type, id, props, props);
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(writeCalls).toBe(0);
      expect(h.fake.writeCalls()).toBe(before);
    });

    test('a rollback update restores the previous state', async () => {
      const id = await created();
      await h.update(type, id, updated, props);
      const { response } = await h.update(type, id, props, updated);
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(spec.read(h.fake, id)).toEqual(spec.expected(props, h.fake));
    });

    if (spec.uniqueIdentity === undefined) {
      test('a move (create under a new logical id, then delete the old one) keeps the setting', async () => {
        // CloudFormation creates the resource under its new logical id first, then deletes the old one.
        const old = await h.create(type, props, { logicalId: 'Old' });
        expect(old.response).toMatchObject({ Status: 'SUCCESS' });
        const moved = await h.create(type, props, { logicalId: 'New' });
        expect(moved.response).toMatchObject({ Status: 'SUCCESS' });
        const deleted = await h.delete(type, old.response.PhysicalResourceId, props, { logicalId: 'Old' });
        expect(deleted.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: old.response.PhysicalResourceId });
        expect(spec.read(h.fake, moved.response.PhysicalResourceId)).toEqual(spec.expected(props, h.fake));
        expect(spec.count(h.fake)).toBe(1);
      });
    } else {
      const conflict = spec.uniqueIdentity;
      test('fails a move that keeps the unique identity, naming the conflict, and leaves the first resource as it was', async () => {
        // As with CloudFormation's own named resources: the new one is created before the old one is deleted, so a
        // move must change the identity (a new name or number) too.
        const old = await h.create(type, props, { logicalId: 'Old' });
        expect(old.response).toMatchObject({ Status: 'SUCCESS' });
        const moved = await h.create(type, props, { logicalId: 'New' });
        expect(moved.response.Status).toBe('FAILED');
        expect(moved.response.Reason).toMatch(conflict);
        expect(spec.read(h.fake, old.response.PhysicalResourceId)).toEqual(spec.expected(props, h.fake));
        expect(spec.count(h.fake)).toBe(1);
      });
    }

    test('delete twice', async () => {
      const id = await created();
      expect((await h.delete(type, id, props)).response.Status).toBe('SUCCESS');
      expect((await h.delete(type, id, props)).response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(spec.read(h.fake, id)).toEqual(spec.afterDelete?.(h.fake));
    });

    test('delete after a failed create touches nothing', async () => {
      h.fake.failWith(spec.createOperation, () => serviceError('InvalidParameterException', 'injected: the request is invalid'));
      const { response } = await h.create(type, props);
      expect(response.Status).toBe('FAILED');
      expect(response.Reason).toMatch(/injected: the request is invalid/);
      expect(spec.count(h.fake)).toBe(0);
      const before = h.fake.writeCalls();
      const deleted = await h.delete(type, response.PhysicalResourceId, props);
      expect(deleted.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: response.PhysicalResourceId });
      expect(h.fake.writeCalls()).toBe(before);
      // A physical id CloudFormation made up itself (no response reached it) is not ours either.
      expect((await h.delete(type, '2026/11/22/[$LATEST]0123456789abcdef', props)).response.Status).toBe('SUCCESS');
      expect(h.fake.writeCalls()).toBe(before);
    });

    test('an update after the resource was deleted out of band re-creates it and says so', async () => {
      const id = await created();
      spec.deleteOutOfBand(h.fake, id);
      const { response } = await h.update(type, id, updated, props);
      expect(response.Status).toBe('SUCCESS');
      expect(response.Reason).toMatch(/re-?created/i);
      expect(spec.read(h.fake, response.PhysicalResourceId)).toEqual(spec.expected(updated, h.fake));
      expect(spec.count(h.fake)).toBe(1);
    });

    test('an update after the resource was changed out of band restores it', async () => {
      const id = await created();
      spec.changeOutOfBand(h.fake, id);
      expect(spec.read(h.fake, id)).not.toEqual(spec.expected(props, h.fake));
      // The template did not change: the update still converges the live state.
      const { response } = await h.update(type, id, props, props);
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
      expect(spec.read(h.fake, id)).toEqual(spec.expected(props, h.fake));
    });

    test('a throttling storm is retried to success', async () => {
      h.fake.throttle('*', 12);
      const { response } = await h.create(type, props);
      expect(response.Status).toBe('SUCCESS');
      expect(spec.count(h.fake)).toBe(1);
      expect(h.log.join('\n')).toMatch(/ThrottlingException, retrying/);
    });

    test('5xx errors are retried to success', async () => {
      h.fake.serverErrors('*', 4);
      const { response } = await h.create(type, props);
      expect(response.Status).toBe('SUCCESS');
      expect(spec.count(h.fake)).toBe(1);
    });

    test('a create whose response was lost is adopted, not duplicated', async () => {
      h.fake.loseResponses(spec.createOperation, 1);
      const { response } = await h.create(type, props);
      expect(response.Status).toBe('SUCCESS');
      expect(spec.count(h.fake)).toBe(1);
      expect(spec.read(h.fake, response.PhysicalResourceId)).toEqual(spec.expected(props, h.fake));
    });

    test('fails at once and names the quota when a quota is reached', async () => {
      h.fake.failWith(spec.createOperation, () => serviceError('ServiceQuotaExceededException', 'injected: quota reached'));
      const { response } = await h.create(type, props);
      expect(response.Status).toBe('FAILED');
      expect(response.Reason).toMatch(/quota of this account is reached \(ServiceQuotaExceededException: injected: quota reached\)/);
      expect(h.fake.callsOf(spec.createOperation)).toHaveLength(1);
      expect(spec.count(h.fake)).toBe(0);
    });
  });
}
