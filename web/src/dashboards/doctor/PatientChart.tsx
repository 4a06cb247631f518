/**
 * A patient's chart for the doctor: details, allergies, current admission, appointments (with
 * cancel and reschedule), prescriptions, vital signs and lab results, plus the forms to book and to
 * prescribe. `#lab-results` in the URL (a lab-result notification's link) brings the lab results into view.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useQuery } from 'urql';
import { EditPatientForm } from './EditPatientForm.tsx';
import { ROUTES } from '@hospital/grpc-contracts/prescribing';
import { graphql } from '../../gql/index.ts';
import { Button, ErrorMessage, Loading, Section, Table } from '../../ui/index.ts';
import { BookAppointmentForm } from './BookAppointmentForm.tsx';
import { PrescribeForm } from './PrescribeForm.tsx';
import { AppointmentActions } from './AppointmentActions.tsx';
import { STATUS_WORDS } from './time.ts';
import { formatDateTime } from '../../time/hospital-time.ts';
import { VitalsChart } from '../clinical/VitalsChart.tsx';
import { LabOrders } from '../clinical/LabOrders.tsx';

const Chart = graphql(`
  query DoctorPatientChart($id: ID!) {
    patient(id: $id) {
      id mrn givenName familyName fullName dateOfBirth sex phone email address allergies archived
      currentAdmission { id reason admittedAt ward { name } bed { label } }
      appointments(first: 20) { edges { node { id startsAt endsAt reason status doctor { displayName } } } }
      prescriptions(first: 20) {
        id status dose frequency route durationDays quantity prescribedAt cancellationReason
        drug { name strength }
        allergyOverride { reason allergies }
        review { action reason reviewedAt }
      }
    }
  }
`);

/** The id of the chart's lab results: `#lab-results` after a chart's path opens them. */
export const LAB_RESULTS_ANCHOR = 'lab-results';

const PRESCRIPTION_WORDS: Record<string, string> = { PENDING: 'Waiting at pharmacy', DISPENSED: 'Dispensed', CANCELLED: 'Cancelled' };

/** The chart of `patientId`; `onClose` returns to the search. */
export function PatientChart({ patientId, onClose }: { patientId: string; onClose(): void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: Chart, variables: { id: patientId }, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const patient = data?.patient;
  const { hash } = useLocation();
  const labResults = useRef<HTMLElement>(null);
  const loadedId = patient?.id;
  useEffect(() => {
    if (loadedId && hash === `#${LAB_RESULTS_ANCHOR}`) {
      labResults.current?.scrollIntoView({ block: 'start' });
      labResults.current?.focus({ preventScroll: true });
    }
  }, [loadedId, hash]);

  return (
    <Section
      title={patient ? `Chart: ${patient.fullName}` : 'Patient chart'}
      actions={
        <Button look="secondary" onClick={onClose}>
          Close chart
        </Button>
      }
    >
      <ErrorMessage error={error} />
      {fetching && !data ? <Loading label="Loading the chart…" /> : null}
      {data && !patient ? <p className="text-sm">We could not find this patient.</p> : null}
      {patient ? (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm md:grid-cols-4">
            <dt className="font-medium">MRN</dt>
            <dd>{patient.mrn}</dd>
            <dt className="font-medium">Born</dt>
            <dd>{patient.dateOfBirth}</dd>
            <dt className="font-medium">Sex</dt>
            <dd>{patient.sex.toLowerCase()}</dd>
            <dt className="font-medium">Phone</dt>
            <dd>{patient.phone ?? '—'}</dd>
            <dt className="font-medium">Email</dt>
            <dd>{patient.email ?? '—'}</dd>
            <dt className="font-medium">Address</dt>
            <dd>{patient.address ?? '—'}</dd>
          </dl>
          <div>
            <h3 className="font-semibold">Allergies</h3>
            {patient.allergies.length ? (
              <ul aria-label="Allergies" className="list-inside list-disc text-sm text-red-800">
                {patient.allergies.map((allergy) => (
                  <li key={allergy}>{allergy}</li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">No known allergies.</p>
            )}
          </div>
          {patient.archived ? null : <EditPatientForm key={patient.id} patient={patient} onSaved={reload} />}
          <div>
            <h3 className="font-semibold">Current admission</h3>
            {patient.currentAdmission ? (
              <p className="text-sm">
                {patient.currentAdmission.ward.name}, bed {patient.currentAdmission.bed.label} since {formatDateTime(patient.currentAdmission.admittedAt)} —{' '}
                {patient.currentAdmission.reason}
              </p>
            ) : (
              <p className="text-sm text-slate-500">Not admitted.</p>
            )}
          </div>
          <div>
            <h3 className="font-semibold">Appointments</h3>
            <Table
              caption="Appointments"
              rows={patient.appointments.edges.map((edge) => edge.node)}
              rowKey={(row) => row.id}
              empty="No appointments."
              columns={[
                { header: 'When', cell: (row) => formatDateTime(row.startsAt) },
                { header: 'Doctor', cell: (row) => row.doctor.displayName },
                { header: 'Reason', cell: (row) => row.reason ?? '—' },
                { header: 'Status', cell: (row) => STATUS_WORDS[row.status] ?? row.status },
                {
                  header: 'Actions',
                  cell: (row) => <AppointmentActions appointment={row} who={`the appointment of ${formatDateTime(row.startsAt)}`} onChanged={reload} />,
                },
              ]}
            />
          </div>
          <div>
            <h3 className="font-semibold">Prescriptions</h3>
            <Table
              caption="Prescriptions"
              rows={patient.prescriptions}
              rowKey={(row) => row.id}
              empty="No prescriptions."
              columns={[
                { header: 'Drug', cell: (row) => `${row.drug.name} ${row.drug.strength}` },
                {
                  header: 'Dose',
                  cell: (row) => (
                    <>
                      {row.dose}
                      {row.route ? ` ${ROUTES[row.route]}` : ''}, {row.frequency}, {row.durationDays} days ({row.quantity})
                      {row.allergyOverride ? (
                        <div className="text-xs font-medium text-amber-800">
                          Allergy alert overridden ({row.allergyOverride.allergies.join(', ')}): {row.allergyOverride.reason}
                        </div>
                      ) : null}
                    </>
                  ),
                },
                { header: 'Written', cell: (row) => formatDateTime(row.prescribedAt) },
                {
                  header: 'Status',
                  cell: (row) => (
                    <>
                      {row.review?.action === 'REJECT' ? 'Rejected by pharmacy' : (PRESCRIPTION_WORDS[row.status] ?? row.status)}
                      {row.review ? (
                        <div className="text-xs font-medium text-red-800">
                          {row.review.action === 'QUERY' ? 'Pharmacy query' : 'Reason'}: {row.review.reason}
                        </div>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          </div>
          <VitalsChart patientId={patient.id} who={patient.fullName} />
          <section ref={labResults} id={LAB_RESULTS_ANCHOR} tabIndex={-1} aria-label="Lab results" className="focus:outline-none">
            <LabOrders patientId={patient.id} />
          </section>
          {patient.archived ? null : (
            <div className="grid gap-4 md:grid-cols-2">
              <BookAppointmentForm patientId={patient.id} onBooked={reload} />
              <PrescribeForm patientId={patient.id} allergies={patient.allergies} onPrescribed={reload} />
            </div>
          )}
        </div>
      ) : null}
    </Section>
  );
}
