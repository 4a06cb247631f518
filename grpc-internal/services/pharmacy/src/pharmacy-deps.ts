/** What the pharmacy handlers need, built once by startPharmacyService. */
import type { PatientDirectory } from '@hospital/service-kit/grpc';
import type { DrugRepository } from './repositories/drug-repository.ts';
import type { PrescriptionRepository } from './repositories/prescription-repository.ts';
import type { StockRepository } from './repositories/stock-repository.ts';

/** Dependencies of every pharmacy handler. */
export interface PharmacyDeps {
  /** The drug catalogue. */
  drugs: DrugRepository;
  /** Lots, receipts, adjustments and the ledger. */
  stock: StockRepository;
  /** Prescriptions and dispensing. */
  prescriptions: PrescriptionRepository;
  /** Patients, asked of the patients department. */
  patients: PatientDirectory;
  /** The clock (a parameter so expiry rules can be tested on fixed days). */
  now: () => Date;
}
