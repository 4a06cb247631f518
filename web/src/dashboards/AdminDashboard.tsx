/**
 * The administrator's view: staff accounts (search, roles, unlock, temporary password, deactivate,
 * reactivate), creating an account, ward staff assignment, the audit trail, reception booking and
 * third-party apps. Clinical and billing work is done from the other roles' dashboards.
 */
import { useState } from 'react';
import { Section } from '../ui/index.ts';
import { CreateUserForm } from './admin/CreateUserForm.tsx';
import { AuditTrail } from './admin/AuditTrail.tsx';
import { ReceptionBooking } from './shared/ReceptionBooking.tsx';
import { WardStaff } from './admin/WardStaff.tsx';
import { UserList } from './admin/UserList.tsx';
import { ClientApps } from './admin/apps/ClientApps.tsx';

/** The admin dashboard. */
export function AdminDashboard() {
  const [listNotice, setListNotice] = useState<string | null>(null);
  const [createNotice, setCreateNotice] = useState<string | null>(null);
  const [wardNotice, setWardNotice] = useState<string | null>(null);
  return (
    <div>
      <Section title="Users and roles" notice={listNotice}>
        <UserList onChanged={setListNotice} />
      </Section>
      <Section title="Create a user" notice={createNotice}>
        <CreateUserForm onCreated={setCreateNotice} />
      </Section>
      <Section title="Ward staff" notice={wardNotice}>
        <WardStaff onChanged={setWardNotice} />
      </Section>
      <Section title="Audit trail">
        <AuditTrail />
      </Section>
      <Section title="Book for a doctor">
        <ReceptionBooking />
      </Section>
      <Section title="Third-party apps">
        <ClientApps />
      </Section>
    </div>
  );
}
