import { ConnectClient, UpdateParticipantAuthenticationCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AuthenticationConfig,
  configFromEnvironment,
  createAuthenticationHandler,
  DEFAULT_PAGE_TEXT,
  handler,
  parseQuery,
} from '../../../lambda/chat/authentication';
import { escapeHtml } from '../../../lambda/chat/http';
import { serviceError } from '../fake';
import { httpEvent } from './events';

const connect = mockClient(ConnectClient);
const INSTANCE_ID = '11111111-2222-3333-4444-555555555555';
const CONFIG: AuthenticationConfig = { instanceId: INSTANCE_ID, pageText: DEFAULT_PAGE_TEXT };
const STATE = 'c3RhdGUtb2YtdGhlLWF1dGhlbnRpY2F0aW9u';
const CODE = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';

let log: jest.SpyInstance;
beforeEach(() => {
  connect.reset();
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());
afterAll(() => connect.restore());

function run(query: string, config: AuthenticationConfig = CONFIG, method = 'GET') {
  return createAuthenticationHandler(config, new ConnectClient({ region: 'us-east-1' }))(httpEvent(method, { query }));
}

/** Everything the handler logged, as one string. */
function logged(): string {
  return log.mock.calls.map((call) => call.join(' ')).join('\n');
}

describe('the redirect endpoint', () => {
  test('passes a code to UpdateParticipantAuthentication and says the customer is signed in', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).resolves({});
    const response = await run(`code=${CODE}&state=${STATE}`);
    expect(connect.commandCalls(UpdateParticipantAuthenticationCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceId: INSTANCE_ID, State: STATE, Code: CODE },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(`<p>${escapeHtml(DEFAULT_PAGE_TEXT.signedIn)}</p>`);
    expect(response.body).toContain('<html lang="en">');
  });

  test('passes an error with its description and says the customer is not signed in', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).resolves({});
    const response = await run(`error=access_denied&error_description=User+cancelled+the+sign-in&state=${STATE}`);
    expect(connect.commandCalls(UpdateParticipantAuthenticationCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceId: INSTANCE_ID, State: STATE, Error: 'access_denied', ErrorDescription: 'User cancelled the sign-in' },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(escapeHtml(DEFAULT_PAGE_TEXT.notSignedIn));
    expect(response.body).toContain('<p class="detail">User cancelled the sign-in</p>');
  });

  test('passes an error without a description', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).resolves({});
    await run(`state=${STATE}&error=server_error&error_description=`);
    expect(connect.commandCalls(UpdateParticipantAuthenticationCommand)[0].args[0].input)
      .toEqual({ InstanceId: INSTANCE_ID, State: STATE, Error: 'server_error' });
  });

  test('escapes what it echoes: the description of the error', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).resolves({});
    const response = await run(`error=invalid_request&error_description=${encodeURIComponent('<script>alert(1)</script> & \'x\'')}&state=${STATE}`);
    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;');
  });

  test('replaces characters of the description that the API does not take, and cuts a long one', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).resolves({});
    await run(`error=x&error_description=${encodeURIComponent('quote " backslash \\ é')}&state=${STATE}`);
    await run(`error=x&error_description=${'d'.repeat(3000)}&state=${STATE}`);
    const inputs = connect.commandCalls(UpdateParticipantAuthenticationCommand).map((c) => c.args[0].input);
    expect(inputs[0].ErrorDescription).toBe('quote ? backslash ? ?');
    expect(inputs[1].ErrorDescription).toBe('d'.repeat(2048));
  });

  test('never logs the code or the state', async () => {
    connect.on(UpdateParticipantAuthenticationCommand).rejects(serviceError('ConflictException', 'state already used', 409));
    await run(`code=${CODE}&state=${STATE}`);
    await run(`code=${CODE}`);
    expect(logged()).not.toContain(CODE);
    expect(logged()).not.toContain(STATE);
    expect(logged()).toContain('"outcome":"already-used"');
  });

  describe('bad input: a 400 page and no API call', () => {
    test.each([
      ['', 'state is missing'],
      [`code=${CODE}`, 'state is missing'],
      [`state=&code=${CODE}`, 'state is missing'],
      [`state=${'s'.repeat(1001)}&code=${CODE}`, 'state must be 1 to 1000 characters, got 1001'],
      [`state=${STATE}`, 'one of code or error is required'],
      [`state=${STATE}&code=${CODE}&error=access_denied`, 'code and error cannot both be given'],
      [`state=${STATE}&code=`, 'code must be 1 to 2048 characters, got 0'],
      [`state=${STATE}&code=${'c'.repeat(2049)}`, 'code must be 1 to 2048 characters, got 2049'],
      [`state=${STATE}&error=`, 'error must be 1 to 2048 characters, got 0'],
      [`state=${STATE}&error=${'e'.repeat(2049)}`, 'error must be 1 to 2048 characters, got 2049'],
      [`state=${STATE}&error=${encodeURIComponent('bad"error')}`, 'error must be printable ASCII characters other than &quot; and \\'],
      [`state=${STATE}&code=${CODE}&error_description=x`, 'error_description is given without error'],
      [`state=${STATE}&state=other&code=${CODE}`, 'state is given 2 times'],
      [`state=${STATE}&code=${CODE}&code=${CODE}`, 'code is given 2 times'],
    ].map(([query, reason]) => [reason, query]))('%s', async (reason, query) => {
      const response = await run(query);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(escapeHtml(DEFAULT_PAGE_TEXT.invalidRequest));
      expect(response.body).toContain(`<p class="detail">${reason}</p>`);
      expect(connect.calls()).toHaveLength(0);
    });

    test('a method other than GET gets 405', async () => {
      const response = await run(`code=${CODE}&state=${STATE}`, CONFIG, 'POST');
      expect(response.statusCode).toBe(405);
      expect(response.headers.Allow).toBe('GET');
      expect(connect.calls()).toHaveLength(0);
    });
  });

  describe('Connect\'s errors: a page the customer understands', () => {
    test.each([
      ['ConflictException', 409, 'state already used', 409, 'alreadyUsed'],
      ['InvalidRequestException', 400, 'The authentication session has expired', 410, 'expired'],
      ['InvalidRequestException', 400, 'Invalid state', 400, 'invalidRequest'],
      ['InvalidParameterException', 400, 'state is not valid', 400, 'invalidRequest'],
      ['InvalidParameterException', 400, 'State expired', 410, 'expired'],
      ['ThrottlingException', 429, 'Rate exceeded', 503, 'tryAgain'],
      ['InternalServiceException', 500, 'Internal error', 503, 'tryAgain'],
      ['AccessDeniedException', 403, 'not authorized', 500, 'failed'],
    ] as const)('%s (%s: %s) is a %s page', async (name, status, message, expectedStatus, text) => {
      connect.on(UpdateParticipantAuthenticationCommand).rejects(serviceError(name, message, status));
      const response = await run(`code=${CODE}&state=${STATE}`);
      expect(response.statusCode).toBe(expectedStatus);
      expect(response.body).toContain(escapeHtml(DEFAULT_PAGE_TEXT[text]));
      expect(logged()).toContain(`"error":"${name.replace(/Exception$/, '')}"`);
    });

    test('a failure of the network is a failed page', async () => {
      connect.on(UpdateParticipantAuthenticationCommand).rejects(new Error('socket hang up'));
      const response = await run(`code=${CODE}&state=${STATE}`);
      expect(response.statusCode).toBe(500);
      expect(response.body).toContain(escapeHtml(DEFAULT_PAGE_TEXT.failed));
    });

    test('a conflict after a retry of the SDK is the first attempt that went through', async () => {
      const conflict = serviceError('ConflictException', 'state already used', 409) as Error & { $metadata: { attempts?: number } };
      conflict.$metadata.attempts = 2;
      connect.on(UpdateParticipantAuthenticationCommand).rejects(conflict);
      expect((await run(`code=${CODE}&state=${STATE}`)).body).toContain(escapeHtml(DEFAULT_PAGE_TEXT.signedIn));
      expect((await run(`error=access_denied&state=${STATE}`)).body).toContain(escapeHtml(DEFAULT_PAGE_TEXT.notSignedIn));
    });
  });

  describe('its page', () => {
    test('cannot be cached, framed or leak the URL to another site', async () => {
      connect.on(UpdateParticipantAuthenticationCommand).resolves({});
      const { headers } = await run(`code=${CODE}&state=${STATE}`);
      expect(headers).toMatchObject({
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
        'X-Content-Type-Options': 'nosniff',
      });
      expect(headers['Content-Security-Policy']).toContain('default-src \'none\'');
    });

    test('has the texts configured, escaped', async () => {
      connect.on(UpdateParticipantAuthenticationCommand).resolves({});
      const pageText = { ...DEFAULT_PAGE_TEXT, lang: 'de', title: 'Anmeldung <Chat>', signedIn: 'Sie sind angemeldet & können zurück.' };
      const response = await run(`code=${CODE}&state=${STATE}`, { instanceId: INSTANCE_ID, pageText });
      expect(response.body).toContain('<html lang="de">');
      expect(response.body).toContain('<title>Anmeldung &lt;Chat&gt;</title>');
      expect(response.body).toContain('<p>Sie sind angemeldet &amp; können zurück.</p>');
    });

    test('is replaced by a redirect to the return URL, with the outcome', async () => {
      const config = { ...CONFIG, returnUrl: 'https://www.example.com/chat?from=sign-in' };
      connect.on(UpdateParticipantAuthenticationCommand).resolvesOnce({}).rejects(serviceError('ConflictException', 'used', 409));
      const signedIn = await run(`code=${CODE}&state=${STATE}`, config);
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.Location).toBe('https://www.example.com/chat?from=sign-in&chatAuthentication=signed-in');
      const reused = await run(`code=${CODE}&state=${STATE}`, { ...CONFIG, returnUrl: 'https://www.example.com/chat' });
      expect(reused.headers.Location).toBe('https://www.example.com/chat?chatAuthentication=already-used');
    });

    test('of bad input is still the 400 page with a return URL', async () => {
      const response = await run('code=x', { ...CONFIG, returnUrl: 'https://www.example.com/chat' });
      expect(response.statusCode).toBe(400);
      expect(response.headers.Location).toBeUndefined();
    });
  });
});

describe('parseQuery', () => {
  test('decodes the parameters', () => {
    expect(parseQuery('state=a%2Fb%3D&code=c%2Bd')).toEqual({ ok: true, state: 'a/b=', code: 'c+d' });
  });
});

describe('the configuration', () => {
  test('comes from the environment, with the default texts for those not given', () => {
    expect(configFromEnvironment({ INSTANCE_ID: INSTANCE_ID, PAGE_TEXT: '{"title":"Sign-in"}', RETURN_URL: 'https://x.example.com/' })).toEqual({
      instanceId: INSTANCE_ID,
      pageText: { ...DEFAULT_PAGE_TEXT, title: 'Sign-in' },
      returnUrl: 'https://x.example.com/',
    });
    expect(configFromEnvironment({ INSTANCE_ID })).toEqual({ instanceId: INSTANCE_ID, pageText: DEFAULT_PAGE_TEXT, returnUrl: undefined });
  });

  test('fails without an instance id', () => {
    expect(() => configFromEnvironment({})).toThrow(/INSTANCE_ID is not set/);
  });

  test('is read by the entry point', async () => {
    process.env.INSTANCE_ID = INSTANCE_ID;
    try {
      connect.on(UpdateParticipantAuthenticationCommand).resolves({});
      const response = await handler(httpEvent('GET', { query: `code=${CODE}&state=${STATE}` }));
      expect(response.statusCode).toBe(200);
      expect(connect.commandCalls(UpdateParticipantAuthenticationCommand)[0].args[0].input.InstanceId).toBe(INSTANCE_ID);
    } finally {
      delete process.env.INSTANCE_ID;
    }
  });
});
