/**
 * Visits a graph breadth first from `start`: the start, then the nodes it leads to in the order `next` lists them,
 * and so on; then, in their order, from each of `others` not visited yet. Each node is visited once (nodes are
 * compared by identity), so cycles end. Linear in the number of nodes and edges.
 *
 * @param next the nodes a node leads to; called once for each visited node, in the order of the result
 * @param others more nodes to start from once everything reachable from `start` is visited (parts of the graph
 * that `start` does not reach)
 * @returns the visited nodes, in the order they were first reached
 */
export function breadthFirst<T>(start: T, next: (node: T) => Iterable<T>, others: readonly T[] = []): T[] {
  const order: T[] = [start];
  const reached = new Set<T>(order);
  let other = 0;
  for (let i = 0; i < order.length; i++) {
    for (const target of next(order[i])) {
      if (!reached.has(target)) {
        reached.add(target);
        order.push(target);
      }
    }
    if (i === order.length - 1) {
      while (other < others.length && reached.has(others[other])) {
        other++;
      }
      if (other < others.length) {
        reached.add(others[other]);
        order.push(others[other]);
      }
    }
  }
  return order;
}
