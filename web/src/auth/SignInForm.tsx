/**
 * The sign-in form, used both as the start page and over a dashboard whose session expired (the
 * dashboard stays mounted underneath, so what the user typed there is kept).
 */
import { useState, type FormEvent } from 'react';
import { Button, ErrorMessage, TextInput } from '../ui/index.ts';
import type { AnyError } from '../api/errors.ts';

/** Sign-in fields and button; `onSubmit` resolves to an error to show, or nothing on success. */
export function SignInForm({ onSubmit, initialEmail = '', notice }: { onSubmit(email: string, password: string): Promise<AnyError>; initialEmail?: string; notice?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AnyError>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await onSubmit(email.trim(), password);
    setBusy(false);
    if (failure) {
      setError(failure);
      setPassword('');
    }
  }

  return (
    <form onSubmit={submit} aria-label="Sign in" className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow">
      <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
      {notice ? <p className="mb-3 text-sm text-slate-600">{notice}</p> : null}
      <TextInput label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus={!initialEmail} />
      <TextInput
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoFocus={!!initialEmail}
      />
      <ErrorMessage
        error={error}
        overrides={{
          UNAUTHENTICATED: 'The email or password is not correct. Please check them and try again.',
          BAD_USER_INPUT: 'Please enter a valid email address and your password.',
        }}
      />
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
