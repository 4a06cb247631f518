/**
 * The PatientsService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type {
  ArchivePatientRequest__Output,
  FindPossibleDuplicatesRequest__Output,
  FindPossibleDuplicatesResponse,
  GetAllergyHistoriesRequest__Output,
  GetAllergyHistoriesResponse,
  GetPatientsRequest__Output,
  GetPatientsResponse,
  Patient,
  PatientsServiceHandlers,
  RegisterPatientRequest__Output,
  SearchPatientsRequest__Output,
  SearchPatientsResponse,
  UpdatePatientRequest__Output,
} from '@hospital/grpc-contracts';
import { type AuditSpec, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import { archivePatientHandler } from './handlers/archive-patient.handler.ts';
import { findPossibleDuplicatesHandler } from './handlers/find-possible-duplicates.handler.ts';
import { getAllergyHistoriesHandler } from './handlers/get-allergy-histories.handler.ts';
import { getPatientsHandler } from './handlers/get-patients.handler.ts';
import { registerPatientHandler } from './handlers/register-patient.handler.ts';
import { searchPatientsHandler } from './handlers/search-patients.handler.ts';
import { updatePatientHandler } from './handlers/update-patient.handler.ts';
import type { PatientsDeps } from './patients-deps.ts';

/** Fully qualified service name, as health checks know it. */
export const PATIENTS_SERVICE_NAME = 'hospital.patients.v1.PatientsService';

/** Everyone on staff looks patients up: pharmacy and billing need to know whom they serve. */
const READERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff', 'pharmacist', 'finance'];
/** Clinical and ward staff register patients and keep their details current. */
const WRITERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];
/** Allergies are clinical: everyone on staff but finance reads them (as `Patient.allergies`). */
const ALLERGY_READERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff', 'pharmacist'];
/** Archiving hides a record from every search: an administrative decision. */
const ARCHIVERS: readonly RoleName[] = ['admin'];

/**
 * Field names a registration or update writes: what was written, never the values. An update's
 * fields are proto3 `optional`, so a present empty string is a write (it clears the field); a
 * registration's empty strings are fields left out.
 */
function writtenFields(request: RegisterPatientRequest__Output | UpdatePatientRequest__Output): string[] {
  const isUpdate = 'setAllergies' in request;
  // proto3 `optional` fields also appear as a synthetic oneof named `_field`: not a field.
  const fields = Object.entries(request)
    .filter(([name]) => !name.startsWith('_') && !['id', 'allergies', 'setAllergies', 'allowPossibleDuplicate'].includes(name))
    .filter(([, value]) => value !== undefined && value !== null && (isUpdate || (value !== '' && value !== 'SEX_UNSPECIFIED')))
    .map(([name]) => name);
  const setsAllergies = isUpdate ? request.setAllergies : request.allergies.length > 0;
  return setsAllergies ? [...fields, 'allergies'] : fields;
}

const idsOf = (patients: readonly Patient[] = []) => patients.map((patient) => patient.id ?? '');

/** Every method reads or writes patient data: each call is one audit row per patient touched. */
const AUDIT: {
  get: AuditSpec<GetPatientsRequest__Output, GetPatientsResponse>;
  search: AuditSpec<SearchPatientsRequest__Output, SearchPatientsResponse>;
  register: AuditSpec<RegisterPatientRequest__Output, Patient>;
  duplicates: AuditSpec<FindPossibleDuplicatesRequest__Output, FindPossibleDuplicatesResponse>;
  update: AuditSpec<UpdatePatientRequest__Output, Patient>;
  archive: AuditSpec<ArchivePatientRequest__Output, Patient>;
  allergyHistory: AuditSpec<GetAllergyHistoriesRequest__Output, GetAllergyHistoriesResponse>;
} = {
  get: { resource: 'Patient', requested: (request) => request.ids, returned: (response) => idsOf(response.patients) },
  search: { resource: 'Patient', returned: (response) => idsOf(response.patients) },
  register: { resource: 'Patient', returned: (response) => [response.id ?? ''], fields: writtenFields },
  duplicates: { resource: 'Patient', returned: (response) => idsOf((response.candidates ?? []).flatMap((candidate) => (candidate.patient ? [candidate.patient] : []))) },
  update: { resource: 'Patient', requested: (request) => [request.id], fields: writtenFields },
  archive: { resource: 'Patient', requested: (request) => [request.id], fields: () => ['archived'] },
  allergyHistory: { resource: 'AllergyHistory', requested: (request) => request.patientIds },
};

/**
 * Builds the handlers of PatientsService.
 * @param deps - patient storage and clock
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createPatientsHandlers(deps: PatientsDeps, security: HandlerSecurity): PatientsServiceHandlers {
  return {
    GetPatients: unary(READERS, (request) => getPatientsHandler(request, deps), security, { audit: AUDIT.get }),
    SearchPatients: unary(READERS, (request) => searchPatientsHandler(request, deps), security, { audit: AUDIT.search }),
    RegisterPatient: unary(WRITERS, (request, scope) => registerPatientHandler(request, deps, scope), security, { audit: AUDIT.register }),
    FindPossibleDuplicates: unary(WRITERS, (request) => findPossibleDuplicatesHandler(request, deps), security, { audit: AUDIT.duplicates }),
    UpdatePatient: unary(WRITERS, (request, scope) => updatePatientHandler(request, deps, scope), security, { audit: AUDIT.update }),
    ArchivePatient: unary(ARCHIVERS, (request, scope) => archivePatientHandler(request, deps, scope), security, { audit: AUDIT.archive }),
    GetAllergyHistories: unary(ALLERGY_READERS, (request) => getAllergyHistoriesHandler(request, deps), security, { audit: AUDIT.allergyHistory }),
  };
}
