/**
 * Invoices as the handlers see them: plain records with bigint money, no Prisma types. Writes
 * happen inside {@link InvoiceRepository.withLockedInvoice}, which holds the invoice's row lock
 * for the whole transaction, so every rule a handler checks still holds when it writes.
 */
import type { InvoiceStatusName, PaymentMethodName } from '../domain/invoice-status.ts';

/** A billed line. */
export interface InvoiceLineRecord {
  id: string;
  /** Order on the invoice, from 1. */
  position: number;
  code: string;
  description: string;
  quantity: number;
  unitPriceMinor: bigint;
  taxRateBasisPoints: number;
  lineTotalMinor: bigint;
  taxMinor: bigint;
}

/** Money given back from a payment. */
export interface RefundRecord {
  id: string;
  paymentId: string;
  amountMinor: bigint;
  reason: string;
  refundedAt: Date;
}

/** Money received against an invoice. */
export interface PaymentRecord {
  id: string;
  invoiceId: string;
  amountMinor: bigint;
  method: PaymentMethodName;
  idempotencyKey: string;
  /** Sum of its refunds. */
  refundedMinor: bigint;
  receivedAt: Date;
  /** Oldest first. */
  refunds: RefundRecord[];
}

/** An invoice with its lines and payments. */
export interface InvoiceRecord {
  id: string;
  /** Numbering year and sequence; null until issued. */
  numberYear: number | null;
  numberSeq: number | null;
  status: InvoiceStatusName;
  patientId: string;
  appointmentId: string | null;
  admissionId: string | null;
  currency: string;
  subtotalMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  paidMinor: bigint;
  refundedMinor: bigint;
  balanceMinor: bigint;
  issuedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  createdAt: Date;
  /** In position order. */
  lines: InvoiceLineRecord[];
  /** Oldest first. */
  payments: PaymentRecord[];
}

/** A new DRAFT invoice. */
export type NewInvoice = Pick<InvoiceRecord, 'patientId' | 'currency' | 'appointmentId' | 'admissionId'> & { createdBy: string | null };

/** A line to insert. */
export type NewInvoiceLine = Omit<InvoiceLineRecord, 'id'>;

/** Invoice columns a locked transaction may change (amounts, status, number, dates). */
export type InvoiceChanges = Partial<
  Pick<
    InvoiceRecord,
    'status' | 'numberYear' | 'numberSeq' | 'subtotalMinor' | 'taxMinor' | 'totalMinor' | 'paidMinor' | 'refundedMinor' | 'balanceMinor' | 'issuedAt' | 'voidedAt' | 'voidReason'
  >
>;

/** A payment to insert. */
export type NewPayment = Pick<PaymentRecord, 'amountMinor' | 'method' | 'idempotencyKey'> & { recordedBy: string | null };

/** A refund to insert. */
export type NewRefund = Pick<RefundRecord, 'paymentId' | 'amountMinor' | 'reason'> & { recordedBy: string | null };

/** What a handler may do while it holds an invoice's row lock. */
export interface LockedInvoice {
  /** The invoice as read after the lock was taken. */
  readonly invoice: InvoiceRecord;
  /**
   * Takes the next number of a year from its counter row (created at 1). Rolled back with the
   * transaction, so a failed issue leaves no gap.
   * @param year - the numbering year
   */
  nextNumber(year: number): Promise<number>;
  /** @param line - the line to add */
  insertLine(line: NewInvoiceLine): Promise<void>;
  /** @param lineId - the line to delete from this invoice; false when it is not one of its lines */
  deleteLine(lineId: string): Promise<boolean>;
  /** @param payment - the payment to add; returns its id */
  insertPayment(payment: NewPayment): Promise<string>;
  /** @param refund - the refund to add (also raises the payment's refunded sum) */
  insertRefund(refund: NewRefund): Promise<void>;
  /** @param changes - new column values of the invoice */
  update(changes: InvoiceChanges): Promise<void>;
  /** The invoice as this transaction now sees it (after its own writes). */
  reload(): Promise<InvoiceRecord>;
}

/** Filters of an invoice list. */
export interface InvoiceFilter {
  status?: InvoiceStatusName;
  patientId?: string;
}

/** Where a page starts (exclusive), in (createdAt DESC, id DESC) order. */
export interface InvoicePosition {
  createdAt: Date;
  id: string;
}

/** Outstanding money of one patient in one currency. */
export interface OutstandingBalance {
  patientId: string;
  currency: string;
  amountMinor: bigint;
}

/** Storage of invoices, payments and refunds. */
export interface InvoiceRepository {
  /** @param invoice - the new DRAFT */
  create(invoice: NewInvoice): Promise<InvoiceRecord>;
  /** Invoices by id, in no particular order; unknown ids are left out. @param ids - UUIDs */
  findByIds(ids: readonly string[]): Promise<InvoiceRecord[]>;
  /** A page, newest first. @param query - filter, start and size */
  list(query: InvoiceFilter & { after?: InvoicePosition; limit: number }): Promise<InvoiceRecord[]>;
  /** @param filter - the filter */
  count(filter: InvoiceFilter): Promise<number>;
  /**
   * The newest `perPatient` invoices of each patient (optionally of one status), in one query.
   * @param patientIds - patients
   * @param query - status filter and how many per patient
   */
  newestForPatients(patientIds: readonly string[], query: { status?: InvoiceStatusName; perPatient: number }): Promise<InvoiceRecord[]>;
  /** Sums of balances of ISSUED and PARTIALLY_PAID invoices per patient and currency. @param patientIds - patients */
  outstandingBalances(patientIds: readonly string[]): Promise<OutstandingBalance[]>;
  /** @param key - an idempotency key */
  findPaymentByKey(key: string): Promise<PaymentRecord | undefined>;
  /** @param id - a payment UUID */
  findPayment(id: string): Promise<PaymentRecord | undefined>;
  /**
   * Runs `work` in one transaction that holds the invoice's row lock (SELECT … FOR UPDATE);
   * undefined when there is no such invoice. A DomainError thrown by `work` rolls back.
   * @param invoiceId - the invoice to lock
   * @param work - reads and writes under the lock
   */
  withLockedInvoice<T>(invoiceId: string, work: (locked: LockedInvoice) => Promise<T>): Promise<T | undefined>;
}

/** Thrown when a write hits a unique index (e.g. an idempotency key taken by a concurrent request). */
export class UniqueViolation extends Error {
  /** @param target - the constraint or columns, as the database names them */
  constructor(readonly target: string) {
    super(`unique violation on ${target}`);
    this.name = 'UniqueViolation';
  }
}
