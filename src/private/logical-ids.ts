import { Aspects, CfnElement, IAspect, IResolveContext, Tokenization } from 'aws-cdk-lib';
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
 * At the start of synthesis, an aspect of the highest priority on each registered L1 (run after every aspect of the
 * app, so that what those rename is seen) asks the stack once for the L1's logical id, as aws-cdk-lib would
 * (`Stack.allocateLogicalId`, `Stack.renameLogicalId` and an earlier `overrideLogicalId` all apply), and overrides
 * the logical id with it: the template is the same, only cheaper to write. An `overrideLogicalId` call made later
 * still wins, as it would have. The aspect goes on the L1 itself, not on its stack or stage: aws-cdk-lib then visits
 * only the L1s with it, not every construct of the app.
 */
export function fixLogicalIdAtSynthesis(element: CfnElement): void {
  // aws-cdk-lib invokes the aspects of a construct in the order of their priorities and fails when it would invoke one
  // of a lower priority after one of a higher: the highest priority is the one that is never out of order.
  Aspects.of(element).add(FIX_LOGICAL_ID, { priority: LAST });
}

/** A priority above aws-cdk-lib's own (`AspectPriority.READONLY`, 1000, is the highest) and any an app picks. */
const LAST = Number.MAX_SAFE_INTEGER;

/** The L1s whose logical ids are fixed: each one once, on the first synthesis (a later one finds it fixed). */
const FIXED = new WeakSet<IConstruct>();

const FIX_LOGICAL_ID: IAspect = {
  visit(node: IConstruct): void {
    if (!FIXED.has(node)) {
      FIXED.add(node);
      const element = node as CfnElement;
      element.overrideLogicalId(logicalIdOf(element));
    }
  },
};

/**
 * The logical id the element's `logicalId` token resolves to: an id given with `overrideLogicalId`, or the one the
 * stack allocates. The token produces it without looking at the context, so it is resolved by itself, without the
 * cost of a `Stack.resolve` (a resolution context and a walk of the result) for each element.
 */
function logicalIdOf(element: CfnElement): string {
  const token = Tokenization.reverseCompleteString(element.logicalId);
  const id = token?.resolve(idContext(element));
  return typeof id === 'string' ? id : element.stack.resolve(element.logicalId);
}

function idContext(element: CfnElement): IResolveContext {
  return {
    scope: element,
    preparing: false,
    documentPath: [],
    registerPostProcessor: () => {},
    resolve: (value: unknown) => element.stack.resolve(value),
  };
}
