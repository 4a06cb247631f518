/** What the ward handlers need, built once by startWardService. */
import type { PatientDirectory } from '@hospital/service-kit/grpc';
import type { AdmissionRepository } from './repositories/admission-repository.ts';
import type { StaffAssignmentRepository } from './repositories/staff-assignment-repository.ts';
import type { WardRepository } from './repositories/ward-repository.ts';

/** Dependencies of every ward handler. */
export interface WardDeps {
  /** Wards and beds. */
  wards: WardRepository;
  /** Admissions and transfers. */
  admissions: AdmissionRepository;
  /** Which wards each ward staff member is assigned to. */
  assignments: StaffAssignmentRepository;
  /** The patients department, for "does this patient exist, and is the record active?". */
  patients: PatientDirectory;
}
