import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/*
 * Internal (not exported from the package): what an app attaches to each traffic distribution group, so that the
 * checks "one distribution per group" and "each user once per group" hold across imports of the same group.
 */

/** What the app has attached to one traffic distribution group. */
export interface GroupAttachments {
  /** The distribution of the group. */
  distribution?: IConstruct;
  /** The user associations of the group, by user ARN. */
  readonly users: Map<string, IConstruct>;
}

const ATTACHMENTS = new WeakMap<IConstruct, Map<string, GroupAttachments>>();

/**
 * What the app that `scope` belongs to has attached to the traffic distribution group with the given ARN (the same
 * group across the app, imported or not; ARNs that are tokens match when they are the same token).
 */
export function groupAttachments(scope: IConstruct, groupArn: string): GroupAttachments {
  const root = scope.node.root;
  let groups = ATTACHMENTS.get(root);
  if (!groups) {
    groups = new Map();
    ATTACHMENTS.set(root, groups);
  }
  let attachments = groups.get(groupArn);
  if (!attachments) {
    attachments = { users: new Map() };
    groups.set(groupArn, attachments);
  }
  return attachments;
}

/** Makes `later` wait for `first` when both are in the same stack (across stacks it could make a cycle). */
export function dependOn(later: IConstruct, first: IConstruct): void {
  if (Stack.of(later) === Stack.of(first)) {
    later.node.addDependency(first);
  }
}
