/**
 * Invoice: our invoices (`Query.invoice`, `Query.invoices`), with their totals. Money is kept in
 * minor units; FHIR's Money is a decimal in the currency's major unit, so the currency's ISO 4217
 * exponent (from Intl) places the point.
 */
import type { Invoice, Money } from '@medplum/fhirtypes';
import { INVOICE_STATUS } from '../value-sets.ts';
import { patientStatusResource } from './patient-status-search.ts';

const FIELDS = 'id number status createdAt issuedAt patient { id } total { amountMinor currency } subtotal { amountMinor currency }';

type InvoiceStatus = keyof typeof INVOICE_STATUS;

interface MoneyRecord {
  amountMinor: string;
  currency: string;
}

/** An invoice as the facade selects one. */
export interface InvoiceRecord {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  createdAt: string;
  issuedAt: string | null;
  patient: { id: string };
  total: MoneyRecord;
  subtotal: MoneyRecord;
}

/**
 * FHIR Money of an amount in minor units (exact: the decimal is built from the digits).
 * @param money - minor units as a decimal string, and the ISO 4217 code
 */
export function toFhirMoney(money: MoneyRecord): Money {
  const exponent = new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const negative = money.amountMinor.startsWith('-');
  const digits = money.amountMinor.replace('-', '').padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  // Our currencies are ISO 4217 codes (finance checks them); the type lists today's codes.
  return { value: Number(`${negative ? '-' : ''}${text}`), currency: money.currency as Money['currency'] };
}

/**
 * The FHIR Invoice of one record.
 * @param record - the GraphQL invoice
 */
export function toFhirInvoice(record: InvoiceRecord): Invoice {
  return {
    resourceType: 'Invoice',
    id: record.id,
    identifier: record.number ? [{ value: record.number }] : undefined,
    status: INVOICE_STATUS[record.status],
    subject: { reference: `Patient/${record.patient.id}` },
    date: record.issuedAt ?? record.createdAt,
    totalNet: toFhirMoney(record.subtotal),
    totalGross: toFhirMoney(record.total),
  };
}

/** The Invoice resource type. "issued" is two of our states: searched unfiltered, then filtered (a short page, no total). */
export const invoiceResource = patientStatusResource<InvoiceStatus, InvoiceRecord>({
  type: 'Invoice',
  documentation: 'Invoices with net and gross totals, newest first.',
  statusCodes: 'draft, issued, balanced or cancelled (one).',
  fields: FIELDS,
  readField: 'invoice',
  searchField: 'invoices',
  statusType: 'InvoiceStatus',
  statuses: INVOICE_STATUS,
  what: 'an invoice status',
  map: toFhirInvoice,
});
