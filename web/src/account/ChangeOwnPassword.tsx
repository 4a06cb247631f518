/**
 * "Change my password", for every signed-in user: a header button opening a small form that asks
 * for the current password and the new one twice. The identity service checks the current one and
 * the password policy; its refusal is shown in the form. The change ends every session of the user
 * (other devices, and this one, which signs in again at once with the new password).
 */
import { useState } from 'react';
import { NewPasswordFields, newPasswordProblem, useNewPassword, useSession } from '../auth/index.ts';
import { graphql } from '../gql/index.ts';
import { Button, FormFooter, TextInput, useMutationForm, useOpened } from '../ui/index.ts';

const ChangeOwnPasswordMutation = graphql(`
  mutation ChangeOwnPassword($currentPassword: String!, $newPassword: String!) {
    changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword) { id }
  }
`);

/** The form; `onDone` closes it with a message. */
function ChangeOwnPasswordForm({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const password = useNewPassword();
  const { send: change, submit, footer } = useMutationForm(ChangeOwnPasswordMutation);
  const { signInAgain } = useSession();

  const onSubmit = submit(async (refuse) => {
    const found = newPasswordProblem(password.fields);
    if (found) return refuse(found);
    const next = password.fields.next;
    const result = await change({ currentPassword: current, newPassword: next });
    if (!result.data) return;
    // The change ended every session, this one too: sign in again with the new password (the
    // dashboard, and whatever was typed in it, stays; should this fail, the expired-session form shows).
    await signInAgain(next);
    onDone('Your password has been changed. You are signed out everywhere else.');
  });

  return (
    <form onSubmit={onSubmit} aria-label="Change my password" noValidate className="w-80 max-w-full">
      <TextInput label="Current password" type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} required />
      <NewPasswordFields fields={password} />
      <FormFooter submit="Change password" busy="Changing…" {...footer} onCancel={onCancel} />
    </form>
  );
}

/** The header button and, when open, the form in a panel under it. */
export function ChangeOwnPassword() {
  const form = useOpened();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <span className="relative">
      <Button look="secondary" onClick={() => (form.value ? form.close() : form.open(true), setNotice(null))} aria-expanded={!!form.value}>
        Change my password
      </Button>
      {notice ? (
        <span role="status" className="ml-2 text-emerald-900">
          {notice}
        </span>
      ) : null}
      {form.value ? (
        <div className="absolute right-0 z-10 mt-2 rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
          <ChangeOwnPasswordForm onCancel={form.close} onDone={form.closeAnd(setNotice)} />
        </div>
      ) : null}
    </span>
  );
}
