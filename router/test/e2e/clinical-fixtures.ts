/**
 * Seed builders for the clinical end-to-end tests, through the router with real tokens: a visit
 * opened from a checked-in appointment (booked and opened as the system's doctor), and an admitted
 * patient on a ward the system's ward staff account works on, whom the system's doctor also sees
 * (a booked, checked-in appointment: the clinical record needs a care relationship).
 */
import type { TestSystem } from '@hospital/test-support/system';
import { appointmentFixtures } from './appointment-fixtures.ts';
import { dataOf, wardFixtures } from './ward-fixtures.ts';

/** What a visit's tests need. */
export interface SeededVisit {
  encounterId: string;
  appointmentId: string;
  patientId: string;
}

/**
 * Builders bound to a running system.
 * @param system - the running system (read when a builder runs, after beforeAll)
 */
export function clinicalFixtures(system: () => TestSystem) {
  const appointments = appointmentFixtures(system);
  const ward = wardFixtures(system);
  // Every booking takes the next half hour of the system's one doctor.
  let nextSlot = 0;
  return {
    ward,
    /** A booked, checked-in appointment (not yet a visit) of a new patient, or of the one given. */
    async checkedInAppointment(patientId?: string): Promise<{ appointmentId: string; patientId: string }> {
      const patient = patientId ?? (await appointments.patient());
      const booked = await appointments.book(patient, appointments.slot(30 * nextSlot++));
      dataOf(await system().gql('mutation($id: ID!) { checkInAppointment(id: $id) { status } }', { id: booked.id }, await system().tokenFor('ward_staff')));
      return { appointmentId: booked.id, patientId: patient };
    },
    /** A booked appointment still SCHEDULED. */
    async scheduledAppointment(): Promise<string> {
      const patientId = await appointments.patient();
      return (await appointments.book(patientId, appointments.slot(30 * nextSlot++))).id;
    },
    /** A visit opened as the doctor from a fresh checked-in appointment. */
    async visit(): Promise<SeededVisit> {
      const { appointmentId, patientId } = await this.checkedInAppointment();
      const opened = await system().gql<{ openVisit: { id: string } }>(
        'mutation($a: ID!) { openVisit(appointmentId: $a) { id } }',
        { a: appointmentId },
        await system().tokenFor('doctor'),
      );
      return { encounterId: dataOf(opened).openVisit.id, appointmentId, patientId };
    },
    /** A draft note written as the doctor; returns its id. */
    async draft(encounterId: string, text = 'Seen in clinic.'): Promise<string> {
      const written = await system().gql<{ writeNote: { id: string } }>(
        'mutation($e: ID!, $t: String!) { writeNote(encounterId: $e, text: $t) { id } }',
        { e: encounterId, t: text },
        await system().tokenFor('doctor'),
      );
      return dataOf(written).writeNote.id;
    },
    /** A patient admitted on a fresh ward (the system's ward staff works on it) and seen by the system's doctor (checked in). */
    async admitted(): Promise<{ patientId: string; admissionId: string; wardId: string }> {
      const seeded = await ward.ward(['1']);
      const patientId = await ward.patient();
      const admission = await ward.admit(patientId, seeded.beds[0]!);
      await this.checkedInAppointment(patientId);
      return { patientId, admissionId: admission.id, wardId: seeded.id };
    },
    /** An admitted patient whose stay the doctor opened and ordered potassium (2823-3) in; the order item's id. */
    async potassiumOnStay(): Promise<{ admitted: { patientId: string; admissionId: string; wardId: string }; orderId: string }> {
      const admitted = await this.admitted();
      const doctor = await system().tokenFor('doctor');
      const opened = await system().gql<{ openStay: { id: string } }>('mutation($a: ID!) { openStay(admissionId: $a) { id } }', { a: admitted.admissionId }, doctor);
      const ordered = await system().gql<{ orderLabTests: { id: string }[] }>(
        'mutation($e: ID!) { orderLabTests(encounterId: $e, loincCodes: ["2823-3"]) { id } }',
        { e: dataOf(opened).openStay.id },
        doctor,
      );
      return { admitted, orderId: dataOf(ordered).orderLabTests[0]!.id };
    },
  };
}
