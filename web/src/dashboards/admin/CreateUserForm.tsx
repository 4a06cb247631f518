/**
 * Creates a staff account. The password is checked for length here (the identity service
 * requires at least 12 characters) and cleared after success; it is never kept elsewhere.
 */
import { useState } from 'react';
import type { Role } from '../../gql/graphql.ts';
import { FormFooter, SelectInput, TextInput, useMutationForm } from '../../ui/index.ts';
import { AdminCreateUser } from './admin-documents.ts';
import { ROLE_LABELS, ROLE_OPTIONS } from './roles.ts';

const MIN_PASSWORD = 12;

/** The form; `onCreated` reports the new account. */
export function CreateUserForm({ onCreated }: { onCreated: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('DOCTOR');
  const { send: create, submit, footer } = useMutationForm(AdminCreateUser);

  const onSubmit = submit(async (refuse) => {
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return refuse('Enter the email address the person will sign in with.');
    if (displayName.trim() === '') return refuse('Enter the name colleagues will see.');
    if (password.length < MIN_PASSWORD) return refuse(`The password needs at least ${MIN_PASSWORD} characters.`);
    const result = await create({ input: { email: email.trim(), displayName: displayName.trim(), password, role } });
    if (result.data) {
      const user = result.data.createUser;
      onCreated(`Account created for ${user.displayName} (${user.email}) as ${ROLE_LABELS[user.role]}.`);
      setEmail('');
      setDisplayName('');
      setPassword('');
    }
  });

  return (
    <form onSubmit={onSubmit} aria-label="Create a user" noValidate className="max-w-md">
      <TextInput label="Email" type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} required />
      <TextInput label="Display name" autoComplete="off" value={displayName} onChange={(event) => setDisplayName(event.target.value)} required />
      <TextInput
        label="Initial password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={`At least ${MIN_PASSWORD} characters; the person should change it after signing in.`}
        required
      />
      <SelectInput label="Role" value={role} onChange={(event) => setRole(event.target.value as Role)} options={ROLE_OPTIONS} />
      <FormFooter submit="Create user" busy="Creating…" {...footer} overrides={{ CONFLICT: 'An account with this email already exists.' }} />
    </form>
  );
}
