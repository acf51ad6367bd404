import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { menuApp } from './fixtures';
import { ChatStandIn, INSTANCE_ID } from './standin';
import { SimulatedContactCenter } from '../../src';
import { main } from '../../src/cli/cdk-connect';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: text => { stdout += text; }, stderr: text => { stderr += text; } });
  return { code, stdout, stderr };
}

const PASSING = {
  name: 'closed in the evening',
  flow: 'Menu',
  startTime: '2026-01-05T20:00:00Z',
  steps: [{ expect: 'We are closed.' }, { expectEnd: 'DISCONNECTED' }],
};
const FAILING = {
  name: 'billing <first>',
  flow: 'Menu',
  startTime: '2026-01-05T11:00:00Z',
  lambdaResults: [{ function: 'Lookup', attributes: { tier: 'basic', name: 'Ada' } }],
  steps: [{ expect: 'Hello from the module.' }, { expectMatching: '^Type' }, { send: '2' }, { expect: 'Billing here, Ada.' }],
};

describe('cdk-connect test-chat', () => {
  let dir: string;
  let assembly: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-test-chat-'));
    assembly = menuApp().app.synth().directory;
    fs.mkdirSync(path.join(dir, 'pass'));
    fs.writeFileSync(path.join(dir, 'pass', 'closed.json'), JSON.stringify(PASSING));
    fs.mkdirSync(path.join(dir, 'mixed'));
    fs.writeFileSync(path.join(dir, 'mixed', 'a-closed.json'), JSON.stringify(PASSING));
    fs.writeFileSync(path.join(dir, 'mixed', 'b-billing.json'), JSON.stringify(FAILING));
    fs.writeFileSync(path.join(dir, 'mixed', 'c-no-lambda.yaml'), 'name: no lambda result\nflow: Menu\nstartTime: 2026-01-05T11:00:00Z\nsteps:\n  - expectMatching: x\n');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('runs the scripts of a folder on the flows of a synthesized app, with JUnit XML and coverage: exit code 0', async () => {
    const junit = path.join(dir, 'reports', 'pass.xml');
    const { code, stdout, stderr } = await run('test-chat', path.join(dir, 'pass'), '--app', assembly, '--junit', junit, '--coverage');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS {2}closed in the evening \(\d+ ms\)\n\n1 script: 1 passed, 0 failed\n\nCoverage:\n {6}Menu: actions 3\/\d+/);
    expect(stdout).toMatch(/not covered: menu \(GetParticipantInput\): = 1/);
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="cdk-connect test-chat" tests="1" failures="0" errors="0"/);
    expect(xml).toMatch(/<testcase name="closed in the evening" classname="[^"]*closed.json" time="\d+\.\d{3}"\/>/);
  });

  test('reports failed scripts readably and in JUnit XML: exit code 1', async () => {
    const junit = path.join(dir, 'mixed.xml');
    const { code, stdout } = await run('test-chat', path.join(dir, 'mixed'), `--app=${assembly}`, '--junit', junit);
    expect(code).toBe(1);
    expect(stdout).toContain([
      'FAIL  billing <first> (',
    ].join(''));
    expect(stdout).toContain([
      '        the flow sent no more messages',
      '        transcript so far:',
      '          SYSTEM   Hello from the module.',
      '          SYSTEM   Type 1 for billing, 2 for support.',
      '          CUSTOMER 2',
      "        the flow went another way at action 'menu' (GetParticipantInput) of flow 'Menu', which took the branch '= 2'",
    ].join('\n'));
    // An error of the simulation fails the script; in a template without path metadata the function is named by its logical id.
    expect(stdout).toMatch(/FAIL  no lambda result \(0 ms\)\n {6}chat script 'no lambda result' \([^)]*\): the flow invokes the Lambda function 'Lookup[0-9A-F]{8}' but the environment gives no result for it/);
    expect(stdout).toMatch(/\n3 scripts: 1 passed, 2 failed\n$/);
    const xml = fs.readFileSync(junit, 'utf8');
    expect(xml).toMatch(/tests="3" failures="2" errors="0"/);
    expect(xml).toContain('<testcase name="billing &lt;first&gt;"');
    expect(xml).toMatch(/<failure message="chat script &apos;billing &lt;first&gt;&apos; \([^"]*\): step 4 of 4 failed: expect message &quot;Billing here, Ada.&quot;: the flow sent no more messages">/);
  });

  test('runs live against an instance with --instance and --flow: exit codes 0, and 2 for infrastructure errors', async () => {
    const { app } = menuApp();
    const standIn = new ChatStandIn(SimulatedContactCenter.fromApp(app), { 'menu-flow': 'Menu' }, { startTime: '2026-01-05T20:00:00Z' });
    const url = await standIn.start();
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      CDK_CONNECT_CONNECT_ENDPOINT: url,
      CDK_CONNECT_PARTICIPANT_ENDPOINT: url,
    });
    try {
      const live = await run('test-chat', path.join(dir, 'pass'), '--instance', INSTANCE_ID, '--flow', 'menu-flow', '--region', 'us-east-1', '--timeout', '2');
      expect(live.stdout).toMatch(/^PASS {2}closed in the evening/);
      expect(live.code).toBe(0);
      const broken = await run('test-chat', path.join(dir, 'pass'), '--instance', 'another-instance', '--flow', 'menu-flow', '--region', 'us-east-1');
      expect(broken.stdout).toMatch(/^ERROR closed in the evening[^]*StartChatContact failed: ResourceNotFoundException/);
      expect(broken.stdout).toMatch(/1 script: 0 passed, 0 failed, 1 with infrastructure errors/);
      expect(broken.code).toBe(2);
    } finally {
      process.env = saved;
      await standIn.stop();
    }
  });

  test.each([
    [[], 'test-chat needs the folder of chat scripts: cdk-connect test-chat <folder>'],
    [['a', 'b'], 'test-chat takes one folder, got 2: a, b'],
    [['a', '--instance', 'i'], 'a live run needs both --instance <id> and --flow <id>'],
    [['a', '--instance', 'i', '--flow', 'f', '--coverage'], '--app and --coverage are for runs on the simulator; a live run (--instance) takes neither'],
    [['a', '--timeout', '0'], '--timeout must be a positive number of seconds, got \'0\''],
    [['a', '--junit'], '--junit needs a value'],
    [['a', '--fast'], 'unknown option \'--fast\' of test-chat; options: --app, --junit, --instance, --flow, --region, --timeout, --coverage'],
  ])('fails for the arguments %j with exit code 2', async (args, message) => {
    const { code, stderr } = await run('test-chat', ...args);
    expect(stderr).toBe(`cdk-connect: ${message}\nRun cdk-connect --help for the usage.\n`);
    expect(code).toBe(2);
  });

  test('fails for a folder without scripts and an app that is not synthesized, with exit code 2', async () => {
    expect(await run('test-chat', path.join(dir, 'nope'))).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read the chat script directory/) });
    expect(await run('test-chat', path.join(dir, 'pass'), '--app', dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/has no stack templates/) });
  });
});
