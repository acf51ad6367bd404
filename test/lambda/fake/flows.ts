import { FakeConnect } from './connect';

/** STUB: registers this domain's operations with the fake. */
export function flowsDomain(fake: FakeConnect): void {
  void fake;
}
