import { Aspects, CfnElement, IAspect, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Fixes the logical ids of the L1 resources this library creates once synthesis starts, so that resolving them
 * is a lookup.
 *
 * An L1's logical id is an uncached token: every `Ref`, `Fn::GetAtt` and `DependsOn` that names the resource, in
 * every resolution of the template (references are resolved once to find them and again to write the template),
 * asks the stack for it again, and for an L1 nested in a construct (`Queue/Resource`) that means hashing its path
 * each time. A contact center references its instance, queues, hours, routing profiles and security profiles
 * thousands of times, so this was the largest single cost of synthesis.
 *
 * At the start of synthesis, an aspect of the highest priority (after every aspect of the app, so that the
 * resources those create or rename are seen) asks the stack once for each registered L1's logical id, as
 * aws-cdk-lib would (`Stack.allocateLogicalId`, `Stack.renameLogicalId` and an earlier `overrideLogicalId` all
 * apply), and overrides the logical id with it: the template is the same, only cheaper to write. An
 * `overrideLogicalId` call made later still wins, as it would have.
 */
export function fixLogicalIdAtSynthesis(element: CfnElement): void {
  // The aspect goes on the stage (the app, or the Stage the stack is in), not on the stack: a stage's synthesis
  // invokes its own aspects, and adding an aspect to a construct while that construct's aspects run makes
  // aws-cdk-lib warn, which an app's aspect that creates a construct of this library while it visits a stack would
  // otherwise do.
  const stage: IConstruct = Stage.of(element) ?? element.node.root;
  let aspect = ASPECTS.get(stage);
  if (aspect === undefined) {
    aspect = new FixLogicalIds();
    ASPECTS.set(stage, aspect);
    // aws-cdk-lib invokes the aspects of a construct in the order of their priorities and fails when it would invoke
    // one of a lower priority after one of a higher: the highest priority is the one that is never out of order.
    Aspects.of(stage).add(aspect, { priority: LAST });
  }
  aspect.elements.add(element);
}

/** A priority above aws-cdk-lib's own (`AspectPriority.READONLY`, 1000, is the highest) and any an app picks. */
const LAST = Number.MAX_SAFE_INTEGER;

const ASPECTS = new WeakMap<IConstruct, FixLogicalIds>();

class FixLogicalIds implements IAspect {
  /** The L1s whose logical ids are not fixed yet: each one is fixed once, on the first synthesis that visits it. */
  public readonly elements = new Set<IConstruct>();

  public visit(node: IConstruct): void {
    if (this.elements.delete(node)) {
      const element = node as CfnElement;
      element.overrideLogicalId(element.stack.resolve(element.logicalId));
    }
  }
}
