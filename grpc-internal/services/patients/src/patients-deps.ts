/** What the patients handlers need, built once by startPatientsService. */
import type { CareDirectory } from '@hospital/service-kit';
import type { PatientRepository } from './repositories/patient-repository.ts';

/** Dependencies of every patients handler. */
export interface PatientsDeps {
  /** Patient storage. */
  patients: PatientRepository;
  /** Care relationships (appointments, ward), for allergy changes. */
  care: CareDirectory;
  /** The clock (a parameter so date rules can be tested at fixed instants). */
  now: () => Date;
  /** Whether a registration that may duplicate a record is stopped unless the caller insists. */
  possibleDuplicateCheck: boolean;
}
