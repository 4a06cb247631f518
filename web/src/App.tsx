/**
 * The app shell: sign-in, then the signed-in user's dashboard chosen by role. The URL (react-router)
 * picks the screen within a dashboard and is kept while signing in, so a deep link or a reload
 * lands on the same screen. An expired session shows the sign-in form over the dashboard, which
 * stays mounted so typed text survives.
 */
import { useEffect, useMemo, type ComponentType } from 'react';
import { BrowserRouter } from 'react-router';
import { Provider } from 'urql';
import { createApiClient } from './api/client.ts';
import { createAuthApi, SessionContext, SignInForm, useAuthSession, useIdleLock, type Session, type SessionUser } from './auth/index.ts';
import { Button } from './ui/index.ts';
import { DoctorDashboard } from './dashboards/DoctorDashboard.tsx';
import { WardDashboard } from './dashboards/WardDashboard.tsx';
import { PharmacistDashboard } from './dashboards/PharmacistDashboard.tsx';
import { FinanceDashboard } from './dashboards/FinanceDashboard.tsx';
import { AdminDashboard } from './dashboards/AdminDashboard.tsx';
import { ChangeOwnPassword } from './account/ChangeOwnPassword.tsx';
import { NotificationBell } from './notifications/index.ts';
import { CONSENT_PATH, ConsentScreen } from './consent/index.ts';

/** One dashboard per role, and its heading. */
const DASHBOARDS: Record<SessionUser['role'], { title: string; component: ComponentType }> = {
  DOCTOR: { title: 'Doctor dashboard', component: DoctorDashboard },
  WARD_STAFF: { title: 'Ward dashboard', component: WardDashboard },
  PHARMACIST: { title: 'Pharmacy dashboard', component: PharmacistDashboard },
  FINANCE: { title: 'Finance dashboard', component: FinanceDashboard },
  ADMIN: { title: 'Administration dashboard', component: AdminDashboard },
};

/** The whole app for one GraphQL endpoint, under the browser's URL; `idleLockMinutes` defaults to 15. */
export function App(props: { httpUrl: string; wsUrl: string; idleLockMinutes?: number }) {
  return (
    <BrowserRouter>
      <Shell {...props} />
    </BrowserRouter>
  );
}

/** Sign-in, then the dashboard of the signed-in user's role. */
function Shell({ httpUrl, wsUrl, idleLockMinutes = 15 }: { httpUrl: string; wsUrl: string; idleLockMinutes?: number }) {
  const authApi = useMemo(() => createAuthApi(httpUrl), [httpUrl]);
  const auth = useAuthSession(authApi);
  const { tokens, generation, getAccessToken, onUnauthenticated, signOut, signIn } = auth;

  // A fresh client (and cache, and WebSocket) per signed-in user.
  const api = useMemo(() => createApiClient({ httpUrl, wsUrl, getAccessToken, onUnauthenticated }), [httpUrl, wsUrl, generation, getAccessToken, onUnauthenticated]);
  useEffect(() => () => api.dispose(), [api]);

  const user = tokens?.user;
  useIdleLock(idleLockMinutes, user !== undefined && !auth.locked, auth.lock);
  const session = useMemo<Session | null>(() => (user ? { user, signOut, signInAgain: (password) => signIn(user.email, password) } : null), [user, signOut, signIn]);

  if (!session && auth.restoring) {
    return (
      <main className="flex min-h-screen items-center justify-center p-4">
        <p role="status">Opening your session…</p>
      </main>
    );
  }
  if (!session) {
    return (
      <main className="flex min-h-screen items-center justify-center p-4">
        <SignInForm onSubmit={auth.signIn} />
      </main>
    );
  }
  // An app's authorization request (router /oauth/authorize): the consent screen, once signed in.
  if (window.location.pathname === CONSENT_PATH) return <ConsentScreen user={session.user} getAccessToken={getAccessToken} />;
  const dashboard = DASHBOARDS[session.user.role];
  const Dashboard = dashboard.component;
  return (
    <SessionContext.Provider value={session}>
      <Provider value={api.client}>
        <div className="min-h-screen" aria-hidden={auth.expired || auth.locked || undefined} inert={auth.locked || undefined}>
          <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 print:hidden">
            <span className="font-semibold text-sky-800">Hospital</span>
            <span className="flex items-center gap-3 text-sm">
              <span>{session.user.displayName ?? session.user.email}</span>
              <NotificationBell />
              <ChangeOwnPassword />
              <Button look="secondary" onClick={() => void signOut()}>
                Sign out
              </Button>
            </span>
          </header>
          <main className="mx-auto max-w-6xl p-4">
            <h1 className="mb-4 text-2xl font-semibold">{dashboard.title}</h1>
            <Dashboard key={generation} />
          </main>
        </div>
        {auth.locked ? (
          <div role="dialog" aria-modal="true" aria-label="Screen locked" className="fixed inset-0 flex items-center justify-center bg-slate-900/60 p-4">
            <SignInForm
              onSubmit={auth.signIn}
              initialEmail={session.user.email}
              notice={`Locked after ${idleLockMinutes} minutes without activity. Enter your password to carry on where you left off.`}
            />
          </div>
        ) : auth.expired ? (
          <div role="dialog" aria-modal="true" aria-label="Session ended" className="fixed inset-0 flex items-center justify-center bg-slate-900/40 p-4">
            <SignInForm onSubmit={auth.signIn} initialEmail={session.user.email} notice="Your session has ended. Sign in again to continue where you left off." />
          </div>
        ) : null}
      </Provider>
    </SessionContext.Provider>
  );
}
