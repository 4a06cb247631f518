/**
 * The sign-in form, used both as the start page and over a dashboard whose session expired (the
 * dashboard stays mounted underneath, so what the user typed there is kept). A temporary password
 * (an admin's reset) is answered PASSWORD_CHANGE_REQUIRED: the form then asks for the new password,
 * and only the sign-in that replaces it opens a session.
 */
import { useState, type FormEvent } from 'react';
import { Button, ErrorMessage, FormFooter, TextInput } from '../ui/index.ts';
import { apiFailureOf, type AnyError } from '../api/errors.ts';
import { NewPasswordFields, newPasswordProblem, useNewPassword } from './NewPasswordFields.tsx';

/** Sends a sign-in; resolves to an error to show, or nothing on success. */
type SignIn = (email: string, password: string, newPassword?: string) => Promise<AnyError>;

/** Sign-in fields and button. */
export function SignInForm({ onSubmit, initialEmail = '', notice }: { onSubmit: SignIn; initialEmail?: string; notice?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AnyError>(null);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await onSubmit(email.trim(), password);
    setBusy(false);
    if (!failure) return;
    if (apiFailureOf(failure)?.code === 'PASSWORD_CHANGE_REQUIRED') return setMustChange(true);
    setError(failure);
    setPassword('');
  }

  if (mustChange) {
    return (
      <NewPasswordForm
        onSubmit={(newPassword) => onSubmit(email.trim(), password, newPassword)}
        onCancel={() => {
          setMustChange(false);
          setPassword('');
        }}
      />
    );
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

/** The replacement of a temporary password, typed twice; nothing else is reachable until it is set. */
function NewPasswordForm({ onSubmit, onCancel }: { onSubmit(newPassword: string): Promise<AnyError>; onCancel(): void }) {
  const password = useNewPassword();
  const [error, setError] = useState<AnyError>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found = newPasswordProblem(password.fields);
    setProblem(found);
    if (found) return;
    setBusy(true);
    const failure = await onSubmit(password.fields.next);
    setBusy(false);
    if (failure) setError(failure);
  }

  return (
    <form onSubmit={submit} aria-label="Choose a new password" noValidate className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow">
      <h1 className="mb-4 text-xl font-semibold">Choose a new password</h1>
      <p className="mb-3 text-sm text-slate-600">Your password was reset by an administrator. Choose a new one to continue; it signs you out everywhere else.</p>
      <NewPasswordFields fields={password} autoFocus />
      <FormFooter
        submit="Save and sign in"
        busy="Saving…"
        pending={busy}
        problem={problem}
        error={error}
        overrides={{ UNAUTHENTICATED: 'The temporary password no longer works. Please sign in again.' }}
        onCancel={onCancel}
      />
    </form>
  );
}
