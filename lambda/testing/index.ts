/**
 * The runtime of cdk-connect's flow testing that needs packages the library does not load: the YAML reader of chat
 * test scripts and the live chat runner (Connect API, Participant Service, websocket).
 *
 * esbuild bundles this file (with yaml, ws and the SDK clients) into assets/flow-testing; src/testing requires the
 * bundle only when a YAML script is read or a live run starts, so `require('cdk-connect')` never loads them.
 */
import { parse } from 'yaml';

export { runLive } from './live';

/** Parses a YAML document. */
export function parseYaml(text: string): unknown {
  return parse(text);
}
