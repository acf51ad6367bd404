import { FakeConnect, serviceError } from '../fake';
import { flowsOf } from '../fake/flows';
import { FakeIntegrationAssociation, INTEGRATION_ASSOCIATIONS } from '../fake/integrations';
import { phoneNumberState } from '../fake/phone-numbers';
import { Harness } from '../harness';

/**
 * A create that fails after the resource exists (a later step of the same request failed) must leave nothing behind:
 * the engine deletes what the request created, and if it cannot, reports its id so CloudFormation's rollback does.
 */
describe('a create that fails after the resource exists', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.dispose());

  const associations = (fake: FakeConnect) => [...fake.table<FakeIntegrationAssociation>(INTEGRATION_ASSOCIATIONS).values()];
  const flow = () => ({
    InstanceId: h.instance.id,
    Name: 'Support',
    Type: 'CONTACT_FLOW',
    Status: 'SAVED',
    State: 'ARCHIVED',
    Content: '{"Version":"2019-10-30","StartAction":"a","Actions":[]}',
  });
  const association = () => ({
    InstanceId: h.instance.id,
    IntegrationType: 'COGNITO_USER_POOL',
    IntegrationArn: 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123',
    UseCaseTypes: ['RULES_EVALUATION'],
  });

  test('fails and removes the integration association whose use case could not be created', async () => {
    h.fake.failWith('CreateUseCase', () => serviceError('InvalidRequestException', 'injected: no use case for this type'));
    const { response } = await h.create('Custom::ConnectIntegrationAssociation', association());
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/^CreateUseCase failed: InvalidRequestException: injected: no use case for this type; removed arn:aws:connect:.*integration-association\/.*, which this request had created$/);
    expect(response.PhysicalResourceId).toMatch(/^cdk-connect:failed-create:/);
    expect(associations(h.fake)).toHaveLength(0);
    // The next deployment creates it afresh instead of finding a "foreign" leftover.
    expect((await h.create('Custom::ConnectIntegrationAssociation', association())).response.Status).toBe('SUCCESS');
    expect(associations(h.fake)).toHaveLength(1);
  });

  test('fails and removes the flow whose state could not be set', async () => {
    h.fake.failWith('UpdateContactFlowMetadata', () => serviceError('InvalidParameterException', 'injected: state refused'));
    const { response } = await h.create('Custom::ConnectContactFlow', flow());
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/injected: state refused; removed arn:aws:connect:.*contact-flow\/.*, which this request had created$/);
    expect(flowsOf(h.fake).size).toBe(0);
  });

  test('fails and releases the number whose claim ended FAILED', async () => {
    phoneNumberState(h.fake).settings.failingClaims.push('injected: the target has no room for numbers');
    const props = { PhoneNumber: '+12065550100', TargetArn: h.instance.arn };
    const { response } = await h.create('Custom::ConnectClaimedPhoneNumber', props);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/injected: the target has no room for numbers/);
    expect(response.Reason).toMatch(/removed arn:aws:connect:.*phone-number\/.*, which this request had created$/);
    expect([...phoneNumberState(h.fake).numbers.values()].filter((n) => n.Status === 'CLAIMED')).toHaveLength(0);
  });

  test('fails reporting the id of what it could not remove, so the rollback deletes it', async () => {
    h.fake.failWith('CreateUseCase', () => serviceError('InvalidRequestException', 'injected: no use case for this type'));
    h.fake.failWith('DeleteIntegrationAssociation', () => serviceError('AccessDeniedException', 'injected: not allowed'));
    const { response } = await h.create('Custom::ConnectIntegrationAssociation', association());
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/could not remove arn:aws:connect:.*, which this request had created: DeleteIntegrationAssociation failed: AccessDeniedException: injected: not allowed$/);
    const [left] = associations(h.fake);
    expect(response.PhysicalResourceId).toBe(left.arn);
    // CloudFormation's rollback deletes the physical id the failed create reported.
    expect((await h.delete('Custom::ConnectIntegrationAssociation', response.PhysicalResourceId, association())).response.Status).toBe('SUCCESS');
    expect(associations(h.fake)).toHaveLength(0);
  });
});
