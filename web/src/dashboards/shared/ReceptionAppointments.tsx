/**
 * Reception's view of one patient's coming appointments (ward staff and administrators): with
 * whom and when, checked in, moved or cancelled (a reason and a confirmation first) for any doctor.
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { ErrorMessage, nodesOf, Table } from '../../ui/index.ts';
import { AppointmentActions } from '../doctor/AppointmentActions.tsx';
import { STATUS_WORDS } from '../doctor/time.ts';
import { dayBounds, formatDateTime, todayIso } from '../../time/hospital-time.ts';

const PatientAppointments = graphql(`
  query ReceptionPatientAppointments($patientId: ID!, $from: DateTime!) {
    appointments(patientId: $patientId, from: $from, status: [SCHEDULED, CHECKED_IN], first: 20) {
      edges { node { id startsAt endsAt status doctor { id displayName } } }
    }
  }
`);

/** The patient's open appointments from the start of today on, each with reception's actions. */
export function ReceptionAppointments({ patient }: { patient: { id: string; fullName: string } }) {
  // From midnight: a morning appointment not yet checked in still shows in the afternoon.
  const from = useMemo(() => dayBounds(todayIso()).from.toISOString(), []);
  const [{ data, error }, reload] = useQuery({ query: PatientAppointments, variables: { patientId: patient.id, from }, requestPolicy: 'cache-and-network' });
  const rows = nodesOf(data?.appointments);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <div className="mt-4">
      <ErrorMessage error={error} />
      <Table
        caption={`Coming appointments of ${patient.fullName}`}
        rows={rows}
        rowKey={(row) => row.id}
        empty="No coming appointments."
        columns={[
          { header: 'When', cell: (row) => formatDateTime(row.startsAt) },
          { header: 'Doctor', cell: (row) => row.doctor.displayName },
          { header: 'Status', cell: (row) => STATUS_WORDS[row.status] },
          {
            header: 'Actions',
            cell: (row) => (
              <AppointmentActions reception appointment={row} who={`the appointment of ${formatDateTime(row.startsAt)} with ${row.doctor.displayName}`} onChanged={refresh} />
            ),
          },
        ]}
      />
    </div>
  );
}
