/** Finds a staff account by name or email as the admin types, and hands the chosen one back. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, ErrorMessage, Loading, TextInput } from '../../ui/index.ts';
import { useDebounced } from '../shared/use-debounced.ts';
import { AdminUsers } from './admin-documents.ts';
import { ROLE_LABELS } from './roles.ts';

/** The account a picker hands back. */
export interface PickedUser {
  id: string;
  displayName: string;
  email: string;
}

/** A search box with matching accounts as buttons; the chosen one is shown with "Change user". */
export function UserPicker({ label, value, onChange }: { label: string; value: PickedUser | null; onChange: (user: PickedUser | null) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const [result] = useQuery({ query: AdminUsers, variables: { search, after: null }, pause: search.length < 2 });

  if (value) {
    return (
      <div className="mb-3 flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
        <span>
          User: <strong>{value.displayName}</strong> ({value.email})
        </span>
        <Button look="secondary" onClick={() => onChange(null)}>
          Change user
        </Button>
      </div>
    );
  }
  const users = result.data?.users.edges.map((edge) => edge.node).slice(0, 10) ?? [];
  return (
    <div className="mb-3" role="search">
      <TextInput label={label} placeholder="Name or email" value={text} onChange={(event) => setText(event.target.value)} />
      {search.length < 2 ? null : result.fetching && !result.data ? (
        <Loading label="Searching accounts…" />
      ) : result.error ? (
        <ErrorMessage error={result.error} />
      ) : users.length === 0 ? (
        <p className="text-sm italic text-slate-600">No account matches “{search}”.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200" aria-label="Matching accounts">
          {users.map((user) => (
            <li key={user.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
              <span>
                {user.displayName}{' '}
                <span className="text-slate-600">
                  ({user.email}, {ROLE_LABELS[user.role]})
                </span>
              </span>
              <Button look="secondary" onClick={() => onChange(user)} aria-label={`Choose ${user.displayName}`}>
                Choose
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
