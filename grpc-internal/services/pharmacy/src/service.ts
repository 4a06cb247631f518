/**
 * The PharmacyService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { PharmacyServiceHandlers } from '@hospital/grpc-contracts';
import { auditedChange, patientIdsOf, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import { adjustStockHandler } from './handlers/adjust-stock.handler.ts';
import { cancelPrescriptionHandler } from './handlers/cancel-prescription.handler.ts';
import { createDrugHandler } from './handlers/create-drug.handler.ts';
import { dispensePrescriptionHandler } from './handlers/dispense-prescription.handler.ts';
import { getDrugsHandler } from './handlers/get-drugs.handler.ts';
import { getPrescriptionsHandler } from './handlers/get-prescriptions.handler.ts';
import { listPatientPrescriptionsHandler, listPrescriptionsHandler } from './handlers/list-prescriptions.handler.ts';
import { prescribeHandler } from './handlers/prescribe.handler.ts';
import { receiveStockHandler } from './handlers/receive-stock.handler.ts';
import { reviewPrescriptionHandler } from './handlers/review-prescription.handler.ts';
import { searchDrugsHandler } from './handlers/search-drugs.handler.ts';
import { listExpiringLotsHandler, listLowStockHandler, listStockMovementsHandler } from './handlers/stock-reports.handler.ts';
import type { PharmacyDeps } from './pharmacy-deps.ts';

/** Fully qualified service name, as health checks know it. */
export const PHARMACY_SERVICE_NAME = 'hospital.pharmacy.v1.PharmacyService';

/** The catalogue and stock levels: pharmacists keep them, doctors look drugs up to prescribe. */
const CATALOGUE_READERS: readonly RoleName[] = ['admin', 'pharmacist', 'doctor'];
/**
 * Drugs by id also name the drug on a prescription, which ward staff read (they give the
 * medicines); the subgraph still hides stock levels from them field by field.
 */
const DRUG_LOOKUP: readonly RoleName[] = ['admin', 'pharmacist', 'doctor', 'ward_staff'];
/** The catalogue, deliveries, corrections and the ledger are the pharmacy's own work. */
const STOCK_KEEPERS: readonly RoleName[] = ['admin', 'pharmacist'];
/** Only doctors write (and withdraw) prescriptions. */
const PRESCRIBERS: readonly RoleName[] = ['doctor'];
/** Only pharmacists dispense, and query or reject what they are asked to dispense. */
const DISPENSERS: readonly RoleName[] = ['pharmacist'];
/**
 * Clinical staff read prescriptions: doctors and pharmacists, and ward staff, who administer
 * what was prescribed and must check it; admins oversee. Finance does not (billing comes through
 * invoices, not through the medication record).
 */
const PRESCRIPTION_READERS: readonly RoleName[] = ['admin', 'doctor', 'pharmacist', 'ward_staff'];

/** What a patient is prescribed is clinical data: every access is audited; changes return the prescription. */
const prescriptionWrite = (fields: string[]) => auditedChange('Prescription', fields);

/**
 * Builds the handlers of PharmacyService.
 * @param deps - repositories, patient directory and clock
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createPharmacyHandlers(deps: PharmacyDeps, security: HandlerSecurity): PharmacyServiceHandlers {
  return {
    GetDrugs: unary(DRUG_LOOKUP, (request) => getDrugsHandler(request, deps), security),
    SearchDrugs: unary(CATALOGUE_READERS, (request) => searchDrugsHandler(request, deps), security),
    CreateDrug: unary(STOCK_KEEPERS, (request, scope) => createDrugHandler(request, deps, scope), security),
    ReceiveStock: unary(STOCK_KEEPERS, (request, scope) => receiveStockHandler(request, deps, scope), security),
    AdjustStock: unary(STOCK_KEEPERS, (request, scope) => adjustStockHandler(request, deps, scope), security),
    ListLowStock: unary(CATALOGUE_READERS, (request) => listLowStockHandler(request, deps), security),
    ListExpiringLots: unary(CATALOGUE_READERS, (request) => listExpiringLotsHandler(request, deps), security),
    ListStockMovements: unary(STOCK_KEEPERS, (request) => listStockMovementsHandler(request, deps), security),
    Prescribe: unary(PRESCRIBERS, (request, scope) => prescribeHandler(request, deps, scope), security, {
      audit: { ...prescriptionWrite(['prescription']), requested: (request) => [request.patientId] },
    }),
    DispensePrescription: unary(DISPENSERS, (request, scope) => dispensePrescriptionHandler(request, deps, scope), security, { audit: prescriptionWrite(['status', 'dispensed']) }),
    ReviewPrescription: unary(DISPENSERS, (request, scope) => reviewPrescriptionHandler(request, deps, scope), security, { audit: prescriptionWrite(['status', 'review']) }),
    CancelPrescription: unary(PRESCRIBERS, (request, scope) => cancelPrescriptionHandler(request, deps, scope), security, { audit: prescriptionWrite(['status']) }),
    GetPrescriptions: unary(PRESCRIPTION_READERS, (request) => getPrescriptionsHandler(request, deps), security, {
      audit: { resource: 'Prescription', returned: (response) => patientIdsOf(response.prescriptions) },
    }),
    ListPrescriptions: unary(PRESCRIPTION_READERS, (request) => listPrescriptionsHandler(request, deps), security, {
      audit: { resource: 'Prescription', requested: (request) => [request.patientId], returned: (response) => patientIdsOf(response.prescriptions) },
    }),
    ListPatientPrescriptions: unary(PRESCRIPTION_READERS, (request) => listPatientPrescriptionsHandler(request, deps), security, {
      audit: { resource: 'Prescription', requested: (request) => request.patientIds },
    }),
  };
}
