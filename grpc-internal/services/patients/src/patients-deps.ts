/** What the patients handlers need, built once by startPatientsService. */
import type { PatientRepository } from './repositories/patient-repository.ts';

/** Dependencies of every patients handler. */
export interface PatientsDeps {
  /** Patient storage. */
  patients: PatientRepository;
  /** The clock (a parameter so date rules can be tested at fixed instants). */
  now: () => Date;
}
