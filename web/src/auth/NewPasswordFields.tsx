/**
 * A new password typed twice, as both places that set one ask for it: the sign-in that replaces an
 * administrator's temporary password, and "Change my password". The identity service checks the
 * password policy; the form only checks that the two typings agree before sending.
 */
import { TextInput, useFields, type Fields } from '../ui/index.ts';

/** The two typings of the new password. */
export type NewPassword = { next: string; repeat: string };

/** The problem to show before sending, or null when the two typings agree. */
export function newPasswordProblem({ next, repeat }: NewPassword): string | null {
  return next === repeat ? null : 'The two new passwords differ.';
}

/** The state of the two fields, both empty to start. */
export function useNewPassword(): Fields<NewPassword> {
  return useFields<NewPassword>({ next: '', repeat: '' });
}

/**
 * "New password" (with the policy's hint) and "New password again".
 * @param props.fields - from {@link useNewPassword}
 * @param props.autoFocus - focus the first field (the form opens on it)
 */
export function NewPasswordFields({ fields, autoFocus }: { fields: Fields<NewPassword>; autoFocus?: boolean }) {
  return (
    <>
      <TextInput
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        value={fields.fields.next}
        onChange={fields.set('next')}
        hint="At least 12 characters."
        autoFocus={autoFocus}
      />
      <TextInput label="New password again" type="password" autoComplete="new-password" required value={fields.fields.repeat} onChange={fields.set('repeat')} />
    </>
  );
}
