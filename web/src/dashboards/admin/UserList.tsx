/** Staff accounts by role, a page at a time, with the actions on each. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../auth/session-context.ts';
import type { Role } from '../../gql/graphql.ts';
import { PagedTable, SelectInput, TextInput, useCursorPages, usePageFilter } from '../../ui/index.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { useDebounced } from '../shared/use-debounced.ts';
import { AdminUsers } from './admin-documents.ts';
import { ROLE_LABELS, ROLE_OPTIONS } from './roles.ts';
import { UserActions } from './UserActions.tsx';

/** The list; `onChanged` reports a successful change. */
export function UserList({ onChanged }: { onChanged: (message: string) => void }) {
  const { user: me } = useSession();
  const pages = useCursorPages();
  const [role, setRole] = usePageFilter<Role | ''>(pages, '');
  const [text, setText] = usePageFilter(pages, '');
  const search = useDebounced(text.trim());
  // A new account must show up even when the filtered list was empty (no User in it yet).
  const context = useMemo(() => ({ additionalTypenames: ['User'] }), []);
  const [result] = useQuery({ query: AdminUsers, variables: { role: role || null, search: search || null, after: pages.after }, context });

  return (
    <div>
      <div className="flex flex-wrap gap-x-4">
        <div className="w-64">
          <TextInput label="Search by name or email" type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        <div className="w-64">
          <SelectInput
            label="Show role"
            value={role}
            onChange={(event) => setRole(event.target.value as Role | '')}
            options={[{ value: '', label: 'All roles' }, ...ROLE_OPTIONS]}
          />
        </div>
      </div>
      <PagedTable
        result={result}
        loading="Loading staff accounts…"
        page={result.data?.users}
        pages={pages}
        noun="account"
        caption="Staff accounts"
        rowKey={(row) => row.id}
        empty={search ? `No account matches “${search}”.` : role ? `No ${ROLE_LABELS[role].toLowerCase()} accounts.` : 'No staff accounts.'}
        columns={[
          { header: 'Name', cell: (row) => row.displayName },
          { header: 'Email', cell: (row) => row.email },
          { header: 'Role', cell: (row) => ROLE_LABELS[row.role] },
          { header: 'Status', cell: (row) => (row.active ? 'Active' : <span className="text-slate-600">Deactivated</span>) },
          { header: 'Created', cell: (row) => formatDateTime(row.createdAt) },
          { header: 'Actions', cell: (row) => <UserActions key={`${row.id}:${row.role}`} user={row} isSelf={row.id === me.id} onChanged={onChanged} /> },
        ]}
      />
    </div>
  );
}
