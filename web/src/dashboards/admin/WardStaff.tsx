/**
 * Which ward staff work on which ward: ward staff see and run only the wards they are assigned to,
 * so a new nurse is assigned here. Assign from the ward staff accounts; unassign per person.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, Empty, ErrorMessage, Loading, nodesOf, SelectInput } from '../../ui/index.ts';
import { AdminAssignStaff, AdminUnassignStaff, AdminWardStaffUsers, AdminWardsStaff } from './audit-documents.ts';

/** The ward picker, its staff and the assign form. */
export function WardStaff({ onChanged }: { onChanged: (message: string) => void }) {
  const [wardsResult] = useQuery({ query: AdminWardsStaff });
  const [usersResult] = useQuery({ query: AdminWardStaffUsers });
  const [wardId, setWardId] = useState('');
  const [userId, setUserId] = useState('');
  const [assignState, assign] = useMutation(AdminAssignStaff);
  const [unassignState, unassign] = useMutation(AdminUnassignStaff);

  if (wardsResult.error) return <ErrorMessage error={wardsResult.error} />;
  const wards = wardsResult.data?.wards;
  if (!wards) return <Loading label="Loading wards…" />;
  if (wards.length === 0) return <Empty>No wards yet.</Empty>;
  const ward = wards.find((candidate) => candidate.id === wardId) ?? wards[0]!;
  const assigned = new Set(ward.staff.map((person) => person.id));
  const candidates = nodesOf(usersResult.data?.users).filter((user) => user.active && !assigned.has(user.id));

  const onAssign = async () => {
    const user = candidates.find((candidate) => candidate.id === userId);
    if (!user) return;
    const result = await assign({ userId: user.id, wardId: ward.id });
    if (result.data) {
      setUserId('');
      onChanged(`${user.displayName} now works on ${ward.name}.`);
    }
  };
  const onUnassign = async (person: { id: string; displayName: string }) => {
    const result = await unassign({ userId: person.id, wardId: ward.id });
    if (result.data) onChanged(`${person.displayName} no longer works on ${ward.name}.`);
  };

  return (
    <div>
      <div className="w-72">
        <SelectInput
          label="Ward to staff"
          value={ward.id}
          onChange={(event) => setWardId(event.target.value)}
          options={wards.map((w) => ({ value: w.id, label: `${w.name} (${w.code})` }))}
        />
      </div>
      <ul aria-label={`Staff of ${ward.name}`} className="mb-3 divide-y divide-slate-100 rounded border border-slate-200">
        {ward.staff.length === 0 ? <li className="px-3 py-2 text-sm italic text-slate-600">No ward staff assigned.</li> : null}
        {ward.staff.map((person) => (
          <li key={person.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
            <span>
              {person.displayName} <span className="text-slate-600">({person.email})</span>
            </span>
            <Button look="secondary" onClick={() => void onUnassign(person)} disabled={unassignState.fetching} aria-label={`Unassign ${person.displayName} from ${ward.name}`}>
              Unassign
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={unassignState.error} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-72">
          <SelectInput
            label="Ward staff member to assign"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            options={[
              { value: '', label: candidates.length ? 'Choose a person' : 'Everyone is assigned' },
              ...candidates.map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
            ]}
          />
        </div>
        <Button className="mb-3" onClick={() => void onAssign()} disabled={userId === '' || assignState.fetching}>
          {assignState.fetching ? 'Assigning…' : `Assign to ${ward.name}`}
        </Button>
      </div>
      <ErrorMessage error={assignState.error} />
    </div>
  );
}
