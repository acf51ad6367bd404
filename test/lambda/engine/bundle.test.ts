import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { builtinModules } from 'module';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as esbuild from 'esbuild';
import { KIND_LIST } from '../../../lambda/kinds';

/**
 * The handler as it ships: assets/connect-handler/index.js, built by `npx projen bundle:handler` (which `npm test`
 * runs first). Each test loads it in a fresh `node` from a directory with no node_modules, so it must carry everything.
 */
const BUNDLE = path.join(__dirname, '..', '..', '..', 'assets', 'connect-handler', 'index.js');
const run = promisify(execFile);

// Each test starts a fresh node (and one builds with esbuild): slow on a busy machine.
jest.setTimeout(60_000);

let dir: string;

beforeAll(() => {
  if (!fs.existsSync(BUNDLE)) {
    throw new Error(`${BUNDLE} is missing: run \`npx projen bundle:handler\` first`);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-connect-bundle-'));
  fs.copyFileSync(BUNDLE, path.join(dir, 'index.js'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a script in a fresh node, in the directory holding only the bundle, without AWS credentials or config. */
async function node(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example',
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    timeout: 30_000,
  });
  return stdout;
}

describe('the handler bundle', () => {
  test('loads on its own in a fresh node and exports handler', async () => {
    const out = await node(`
      const m = require('./index.js');
      console.log(JSON.stringify({ handler: typeof m.handler, arity: m.handler.length }));
    `);
    expect(JSON.parse(out)).toEqual({ handler: 'function', arity: 2 });
  });

  test('is one self-contained file that needs no node_modules', () => {
    expect(fs.readdirSync(dir)).toEqual(['index.js']);
    const code = fs.readFileSync(BUNDLE, 'utf8');
    // Only node built-ins may be required at run time. (`[require("...")]` is the text of an SDK error message.)
    const required = [...code.matchAll(/(?<![\w.$[])require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toContain('https');
    const builtins = new Set(builtinModules);
    expect(required.filter((name) => !builtins.has(name.replace(/^node:/, '')))).toEqual([]);
    expect(code).not.toMatch(/aws-cdk-lib/);
  });

  describe('runs a request end to end', () => {
    let server: http.Server;
    const bodies: Array<{ method?: string; contentType?: string; body: string }> = [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          bodies.push({ method: req.method, contentType: req.headers['content-type'], body });
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      bodies.length = 0;
    });

    /** Runs the bundled handler on `event` in a child process; its Connect endpoint refuses connections. */
    async function invoke(event: Record<string, unknown>): Promise<Record<string, unknown>> {
      const port = (server.address() as AddressInfo).port;
      const request = {
        ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:p',
        ResponseURL: `http://127.0.0.1:${port}/response?sig=1`,
        StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
        RequestId: 'r-1',
        LogicalResourceId: 'Resource',
        ResourceProperties: {},
        ...event,
      };
      await node(`
        require('./index.js').handler(${JSON.stringify(request)}, { getRemainingTimeInMillis: () => 25000 })
          .catch((e) => { console.error(e); process.exit(1); });
      `, { AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:9' });
      expect(bodies).toHaveLength(1);
      expect(bodies[0]).toMatchObject({ method: 'PUT', contentType: '' });
      return JSON.parse(bodies[0].body);
    }

    test('an unknown resource type: FAILED, naming every kind the registry serves', async () => {
      const response = await invoke({ RequestType: 'Create', ResourceType: 'Custom::ConnectNope' });
      const served = KIND_LIST.map((k) => k.resourceType).sort().join(', ');
      expect(response).toEqual({
        Status: 'FAILED',
        Reason: `unknown resource type Custom::ConnectNope; this handler serves ${served}`,
        PhysicalResourceId: 'cdk-connect:failed-create:r-1',
        StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
        RequestId: 'r-1',
        LogicalResourceId: 'Resource',
      });
    });

    test.each(KIND_LIST.map((k) => k.resourceType))('the delete of a failed create of %s succeeds without calling Connect', async (type) => {
      const response = await invoke({ RequestType: 'Delete', ResourceType: type, PhysicalResourceId: 'cdk-connect:failed-create:r-0' });
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'cdk-connect:failed-create:r-0' });
    });
  });
});

describe('the engine minified as the bundle is', () => {
  test('still names operations and tells reads from writes (esbuild renames the SDK\'s classes)', async () => {
    const out = path.join(dir, 'engine.js');
    await esbuild.build({
      stdin: {
        contents: [
          "export { KindContext } from './lambda/engine/context';",
          "export { DescribeInstanceAttributeCommand, UpdateInstanceAttributeCommand } from '@aws-sdk/client-connect';",
        ].join('\n'),
        resolveDir: path.join(__dirname, '..', '..', '..'),
        loader: 'ts',
      },
      // The flags of the bundle:handler task that matter here.
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      mainFields: ['module', 'main'],
      logLevel: 'silent',
      outfile: out,
    });
    const result = await node(`
      const m = require('./engine.js');
      const lines = [];
      let calls = 0;
      const client = { send: async () => { if (calls++ === 0) { const e = new Error('Rate exceeded'); e.name = 'ThrottlingException'; throw e; } return {}; } };
      const ctx = new m.KindContext({}, 't', { client, deadline: Date.now() + 60000, sleep: async () => {}, log: (l) => lines.push(l) });
      (async () => {
        await ctx.send(new m.DescribeInstanceAttributeCommand({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA' }));
        const reads = ctx.writeCalls;
        await ctx.send(new m.UpdateInstanceAttributeCommand({ InstanceId: 'i', AttributeType: 'EARLY_MEDIA', Value: 'true' }));
        console.log(JSON.stringify({ className: m.UpdateInstanceAttributeCommand.name, reads, writes: ctx.writeCalls, lines }));
      })();
    `);
    const { className, reads, writes, lines } = JSON.parse(result);
    // The minifier did rename the class: the engine must not rely on it.
    expect(className).not.toBe('UpdateInstanceAttributeCommand');
    expect(reads).toBe(0);
    expect(writes).toBe(1);
    expect(lines[0]).toMatch(/^DescribeInstanceAttribute: ThrottlingException, retrying in \d+ ms \(attempt 1\)$/);
  });
});
