import { HandlerError } from '../engine/errors';
import { ResourceKind } from '../engine/kind';

/** STUB: to be written. */
export const trafficDistributionGroupUserKind: ResourceKind = {
  resourceType: 'Custom::ConnectTrafficDistributionGroupUser',
  isPhysicalId: () => false,
  create: async () => { throw new HandlerError('not implemented'); },
  update: async () => { throw new HandlerError('not implemented'); },
  delete: async () => { throw new HandlerError('not implemented'); },
};
