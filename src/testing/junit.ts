import { ChatScriptResult } from './script';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\'': '&apos;' }[c]!))
    // Characters XML 1.0 does not allow.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * The results of chat scripts as JUnit XML: one test suite, a test case per script (its source as the class name), a
 * `failure` for a failed step, an `error` for an infrastructure error, notes as `system-out`. Not part of the public API.
 */
export function junitXml(suite: string, results: readonly ChatScriptResult[]): string {
  const failures = results.filter(result => !result.passed && !result.infrastructureError).length;
  const errors = results.filter(result => result.infrastructureError).length;
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const total = results.reduce((sum, result) => sum + result.durationMs, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cdk-connect test-chat" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(total)}">`,
  ];
  for (const result of results) {
    const open = `    <testcase name="${escapeXml(result.scriptName)}" classname="${escapeXml(result.source ?? suite)}" time="${seconds(result.durationMs)}"`;
    const body: string[] = [];
    if (!result.passed) {
      const element = result.infrastructureError ? 'error' : 'failure';
      const summary = (result.failure ?? '').split('\n').slice(0, 2).map(line => line.trim()).join(': ');
      body.push(`      <${element} message="${escapeXml(summary)}">${escapeXml(result.failure ?? '')}</${element}>`);
    }
    if (result.notes.length > 0) {
      body.push(`      <system-out>${escapeXml(result.notes.join('\n'))}</system-out>`);
    }
    lines.push(body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n'));
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
