/**
 * Sign-in, refresh and sign-out through the router's session endpoints (`/session/*`, relayed by
 * the web server so they are this page's origin). The refresh token lives in an HttpOnly cookie
 * this code never sees; only the access token comes back, and it is kept in memory. A reload or a
 * new tab restores the session with `refresh()`.
 */
import { CombinedError } from '@urql/core';
import type { AnyError } from '../api/errors.ts';

/** The signed-in user as the dashboards see it (`role` is the GraphQL enum, e.g. "DOCTOR"). */
export interface SessionUser {
  id: string;
  email: string;
  role: 'ADMIN' | 'DOCTOR' | 'PHARMACIST' | 'FINANCE' | 'WARD_STAFF';
  displayName?: string;
}

/** The access token and user of a session; kept in memory only. */
export interface SessionTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: SessionUser;
}

/** A result: tokens, or the error to show. */
export type AuthResult = { ok: true; tokens: SessionTokens } | { ok: false; error: AnyError };

/** The three session calls, bound to one origin. */
export interface AuthApi {
  /** `newPassword` replaces a temporary password (after PASSWORD_CHANGE_REQUIRED). */
  login(email: string, password: string, newPassword?: string): Promise<AuthResult>;
  /** Rotates the cookie's refresh token; signs a reloaded page in again. */
  refresh(): Promise<AuthResult>;
  /** Ends the session and clears the cookie. */
  logout(): Promise<void>;
}

type Payload = { accessToken: string; expiresAt: string; user: { id: string; email: string; role: SessionUser['role']; displayName?: string | null } };
type Answer = Partial<Payload> & { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

function toTokens(payload: Payload): SessionTokens {
  const { displayName, ...user } = payload.user;
  return { accessToken: payload.accessToken, expiresAt: Date.parse(payload.expiresAt), user: displayName ? { ...user, displayName } : user };
}

/**
 * Builds the session calls next to `httpUrl` (the GraphQL endpoint: `/session/…` on its origin).
 * @param httpUrl - the absolute GraphQL URL
 * @param fetchImpl - fetch (a parameter for tests)
 */
export function createAuthApi(httpUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): AuthApi {
  const post = async (path: string, body: Record<string, unknown>): Promise<Answer> => {
    let response: Response;
    try {
      response = await fetchImpl(new URL(`/session/${path}`, httpUrl), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      return { errors: [{ message: (error as Error).message, extensions: { code: 'NETWORK' } }] };
    }
    try {
      return (await response.json()) as Answer;
    } catch {
      return { errors: [{ message: `HTTP ${response.status}`, extensions: { code: response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR' } }] };
    }
  };
  const result = (answer: Answer): AuthResult => {
    if (answer.accessToken && answer.expiresAt && answer.user) return { ok: true, tokens: toTokens(answer as Payload) };
    const errors = answer.errors ?? [{ message: 'No answer.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
    if (errors[0]?.extensions?.['code'] === 'NETWORK') return { ok: false, error: new CombinedError({ networkError: new Error(errors[0].message) }) };
    return { ok: false, error: new CombinedError({ graphQLErrors: errors }) };
  };
  // One refresh at a time, in this tab and across tabs (Web Locks): two refreshes presenting the
  // same cookie would look like a stolen token to the identity service, which ends the session.
  let refreshing: Promise<AuthResult> | undefined;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> =>
    typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('hospital-session-refresh', work) as Promise<unknown> as Promise<T>) : work();
  return {
    async login(email, password, newPassword) {
      return result(await post('login', { email, password, newPassword }));
    },
    refresh() {
      refreshing ??= exclusive(() => post('refresh', {}))
        .then(result)
        .finally(() => {
          refreshing = undefined;
        });
      return refreshing;
    },
    async logout() {
      // Best effort: the token is dropped from memory whatever the answer.
      await post('logout', {});
    },
  };
}
