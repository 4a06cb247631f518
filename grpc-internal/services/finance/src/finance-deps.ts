/** What the finance handlers need, built once by startFinanceService. */
import type { PatientDirectory } from '@hospital/service-kit/grpc';
import type { BilledReferences } from './departments/billed-references.ts';
import type { InvoiceRepository } from './repositories/invoice-repository.ts';

/** Dependencies of every finance handler. */
export interface FinanceDeps {
  /** Invoice, payment and refund storage. */
  invoices: InvoiceRepository;
  /** Patient lookups in the patients department. */
  patients: PatientDirectory;
  /** Whose appointment or admission an invoice bills, asked of the owning departments. */
  references: BilledReferences;
  /** The clock (a parameter so numbering years can be tested at fixed instants). */
  now: () => Date;
}
