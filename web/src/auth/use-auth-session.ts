/**
 * The session state machine: signed out → signed in (tokens in memory, refreshed shortly before
 * they expire) → expired (the API refused the token and refreshing failed: the user signs in again
 * over the still-mounted dashboard) → signed in again, or signed out.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnyError } from '../api/errors.ts';
import { isUnauthenticated } from '../api/errors.ts';
import type { AuthApi, SessionTokens } from './auth-api.ts';

/** Delay before refreshing: a minute before expiry, or half the lifetime for short tokens. */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const remaining = expiresAt - now;
  return Math.max(1_000, remaining > 120_000 ? remaining - 60_000 : remaining / 2);
}

/** What the shell renders from. */
export interface AuthSession {
  tokens: SessionTokens | undefined;
  expired: boolean;
  /** Bumped whenever a different user signs in: the API client and dashboard are rebuilt. */
  generation: number;
  getAccessToken(): string | undefined;
  /** Signs in; `newPassword` replaces a temporary password (the answer to PASSWORD_CHANGE_REQUIRED). */
  signIn(email: string, password: string, newPassword?: string): Promise<AnyError>;
  signOut(): Promise<void>;
  /** The API refused the token: refresh once, else mark the session expired. */
  onUnauthenticated(): void;
}

/** Holds the session for the app shell. */
export function useAuthSession(authApi: AuthApi): AuthSession {
  const [tokens, setTokensState] = useState<SessionTokens | undefined>();
  const [expired, setExpired] = useState(false);
  const [generation, setGeneration] = useState(0);
  const tokensRef = useRef<SessionTokens | undefined>(undefined);
  const refreshing = useRef<Promise<boolean> | undefined>(undefined);

  const setTokens = useCallback((next: SessionTokens | undefined) => {
    tokensRef.current = next;
    setTokensState(next);
  }, []);

  const refresh = useCallback((): Promise<boolean> => {
    const current = tokensRef.current;
    if (!current) return Promise.resolve(false);
    refreshing.current ??= authApi
      .refresh(current.refreshToken)
      .then((result) => {
        if (result.ok) {
          setTokens(result.tokens);
          setExpired(false);
          return true;
        }
        // A network blip is not an expired session: the timer tries again.
        if (isUnauthenticated(result.error)) setExpired(true);
        return false;
      })
      .finally(() => {
        refreshing.current = undefined;
      });
    return refreshing.current;
  }, [authApi, setTokens]);

  useEffect(() => {
    if (!tokens || expired) return;
    const timer = setTimeout(() => void refresh(), refreshDelayMs(tokens.expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [tokens, expired, refresh]);

  const signIn = useCallback(
    async (email: string, password: string, newPassword?: string): Promise<AnyError> => {
      const result = await authApi.login(email, password, newPassword);
      if (!result.ok) return result.error ?? 'Sign-in failed.';
      const previous = tokensRef.current;
      // The same person signing in again keeps the dashboard (and what they typed); anyone else starts fresh.
      if (!previous || previous.user.id !== result.tokens.user.id) setGeneration((g) => g + 1);
      setTokens(result.tokens);
      setExpired(false);
      return null;
    },
    [authApi, setTokens],
  );

  const signOut = useCallback(async () => {
    const current = tokensRef.current;
    setTokens(undefined);
    setExpired(false);
    setGeneration((g) => g + 1);
    if (current) await authApi.logout(current.refreshToken).catch(() => undefined);
  }, [authApi, setTokens]);

  const onUnauthenticated = useCallback(() => {
    void refresh().then((ok) => {
      if (!ok && tokensRef.current) setExpired(true);
    });
  }, [refresh]);

  const getAccessToken = useCallback(() => tokensRef.current?.accessToken, []);

  return useMemo(
    () => ({ tokens, expired, generation, getAccessToken, signIn, signOut, onUnauthenticated }),
    [tokens, expired, generation, getAccessToken, signIn, signOut, onUnauthenticated],
  );
}
