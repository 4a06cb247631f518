/**
 * Staff sessions with the refresh token in a cookie (issue 14), end to end through the real router
 * and identity service: the cookie's attributes, rotation on every refresh, reuse of a spent cookie
 * revoking the session, sign-out clearing it, the Origin rule (CSRF), and typed refusals of bad input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

const WEB_ORIGIN = 'http://127.0.0.1:3999';
const PUBLIC_ORIGIN = 'https://web.hospital.example';

let system: TestSystem;
let base: string;
systemForFile((running) => (system = running), { allowedOrigins: [WEB_ORIGIN, PUBLIC_ORIGIN] });
beforeAll(async () => {
  base = new URL('/session/', system.routerUrl).href;
});

interface Answer {
  status: number;
  cookie: string | null;
  body: { accessToken?: string; user?: { id: string; role: string }; revoked?: boolean; errors?: Array<{ extensions?: { code?: string; field?: string } }> };
}

/** A POST to a session endpoint as the web app sends it (unless told otherwise). */
async function call(path: 'login' | 'refresh' | 'logout', options: { body?: unknown; cookie?: string; origin?: string | null; contentType?: string } = {}): Promise<Answer> {
  const origin = options.origin === undefined ? WEB_ORIGIN : options.origin;
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
      ...(origin ? { origin } : {}),
      // eslint-disable-next-line house/conditional-spread -- an HTTP header: undefined would be sent, not left out
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body ?? {}),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie'), body: (await response.json()) as Answer['body'] };
}

/** The name=value part of a Set-Cookie. */
const pair = (setCookie: string | null) => (setCookie ?? '').split(';')[0] ?? '';
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

describe('POST /session/login', () => {
  it('answers the access token in the body and the refresh token only in an HttpOnly, SameSite=Strict cookie on /session', async () => {
    const { email, password, id } = system.accounts.doctor;
    const answer = await call('login', { body: { email, password } });
    expect(answer.status).toBe(200);
    expect(answer.body.accessToken).toMatch(/^ey/);
    expect(answer.body.user).toMatchObject({ id, role: 'DOCTOR' });
    expect(JSON.stringify(answer.body)).not.toContain('refresh');
    expect(answer.cookie).toMatch(/^hospital_refresh=[A-Za-z0-9_-]{43}; Path=\/session; HttpOnly; SameSite=Strict$/);
    // Any origin but this machine's gets Secure.
    const remote = await call('login', { body: { email, password }, origin: PUBLIC_ORIGIN });
    expect(remote.cookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
    // The access token works on /graphql.
    expect((await system.gql<{ me: { id: string } }>('{ me { id } }', {}, answer.body.accessToken)).data?.me.id).toBe(id);
  });

  it('refuses other origins and non-JSON bodies (CSRF), and bad input, with typed errors', async () => {
    const { email, password } = system.accounts.doctor;
    expect(await call('login', { body: { email, password }, origin: 'https://evil.example' })).toMatchObject({ status: 403, cookie: null });
    expect(await call('login', { body: { email, password }, origin: null })).toMatchObject({ status: 403, cookie: null });
    const form = await call('login', { body: `email=${email}&password=${password}`, contentType: 'application/x-www-form-urlencoded' });
    expect([form.status, codeOf(form), form.cookie]).toEqual([415, 'BAD_REQUEST', null]);
    const broken = await call('login', { body: '{"email":' });
    expect([broken.status, codeOf(broken)]).toEqual([400, 'BAD_REQUEST']);
    const missing = await call('login', { body: { email } });
    expect([missing.status, codeOf(missing), missing.body.errors?.[0]?.extensions?.field]).toEqual([400, 'BAD_USER_INPUT', 'password']);
    const wrongType = await call('login', { body: { email, password: 42 } });
    expect([wrongType.status, codeOf(wrongType)]).toEqual([400, 'BAD_USER_INPUT']);
    const wrong = await call('login', { body: { email, password: 'not the password at all' } });
    expect([wrong.status, codeOf(wrong), wrong.cookie]).toEqual([401, 'UNAUTHENTICATED', null]);
  });
});

describe('POST /session/refresh and /session/logout', () => {
  it('rotates the cookie on every refresh; a spent cookie presented again ends the session', async () => {
    const { email, password, id } = system.accounts.finance;
    const first = pair((await call('login', { body: { email, password } })).cookie);
    const second = await call('refresh', { cookie: first });
    expect(second.status).toBe(200);
    expect(second.body.user?.id).toBe(id);
    expect(pair(second.cookie)).not.toBe(first);
    // The thief replays the spent cookie: refused and cleared, and the owner's current one dies too.
    const replay = await call('refresh', { cookie: first });
    expect([replay.status, codeOf(replay)]).toEqual([401, 'UNAUTHENTICATED']);
    expect(replay.cookie).toMatch(/^hospital_refresh=; .*Max-Age=0/);
    expect((await call('refresh', { cookie: pair(second.cookie) })).status).toBe(401);
  });

  it('refuses a refresh without a cookie or from another origin', async () => {
    expect(codeOf(await call('refresh'))).toBe('UNAUTHENTICATED');
    const { email, password } = system.accounts.finance;
    const cookie = pair((await call('login', { body: { email, password } })).cookie);
    expect((await call('refresh', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('refresh', { cookie })).status).toBe(200);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const { email, password } = system.accounts.pharmacist;
    const login = await call('login', { body: { email, password } });
    const out = await call('logout', { cookie: pair(login.cookie) });
    expect(out).toMatchObject({ status: 200, body: { revoked: true } });
    expect(out.cookie).toMatch(/^hospital_refresh=; Path=\/session; HttpOnly; SameSite=Strict; Max-Age=0$/);
    expect((await call('refresh', { cookie: pair(login.cookie) })).status).toBe(401);
    // Signing out without a session is not an error.
    expect(await call('logout')).toMatchObject({ status: 200, body: { revoked: false } });
  });
});
