/** What the clinical handlers need, built once by startClinicalService. */
import type { CareDepartments } from './clients/care-departments.ts';
import type { EncounterRepository, LabRepository, ProblemRepository, VitalsRepository } from './repositories/clinical-repository.ts';

/** Dependencies of every clinical handler. */
export interface ClinicalDeps {
  /** Encounters and notes. */
  encounters: EncounterRepository;
  /** Vital signs. */
  vitals: VitalsRepository;
  /** Problem lists. */
  problems: ProblemRepository;
  /** Lab orders and results. */
  labs: LabRepository;
  /** The appointments and ward departments (visits, stays, whose ward a patient lies on). */
  care: CareDepartments;
}
