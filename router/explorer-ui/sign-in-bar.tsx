/**
 * The bar above GraphiQL: sign in as a user, as an app or with a pasted token, and sign out.
 */
import { useState, type FormEvent } from 'react';
import { sessionFromToken, signInAsApp, signInAsUser, type Session } from './session.ts';

type Mode = 'user' | 'app' | 'token';

const MODES: Array<{ mode: Mode; title: string }> = [
  { mode: 'user', title: 'User' },
  { mode: 'app', title: 'App' },
  { mode: 'token', title: 'Token' },
];

/**
 * @param props - the current session and the setter the explorer's fetcher follows
 */
export function SignInBar(props: { session: Session | null; onSession: (session: Session | null) => void }) {
  const [mode, setMode] = useState<Mode>('user');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: string, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        name={name}
        autoComplete="off"
        value={fields[name] ?? ''}
        onChange={(event) => {
          setFields({ ...fields, [name]: event.target.value });
        }}
      />
    </label>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const get = (name: string) => fields[name] ?? '';
      const session =
        mode === 'user'
          ? await signInAsUser(get('email'), get('password'))
          : mode === 'app'
            ? await signInAsApp(get('clientId'), get('clientSecret'), get('scope'))
            : sessionFromToken(get('token'));
      // Secrets leave the form once used; only the access token stays, in memory.
      setFields({});
      props.onSession(session);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  if (props.session) {
    return (
      <header className="explorer-bar">
        <span role="status">Signed in as {props.session.label}</span>
        <button type="button" onClick={() => props.onSession(null)}>
          Sign out
        </button>
      </header>
    );
  }
  return (
    <header className="explorer-bar">
      <span role="status">Not signed in: only public operations (login) run.</span>
      <nav aria-label="Sign in as">
        {MODES.map(({ mode: m, title }) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {title}
          </button>
        ))}
      </nav>
      <form onSubmit={submit}>
        {mode === 'user' && (
          <>
            {field('email', 'Email', 'email')}
            {field('password', 'Password', 'password')}
          </>
        )}
        {mode === 'app' && (
          <>
            {field('clientId', 'Client id')}
            {field('clientSecret', 'Client secret', 'password')}
            {field('scope', 'Scopes')}
          </>
        )}
        {mode === 'token' && field('token', 'Access token', 'password')}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      {error && <span role="alert">{error}</span>}
    </header>
  );
}
