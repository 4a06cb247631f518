/**
 * The actions on one account: change its role, unlock its sign-in (clear the delays that failed
 * sign-ins put on it), set a temporary password, deactivate it (after a confirmation), and
 * reactivate a deactivated one. Not offered on the admin's own account, which the identity
 * service refuses anyway.
 */
import { useState } from 'react';
import { useMutation } from 'urql';
import type { Role } from '../../gql/graphql.ts';
import { Button, ErrorMessage, useOpened } from '../../ui/index.ts';
import { AdminChangeRole, AdminDeactivateUser, AdminReactivateUser, AdminUnlockUser } from './admin-documents.ts';
import { TemporaryPasswordForm } from './TemporaryPasswordForm.tsx';
import { ROLE_LABELS, ROLE_OPTIONS } from './roles.ts';

/** An account as the list shows it. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
}

/** Role select + Save, and Deactivate with a confirm step. */
export function UserActions({ user, isSelf, onChanged }: { user: UserSummary; isSelf: boolean; onChanged: (message: string) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [roleState, changeRole] = useMutation(AdminChangeRole);
  const [deactivateState, deactivate] = useMutation(AdminDeactivateUser);
  const [unlockState, unlock] = useMutation(AdminUnlockUser);
  const [reactivateState, reactivate] = useMutation(AdminReactivateUser);
  const settingPassword = useOpened();

  if (isSelf) return <span className="text-xs text-slate-600">This is you</span>;
  if (!user.active) {
    const onReactivate = async () => {
      const result = await reactivate({ id: user.id });
      if (result.data) onChanged(`${user.displayName} can sign in again.`);
    };
    return (
      <div>
        <Button look="secondary" onClick={() => void onReactivate()} disabled={reactivateState.fetching} aria-label={`Reactivate ${user.displayName}`}>
          {reactivateState.fetching ? 'Reactivating…' : 'Reactivate'}
        </Button>
        <ErrorMessage error={reactivateState.error} />
      </div>
    );
  }

  const onSaveRole = async () => {
    const result = await changeRole({ id: user.id, role });
    if (result.data) onChanged(`${user.displayName} is now ${ROLE_LABELS[result.data.changeUserRole.role]}.`);
  };
  const onUnlock = async () => {
    const result = await unlock({ id: user.id });
    if (result.data) onChanged(`${user.displayName} can sign in again: failed-sign-in delays cleared.`);
  };
  const onDeactivate = async () => {
    const result = await deactivate({ id: user.id });
    setConfirming(false);
    if (result.data) onChanged(`${user.displayName} has been deactivated and signed out everywhere.`);
  };

  return (
    <div className="min-w-64">
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.displayName}
        </label>
        <select
          id={`role-${user.id}`}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button look="secondary" onClick={() => void onSaveRole()} disabled={role === user.role || roleState.fetching} aria-label={`Save role of ${user.displayName}`}>
          {roleState.fetching ? 'Saving…' : 'Save role'}
        </Button>
        <Button look="secondary" onClick={() => void onUnlock()} disabled={unlockState.fetching} aria-label={`Unlock sign-in of ${user.displayName}`}>
          {unlockState.fetching ? 'Unlocking…' : 'Unlock sign-in'}
        </Button>
        <Button look="secondary" onClick={() => settingPassword.open(true)} aria-label={`Set a temporary password for ${user.displayName}`}>
          Temporary password
        </Button>
        {confirming ? (
          <>
            <Button look="danger" onClick={() => void onDeactivate()} disabled={deactivateState.fetching} aria-label={`Confirm deactivating ${user.displayName}`}>
              {deactivateState.fetching ? 'Deactivating…' : 'Confirm deactivate'}
            </Button>
            <Button look="secondary" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button look="secondary" onClick={() => setConfirming(true)} aria-label={`Deactivate ${user.displayName}`}>
            Deactivate
          </Button>
        )}
      </div>
      {settingPassword.value ? <TemporaryPasswordForm user={user} onCancel={settingPassword.close} onDone={settingPassword.closeAnd(onChanged)} /> : null}
      <ErrorMessage error={roleState.error} />
      <ErrorMessage error={unlockState.error} />
      <ErrorMessage error={deactivateState.error} />
    </div>
  );
}
