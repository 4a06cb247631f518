/**
 * Sign-in, refresh and sign-out against the router's public identity mutations, on a client of
 * their own (no token, no cache), so refreshing never waits on the signed-in client.
 */
import { Client, fetchExchange } from '@urql/core';
import { graphql } from '../gql/index.ts';
import type { AnyError } from '../api/errors.ts';
import { persistedExchange } from '../api/persisted-exchange.ts';

const Login = graphql(`
  mutation Login($email: String!, $password: String!, $newPassword: String) {
    login(email: $email, password: $password, newPassword: $newPassword) {
      accessToken
      refreshToken
      expiresAt
      user { id email role displayName }
    }
  }
`);

const Refresh = graphql(`
  mutation Refresh($refreshToken: String!) {
    refreshToken(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      expiresAt
      user { id email role displayName }
    }
  }
`);

const Logout = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

/** The signed-in user as the dashboards see it (`role` is the GraphQL enum, e.g. "DOCTOR"). */
export interface SessionUser {
  id: string;
  email: string;
  role: 'ADMIN' | 'DOCTOR' | 'PHARMACIST' | 'FINANCE' | 'WARD_STAFF';
  displayName?: string;
}

/** Tokens and user of a session; kept in memory only. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: SessionUser;
}

/** A result: tokens, or the error to show. */
export type AuthResult = { ok: true; tokens: SessionTokens } | { ok: false; error: AnyError };

/** The three identity calls, bound to one endpoint. */
export interface AuthApi {
  /** `newPassword` replaces a temporary password (after PASSWORD_CHANGE_REQUIRED). */
  login(email: string, password: string, newPassword?: string): Promise<AuthResult>;
  refresh(refreshToken: string): Promise<AuthResult>;
  logout(refreshToken: string): Promise<void>;
}

type Payload = { accessToken: string; refreshToken: string; expiresAt: string; user: { id: string; email: string; role: SessionUser['role']; displayName?: string | null } };

function toTokens(payload: Payload): SessionTokens {
  const { displayName, ...user } = payload.user;
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: Date.parse(payload.expiresAt),
    user: displayName ? { ...user, displayName } : user,
  };
}

/** Builds the identity calls for `httpUrl`. */
export function createAuthApi(httpUrl: string): AuthApi {
  const client = new Client({ url: httpUrl, exchanges: [persistedExchange, fetchExchange], requestPolicy: 'network-only' });
  return {
    async login(email, password, newPassword) {
      const result = await client.mutation(Login, { email, password, newPassword }).toPromise();
      return result.data ? { ok: true, tokens: toTokens(result.data.login) } : { ok: false, error: result.error };
    },
    async refresh(refreshToken) {
      const result = await client.mutation(Refresh, { refreshToken }).toPromise();
      return result.data ? { ok: true, tokens: toTokens(result.data.refreshToken) } : { ok: false, error: result.error };
    },
    async logout(refreshToken) {
      // Best effort: the tokens are dropped from memory whatever the answer.
      await client.mutation(Logout, { refreshToken }).toPromise();
    },
  };
}
