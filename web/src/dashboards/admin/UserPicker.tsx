/** Finds a staff account by name or email as the admin types, and hands the chosen one back. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ChoiceList, Chosen, Empty, Loaded, nodesOf, TextInput } from '../../ui/index.ts';
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
      <Chosen change="Change user" onChange={() => onChange(null)}>
        User: <strong>{value.displayName}</strong> ({value.email})
      </Chosen>
    );
  }
  const users = nodesOf(result.data?.users).slice(0, 10);
  return (
    <div className="mb-3" role="search">
      <TextInput label={label} placeholder="Name or email" value={text} onChange={(event) => setText(event.target.value)} />
      {search.length < 2 ? null : (
        <Loaded result={result} loading="Searching accounts…">
          {users.length === 0 ? (
            <Empty>No account matches “{search}”.</Empty>
          ) : (
            <ChoiceList
              label="Matching accounts"
              items={users}
              name={(user) => user.displayName}
              detail={(user) => `${user.email}, ${ROLE_LABELS[user.role]}`}
              onChoose={onChange}
            />
          )}
        </Loaded>
      )}
    </div>
  );
}
