/**
 * The signed-in session as components see it. Dashboards only render inside a session, so
 * `useSession()` always has a user there.
 */
import { createContext, useContext } from 'react';
import type { AnyError } from '../api/errors.ts';
import type { SessionUser } from './auth-api.ts';

/** What a dashboard may use of the session. */
export interface Session {
  user: SessionUser;
  /** Ends the session on the server and returns to the sign-in page. */
  signOut(): Promise<void>;
  /**
   * Signs the same user in again (a password change ends every session, this one too); resolves
   * to the error to show, or nothing.
   * @param password - the user's password now
   */
  signInAgain(password: string): Promise<AnyError>;
}

/** Provided by the app shell while someone is signed in. */
export const SessionContext = createContext<Session | null>(null);

/** The current session; throws outside a signed-in tree (a programming error). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside a signed-in session');
  return session;
}
