import type { LiveRunOptions, LiveScriptReport } from '../../src/testing/live-types';

export async function runLive(_options: LiveRunOptions): Promise<LiveScriptReport[]> {
  throw new Error('not yet');
}
