import { FakeConnect } from './connect';
import { flowsDomain } from './flows';
import { instanceDomain } from './instance';
import { integrationsDomain } from './integrations';
import { phoneNumbersDomain } from './phone-numbers';
import { trafficDomain } from './traffic';

export { FakeConnect, serviceError } from './connect';

/** Registers a domain's operations with the fake. */
export type Domain = (fake: FakeConnect) => void;

const DOMAINS: Domain[] = [
  phoneNumbersDomain,
  instanceDomain,
  integrationsDomain,
  flowsDomain,
  trafficDomain,
];

/**
 * A fake Connect with every domain's operations registered and one instance (`fake.addInstance()`'s default id).
 */
export function createFake(): FakeConnect {
  const fake = new FakeConnect();
  for (const domain of DOMAINS) {
    domain(fake);
  }
  fake.addInstance();
  return fake;
}
