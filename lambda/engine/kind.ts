import { KindContext } from './context';
import { Properties, ResourceResult } from './types';

/**
 * One kind of resource the handler manages: its custom resource type and the three operations.
 *
 * The contract each kind keeps (DESIGN.md, "Custom resources"):
 * - create is idempotent: a ClientToken from `ctx.token` where the operation takes one, else `ctx.adoptOrCreate`;
 * - update reads the live state and writes only the difference (a no-op update makes no write call), re-creates a
 *   resource that vanished (with `ctx.note`), and returns a new physical id only when the resource was replaced;
 * - delete succeeds when the resource is already gone.
 */
export interface ResourceKind {
  /** The custom resource type (`Custom::Connect...`) that the construct side uses. */
  readonly resourceType: string;

  /**
   * Whether a physical id is one this kind returns. A delete of any other id (the one a failed create reported)
   * succeeds without calling Connect.
   */
  isPhysicalId(physicalId: string): boolean;

  create(ctx: KindContext, properties: Properties): Promise<ResourceResult>;

  update(ctx: KindContext, physicalId: string, properties: Properties, oldProperties: Properties): Promise<ResourceResult>;

  delete(ctx: KindContext, physicalId: string, properties: Properties): Promise<void>;
}
