/**
 * Sets a temporary password for a colleague who forgot theirs: typed, or generated here. The
 * identity service ends every session they hold; they sign in with it and change it themselves.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, FormFooter, TextInput } from '../../ui/index.ts';
import { AdminSetTemporaryPassword } from './admin-documents.ts';

/** 20 random characters from the browser's CSPRNG, in groups of five for reading out. */
function generatedPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The form for one account. */
export function TemporaryPasswordForm({ user, onDone, onCancel }: { user: { id: string; displayName: string }; onDone: (message: string) => void; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const [state, setTemporary] = useMutation(AdminSetTemporaryPassword);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const result = await setTemporary({ id: user.id, password });
    if (result.data) onDone(`${user.displayName} has a temporary password and was signed out everywhere; give it to them in person.`);
  };

  return (
    <form onSubmit={onSubmit} aria-label={`Temporary password for ${user.displayName}`} noValidate className="mt-2 rounded border border-amber-200 bg-amber-50 p-2">
      <TextInput
        label={`Temporary password for ${user.displayName}`}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        autoComplete="off"
        hint="At least 12 characters."
      />
      <FormFooter
        submit="Set password"
        busy="Setting…"
        pending={state.fetching}
        disabled={password === ''}
        error={state.error}
        onCancel={onCancel}
        leading={
          <Button look="secondary" onClick={() => setPassword(generatedPassword())}>
            Generate
          </Button>
        }
      />
    </form>
  );
}
