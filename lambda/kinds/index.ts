import { contactFlowKind } from './contact-flow';
import { defaultVocabularyKind } from './default-vocabulary';
import { flowContentKind } from './flow-content';
import { instanceAttributeKind } from './instance-attribute';
import { instanceStorageConfigKind } from './instance-storage-config';
import { integrationAssociationKind } from './integration-association';
import { phoneNumberClaimKind } from './phone-number-claim';
import { phoneNumberFlowKind } from './phone-number-flow';
import { trafficDistributionKind } from './traffic-distribution';
import { trafficDistributionGroupUserKind } from './traffic-distribution-group-user';
import { ResourceKind } from '../engine/kind';

/** Every kind the handler serves. */
export const KIND_LIST: readonly ResourceKind[] = [
  phoneNumberFlowKind,
  phoneNumberClaimKind,
  instanceAttributeKind,
  instanceStorageConfigKind,
  defaultVocabularyKind,
  integrationAssociationKind,
  contactFlowKind,
  flowContentKind,
  trafficDistributionKind,
  trafficDistributionGroupUserKind,
];

/** Every kind the handler serves, by custom resource type. */
export const KINDS: ReadonlyMap<string, ResourceKind> = new Map(KIND_LIST.map((kind) => [kind.resourceType, kind]));
