/**
 * The WardService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { WardServiceHandlers } from '@hospital/grpc-contracts';
import { auditedChange, patientIdsOf, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import { admitPatientHandler, dischargePatientHandler, transferPatientHandler } from './handlers/admissions.handler.ts';
import { addBedHandler, createWardHandler, setBedOutOfServiceHandler } from './handlers/beds-and-wards.handler.ts';
import { listAdmissionsHandler } from './handlers/list-admissions.handler.ts';
import {
  getAdmissionsHandler,
  getBedBoardHandler,
  getBedsHandler,
  getPatientAdmissionsHandler,
  getWardsHandler,
  listBedsHandler,
  listWardsHandler,
} from './handlers/lookups.handler.ts';
import { assignStaffToWardHandler, listWardStaffHandler, unassignStaffFromWardHandler } from './handlers/staff-assignments.handler.ts';
import type { WardDeps } from './ward-deps.ts';

/** Fully qualified service name, as health checks know it. */
export const WARD_SERVICE_NAME = 'hospital.ward.v1.WardService';

/**
 * Bed boards and admissions are clinical: the care team reads them (ward staff, doctors). Reads
 * and changes are further limited per record: ward staff only on the wards they are assigned to
 * (domain/ward-access.ts; every refusal goes through `denyWardObjectAccess`).
 */
const READERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];
/** Ward staff run the beds: they record admissions and transfers and take beds out of service. */
const BED_MANAGERS: readonly RoleName[] = ['admin', 'ward_staff'];
/**
 * Doctors may also record a discharge: the summary is the discharging doctor's clinical
 * document, and having them hand it to ward staff to retype adds transcription errors.
 */
const DISCHARGERS: readonly RoleName[] = ['admin', 'ward_staff', 'doctor'];
/** The bed stock (wards, beds) and who works on which ward are planned by administrators. */
const PLANNERS: readonly RoleName[] = ['admin'];

/** Who lies where, and why, is clinical data: admissions and bed occupants are audited. */
const occupants = (beds: readonly { occupant?: { patientId?: string } | null }[] = []) => beds.map((bed) => bed.occupant?.patientId ?? '').filter((id) => id !== '');
const admissionWrite = (fields: string[]) => auditedChange('Admission', fields);

/**
 * Builds the handlers of WardService.
 * @param deps - storage and the patients directory
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createWardHandlers(deps: WardDeps, security: HandlerSecurity): WardServiceHandlers {
  return {
    ListWards: unary(READERS, (_request, scope) => listWardsHandler(deps, scope), security),
    GetWards: unary(READERS, (request, scope) => getWardsHandler(request, deps, scope), security),
    CreateWard: unary(PLANNERS, (request, scope) => createWardHandler(request, deps, scope), security),
    AddBed: unary(PLANNERS, (request, scope) => addBedHandler(request, deps, scope), security),
    SetBedOutOfService: unary(BED_MANAGERS, (request, scope) => setBedOutOfServiceHandler(request, deps, scope), security),
    GetBedBoard: unary(READERS, (request, scope) => getBedBoardHandler(request, deps, scope), security, {
      audit: { resource: 'Admission', returned: (response) => occupants(response.beds) },
    }),
    ListBeds: unary(READERS, (request, scope) => listBedsHandler(request, deps, scope), security, {
      audit: { resource: 'Admission', returned: (response) => occupants(response.beds) },
    }),
    GetBeds: unary(READERS, (request, scope) => getBedsHandler(request, deps, scope), security, {
      audit: { resource: 'Admission', returned: (response) => occupants(response.beds) },
    }),
    GetAdmissions: unary(READERS, (request, scope) => getAdmissionsHandler(request, deps, scope), security, {
      audit: { resource: 'Admission', returned: (response) => patientIdsOf(response.admissions) },
    }),
    ListAdmissions: unary(READERS, (request, scope) => listAdmissionsHandler(request, deps, scope), security, {
      audit: { resource: 'Admission', returned: (response) => patientIdsOf(response.admissions) },
    }),
    GetPatientAdmissions: unary(READERS, (request, scope) => getPatientAdmissionsHandler(request, deps, scope), security, {
      // Patients whose stays were all on other wards get a denied row only (the handler notes them).
      audit: {
        resource: 'Admission',
        requested: (request) => request.patientIds,
        returned: (response, request, withheld) => [...patientIdsOf(response.admissions), ...request.patientIds.filter((id) => !withheld.has(id.toLowerCase()))],
      },
    }),
    AdmitPatient: unary(BED_MANAGERS, (request, scope) => admitPatientHandler(request, deps, scope), security, {
      audit: { ...admissionWrite(['admission']), requested: (request) => [request.patientId] },
    }),
    TransferPatient: unary(BED_MANAGERS, (request, scope) => transferPatientHandler(request, deps, scope), security, { audit: admissionWrite(['bed']) }),
    DischargePatient: unary(DISCHARGERS, (request, scope) => dischargePatientHandler(request, deps, scope), security, { audit: admissionWrite(['status', 'dischargeSummary']) }),
    AssignStaffToWard: unary(PLANNERS, (request, scope) => assignStaffToWardHandler(request, deps, scope), security),
    UnassignStaffFromWard: unary(PLANNERS, (request, scope) => unassignStaffFromWardHandler(request, deps, scope), security),
    ListWardStaff: unary(PLANNERS, (request) => listWardStaffHandler(request, deps), security),
  };
}
