/**
 * The WardService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { WardServiceHandlers } from '@hospital/grpc-contracts';
import { unary, type HandlerSecurity, type RoleName } from '@hospital/service-kit';
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
import type { WardDeps } from './ward-deps.ts';

/** Fully qualified service name, as health checks know it. */
export const WARD_SERVICE_NAME = 'hospital.ward.v1.WardService';

/** Bed boards and admissions are clinical: the care team reads them (ward staff, doctors). */
const READERS: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];
/** Ward staff run the beds: they record admissions and transfers and take beds out of service. */
const BED_MANAGERS: readonly RoleName[] = ['admin', 'ward_staff'];
/**
 * Doctors may also record a discharge: the summary is the discharging doctor's clinical
 * document, and having them hand it to ward staff to retype adds transcription errors.
 */
const DISCHARGERS: readonly RoleName[] = ['admin', 'ward_staff', 'doctor'];
/** The bed stock (wards, beds) is planned by administrators. */
const PLANNERS: readonly RoleName[] = ['admin'];

/**
 * Builds the handlers of WardService.
 * @param deps - storage and the patients directory
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createWardHandlers(deps: WardDeps, security: HandlerSecurity): WardServiceHandlers {
  return {
    ListWards: unary(READERS, () => listWardsHandler(deps), security),
    GetWards: unary(READERS, (request) => getWardsHandler(request, deps), security),
    CreateWard: unary(PLANNERS, (request, scope) => createWardHandler(request, deps, scope), security),
    AddBed: unary(PLANNERS, (request, scope) => addBedHandler(request, deps, scope), security),
    SetBedOutOfService: unary(BED_MANAGERS, (request, scope) => setBedOutOfServiceHandler(request, deps, scope), security),
    GetBedBoard: unary(READERS, (request) => getBedBoardHandler(request, deps), security),
    ListBeds: unary(READERS, (request) => listBedsHandler(request, deps), security),
    GetBeds: unary(READERS, (request) => getBedsHandler(request, deps), security),
    GetAdmissions: unary(READERS, (request) => getAdmissionsHandler(request, deps), security),
    ListAdmissions: unary(READERS, (request) => listAdmissionsHandler(request, deps), security),
    GetPatientAdmissions: unary(READERS, (request) => getPatientAdmissionsHandler(request, deps), security),
    AdmitPatient: unary(BED_MANAGERS, (request, scope) => admitPatientHandler(request, deps, scope), security),
    TransferPatient: unary(BED_MANAGERS, (request, scope) => transferPatientHandler(request, deps, scope), security),
    DischargePatient: unary(DISCHARGERS, (request, scope) => dischargePatientHandler(request, deps, scope), security),
  };
}
