/**
 * The consent screen of the authorization code flow (SMART App Launch): the signed-in clinician
 * sees which app asks, who answers for it and what it could do in plain words, and approves or
 * denies. Either way the browser then goes back to the app (with a one-time code, or with
 * error=access_denied). The app only ever gets what both the scopes and the clinician's role allow.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../auth/index.ts';
import { Button, Section } from '../ui/index.ts';
import { decide, loadConsentRequest, type ConsentRequest } from './consent-api.ts';
import { scopeInWords } from './scope-words.ts';

/** The screen, for the page's query string (the authorization request). */
export function ConsentScreen({ user, getAccessToken }: { user: SessionUser; getAccessToken: () => string | undefined }) {
  const query = window.location.search;
  const [request, setRequest] = useState<ConsentRequest | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const token = getAccessToken();
    if (!token) return;
    loadConsentRequest(query, token).then(setRequest, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [query, getAccessToken]);

  const answer = (approve: boolean) => {
    const token = getAccessToken();
    if (!token) return;
    setBusy(true);
    decide(query, approve, token).then(
      (target) => window.location.assign(target),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  return (
    <main className="mx-auto max-w-xl p-4">
      <Section title="Allow an app to act for you?">
        {error ? (
          <p role="alert" className="my-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
        {request ? (
          <>
            <p className="mb-2">
              <strong data-testid="consent-app-name">{request.appName}</strong> (contact: <span data-testid="consent-app-contact">{request.appContact}</span>) asks to act as you,{' '}
              {user.displayName ?? user.email}. It could:
            </p>
            <ul aria-label="What the app could do" className="mb-3 list-disc pl-6">
              {request.scopes.map((scope) => (
                <li key={scope} title={scope}>
                  {scopeInWords(scope)}
                </li>
              ))}
            </ul>
            <p className="mb-3 text-sm text-slate-600">Never more than your own role allows. The access lasts 5 minutes; after that the app must ask you again.</p>
            <div className="flex gap-2">
              <Button disabled={busy} onClick={() => answer(true)}>
                Allow
              </Button>
              <Button look="secondary" disabled={busy} onClick={() => answer(false)}>
                Deny
              </Button>
            </div>
          </>
        ) : error ? null : (
          <p>Loading the app's request…</p>
        )}
      </Section>
    </main>
  );
}
