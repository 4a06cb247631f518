/**
 * Seed builders for the appointments end-to-end tests, all through the router with real tokens:
 * patients registered by a doctor, appointments booked by the system's doctor or an admin, in
 * slots of a future day that no other test file books (every system has its own doctor account).
 */
import { uniqueLetters } from '@hospital/service-kit/testing';
import type { TestSystem } from '@hospital/test-support/system';
import { dataOf } from './ward-fixtures.ts';

/** The fields the tests read back from an appointment. */
export const APPOINTMENT_FIELDS = 'id status startsAt endsAt reason patient { id } doctor { id }';

/** An appointment as the tests read it. */
export interface BookedAppointment {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
  patient: { id: string };
  doctor: { id: string };
}

/** 08:00 UTC two days ahead: far enough from "now" for every slot rule, near enough for the horizon. */
function baseDay(): number {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 2);
  day.setUTCHours(8, 0, 0, 0);
  return day.getTime();
}

/**
 * Builders bound to a running system.
 * @param system - the running system (read lazily, after beforeAll)
 */
export function appointmentFixtures(system: () => TestSystem) {
  const base = baseDay();
  return {
    /**
     * A slot of `minutes` starting `offsetMinutes` after 08:00 UTC two days ahead.
     * @param offsetMinutes - start offset
     * @param minutes - length (30 by default)
     */
    slot(offsetMinutes: number, minutes = 30) {
      const start = base + offsetMinutes * 60_000;
      return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * 60_000).toISOString() };
    },
    /** Registers a patient (as a doctor) and returns the id. */
    async patient(): Promise<string> {
      const family = `Appt${uniqueLetters(8)}`;
      const result = await system().gql<{ registerPatient: { id: string } }>(
        'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
        { input: { givenName: 'Ada', familyName: family, dateOfBirth: '1984-04-04', sex: 'FEMALE' } },
        await system().tokenFor('doctor'),
      );
      return dataOf(result).registerPatient.id;
    },
    /**
     * Books an appointment with the system's doctor, as that doctor, and returns it.
     * @param patientId - the patient
     * @param slot - the slot
     */
    async book(patientId: string, slot: { startsAt: string; endsAt: string }): Promise<BookedAppointment> {
      const result = await system().gql<{ bookAppointment: BookedAppointment }>(
        `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { ${APPOINTMENT_FIELDS} } }`,
        { input: { patientId, ...slot } },
        await system().tokenFor('doctor'),
      );
      return dataOf(result).bookAppointment;
    },
  };
}
