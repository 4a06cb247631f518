/** What the clinical handlers need, built once by startClinicalService. */
import type { CareDirectory } from '@hospital/service-kit';
import type { CareDepartments } from './departments/care-departments.ts';
import type { Icd10Catalogue } from './domain/icd10.ts';
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
  /** Who cares for which patient (the service kit's one care-relationship rule asks it; domain/record-access.ts). */
  carers: CareDirectory;
  /** The ICD-10 code list diagnoses are coded against. */
  icd10: Icd10Catalogue;
}
