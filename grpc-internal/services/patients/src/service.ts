/**
 * The PatientsService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { PatientsServiceHandlers } from '@hospital/grpc-contracts';
import { unary, type HandlerSecurity, type RoleName } from '@hospital/service-kit';
import { archivePatientHandler } from './handlers/archive-patient.handler.ts';
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
/** Archiving hides a record from every search: an administrative decision. */
const ARCHIVERS: readonly RoleName[] = ['admin'];

/**
 * Builds the handlers of PatientsService.
 * @param deps - patient storage and clock
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createPatientsHandlers(deps: PatientsDeps, security: HandlerSecurity): PatientsServiceHandlers {
  return {
    GetPatients: unary(READERS, (request) => getPatientsHandler(request, deps), security),
    SearchPatients: unary(READERS, (request) => searchPatientsHandler(request, deps), security),
    RegisterPatient: unary(WRITERS, (request, scope) => registerPatientHandler(request, deps, scope), security),
    UpdatePatient: unary(WRITERS, (request, scope) => updatePatientHandler(request, deps, scope), security),
    ArchivePatient: unary(ARCHIVERS, (request, scope) => archivePatientHandler(request, deps, scope), security),
  };
}
