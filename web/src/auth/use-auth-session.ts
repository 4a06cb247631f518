/**
 * The session state machine: restoring (a reload or a new tab asks the router's session endpoint,
 * whose HttpOnly cookie holds the refresh token) → signed out → signed in (the access token in
 * memory, refreshed shortly before it expires) → expired (the API refused the token and refreshing
 * failed: the user signs in again over the still-mounted dashboard) → signed in again, or signed out.
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
  /** True until the first answer on whether the browser still holds a session (after a reload). */
  restoring: boolean;
  /** Locked after idling: the server session is ended, the dashboard stays until the password is typed again. */
  locked: boolean;
  /** Locks now: ends the server session (a reload cannot skip the lock) and drops the access token. */
  lock(): void;
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
  const [restoring, setRestoring] = useState(true);
  const [locked, setLocked] = useState(false);
  const lockedRef = useRef(false);
  const tokensRef = useRef<SessionTokens | undefined>(undefined);
  const refreshing = useRef<Promise<boolean> | undefined>(undefined);

  const setTokens = useCallback((next: SessionTokens | undefined) => {
    tokensRef.current = next;
    setTokensState(next);
  }, []);

  const refresh = useCallback((): Promise<boolean> => {
    if (!tokensRef.current) return Promise.resolve(false);
    refreshing.current ??= authApi
      .refresh()
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

  // A reload or a new tab: the cookie may still hold a session.
  useEffect(() => {
    let cancelled = false;
    void authApi.refresh().then((result) => {
      if (cancelled) return;
      if (result.ok && !tokensRef.current) {
        setGeneration((g) => g + 1);
        setTokens(result.tokens);
      }
      setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, [authApi, setTokens]);

  useEffect(() => {
    if (!tokens || expired || locked) return;
    const timer = setTimeout(() => void refresh(), refreshDelayMs(tokens.expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [tokens, expired, locked, refresh]);

  const signIn = useCallback(
    async (email: string, password: string, newPassword?: string): Promise<AnyError> => {
      const result = await authApi.login(email, password, newPassword);
      if (!result.ok) return result.error ?? 'Sign-in failed.';
      const previous = tokensRef.current;
      // The same person signing in again keeps the dashboard (and what they typed); anyone else starts fresh.
      if (!previous || previous.user.id !== result.tokens.user.id) setGeneration((g) => g + 1);
      lockedRef.current = false;
      setLocked(false);
      setTokens(result.tokens);
      setExpired(false);
      return null;
    },
    [authApi, setTokens],
  );

  const signOut = useCallback(async () => {
    setTokens(undefined);
    setExpired(false);
    lockedRef.current = false;
    setLocked(false);
    setGeneration((g) => g + 1);
    await authApi.logout().catch(() => undefined);
  }, [authApi, setTokens]);

  const onUnauthenticated = useCallback(() => {
    void refresh().then((ok) => {
      if (!ok && tokensRef.current) setExpired(true);
    });
  }, [refresh]);

  const lock = useCallback(() => {
    if (lockedRef.current || !tokensRef.current) return;
    lockedRef.current = true;
    setLocked(true);
    void authApi.logout().catch(() => undefined);
  }, [authApi]);

  // Nothing is sent with the old token while locked: the user must prove who they are first.
  const getAccessToken = useCallback(() => (lockedRef.current ? undefined : tokensRef.current?.accessToken), []);

  return useMemo(
    () => ({ tokens, restoring, locked, lock, expired, generation, getAccessToken, signIn, signOut, onUnauthenticated }),
    [tokens, restoring, locked, lock, expired, generation, getAccessToken, signIn, signOut, onUnauthenticated],
  );
}
