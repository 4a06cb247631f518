/**
 * The ClinicalService handlers map: who may call each method, which handler serves it, and how it
 * is audited. Every method goes through service-kit's `unary`, which checks the router's signed
 * identity; every read and write of the record is audited (it is all patient data).
 */
import type { ClinicalServiceHandlers } from '@hospital/grpc-contracts';
import { auditedChange, patientIdsOf, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from './clinical-deps.ts';
import { closeEncounterHandler, getEncountersHandler, getPatientEncountersHandler, openStayHandler, openVisitHandler } from './handlers/encounters.handler.ts';
import { getEncounterNotesHandler, reviseNoteHandler, signNoteHandler, writeNoteHandler } from './handlers/notes.handler.ts';
import { getPatientVitalsHandler, recordVitalsHandler } from './handlers/vitals.handler.ts';
import { receiveOruMessageHandler } from './handlers/hl7.handler.ts';
import {
  amendLabResultHandler,
  enterLabResultHandler,
  getLabOrdersHandler,
  getPatientLabOrdersHandler,
  listLabTestsHandler,
  orderLabTestsHandler,
} from './handlers/labs.handler.ts';
import { getFollowableWardsHandler } from './handlers/followable-wards.handler.ts';
import { addProblemHandler, getPatientProblemsHandler, resolveProblemHandler, searchIcd10Handler } from './handlers/problems.handler.ts';

/** Fully qualified service name, as health checks know it. */
export const CLINICAL_SERVICE_NAME = 'hospital.clinical.v1.ClinicalService';

/** Doctors write and read the record (admins as in every department); pharmacists and finance see none of it. */
const CLINICIANS: readonly RoleName[] = ['admin', 'doctor'];
/** Ward staff chart vital signs of their wards' patients (the handler narrows them to those). */
const CHARTING: readonly RoleName[] = ['admin', 'doctor', 'ward_staff'];

const encounterWrite = (fields: string[]) => auditedChange('Encounter', fields);
const noteWrite = (fields: string[]) => auditedChange('ClinicalNote', fields);

/**
 * Builds the handlers of ClinicalService.
 * @param deps - storage and the appointments and ward departments
 * @param security - internal secret, logger and audit sink for the `unary` wrapper
 */
export function createClinicalHandlers(deps: ClinicalDeps, security: HandlerSecurity): ClinicalServiceHandlers {
  return {
    OpenVisit: unary(CLINICIANS, (request, scope) => openVisitHandler(request, deps, scope), security, { audit: encounterWrite(['encounter']) }),
    OpenStay: unary(CLINICIANS, (request, scope) => openStayHandler(request, deps, scope), security, { audit: encounterWrite(['encounter']) }),
    CloseEncounter: unary(CLINICIANS, (request, scope) => closeEncounterHandler(request, deps, scope), security, { audit: encounterWrite(['status']) }),
    // Reads of the record: the care relationship decides (domain/record-access.ts); refused patients get a denied row only.
    GetEncounters: unary(CLINICIANS, (request, scope) => getEncountersHandler(request, deps, scope), security, {
      audit: { resource: 'Encounter', returned: (response) => patientIdsOf(response.encounters) },
    }),
    GetPatientEncounters: unary(CLINICIANS, (request, scope) => getPatientEncountersHandler(request, deps, scope), security, {
      audit: { resource: 'Encounter', requested: (request) => request.patientIds },
    }),
    WriteNote: unary(CLINICIANS, (request, scope) => writeNoteHandler(request, deps, scope), security, { audit: noteWrite(['text']) }),
    ReviseNote: unary(CLINICIANS, (request, scope) => reviseNoteHandler(request, deps, scope), security, { audit: noteWrite(['text']) }),
    SignNote: unary(CLINICIANS, (request, scope) => signNoteHandler(request, deps, scope), security, { audit: noteWrite(['signedAt']) }),
    GetEncounterNotes: unary(CLINICIANS, (request, scope) => getEncounterNotesHandler(request, deps, scope), security, {
      audit: { resource: 'ClinicalNote', returned: (response) => patientIdsOf(response.notes) },
    }),
    RecordVitals: unary(CHARTING, (request, scope) => recordVitalsHandler(request, deps, scope), security, {
      audit: { ...auditedChange('VitalSigns', ['vitals']), requested: (request) => [request.patientId] },
    }),
    GetPatientVitals: unary(CHARTING, (request, scope) => getPatientVitalsHandler(request, deps, scope), security, {
      // Patients outside the caller's care get a denied row only (the handler notes them).
      audit: {
        resource: 'VitalSigns',
        requested: (request) => request.patientIds,
        returned: (_response, request, withheld) => request.patientIds.filter((id) => !withheld.has(id.toLowerCase())),
      },
    }),
    AddProblem: unary(CLINICIANS, (request, scope) => addProblemHandler(request, deps, scope), security, { audit: auditedChange('Problem', ['problem']) }),
    ResolveProblem: unary(CLINICIANS, (request, scope) => resolveProblemHandler(request, deps, scope), security, { audit: auditedChange('Problem', ['resolvedDate']) }),
    GetPatientProblems: unary(CLINICIANS, (request, scope) => getPatientProblemsHandler(request, deps, scope), security, {
      audit: { resource: 'Problem', requested: (request) => request.patientIds },
    }),
    SearchIcd10: unary(CLINICIANS, (request) => searchIcd10Handler(request, deps), security),
    ListLabTests: unary(CHARTING, () => listLabTestsHandler(), security),
    OrderLabTests: unary(CLINICIANS, (request, scope) => orderLabTestsHandler(request, deps, scope), security, {
      audit: { resource: 'LabOrder', returned: (response) => patientIdsOf(response.orders), fields: () => ['order'] },
    }),
    // Ward staff enter results of their wards' patients (the handler narrows them to those).
    EnterLabResult: unary(CHARTING, (request, scope) => enterLabResultHandler(request, deps, scope), security, { audit: auditedChange('LabResult', ['result']) }),
    AmendLabResult: unary(CHARTING, (request, scope) => amendLabResultHandler(request, deps, scope), security, { audit: auditedChange('LabResult', ['amendment']) }),
    // No patient data: which wards the caller may follow (ward staff: their assignments, asked of ward).
    GetFollowableWards: unary(CHARTING, (_request, scope) => getFollowableWardsHandler(deps, scope), security),
    // The lab interface posts as an administrator account (no lab-system role yet).
    ReceiveOruMessage: unary(['admin'], (request, scope) => receiveOruMessageHandler(request, deps, scope), security, {
      audit: { resource: 'LabResult', returned: (response) => [response.order?.patientId ?? ''], fields: () => ['result'] },
    }),
    GetPatientLabOrders: unary(CHARTING, (request, scope) => getPatientLabOrdersHandler(request, deps, scope), security, {
      audit: {
        resource: 'LabOrder',
        requested: (request) => request.patientIds,
        returned: (_response, request, withheld) => request.patientIds.filter((id) => !withheld.has(id.toLowerCase())),
      },
    }),
    // Same readers as GetPatientLabOrders; items withheld from the caller get a denied row only.
    GetLabOrders: unary(CHARTING, (request, scope) => getLabOrdersHandler(request, deps, scope), security, {
      audit: { resource: 'LabOrder', returned: (response) => patientIdsOf(response.orders) },
    }),
  };
}
