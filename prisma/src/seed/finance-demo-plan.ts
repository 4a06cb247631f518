/**
 * The demo invoices: a handful of bills in EUR for demo patients, one in each state (DRAFT,
 * ISSUED, PARTIALLY_PAID, PAID, VOID), priced from a small catalogue of hospital services.
 * Pure data and arithmetic, so it is unit-tested; finance-demo.ts writes it.
 *
 * Money follows the finance service's rules: integer minor units, each line's tax is
 * round-half-up(lineTotal × basis points / 10 000), balance = total − paid + refunded.
 */

/** A billable service of the demo catalogue. */
export interface DemoService {
  code: string;
  description: string;
  /** EUR cents. */
  unitPriceMinor: number;
  /** Tax rate in basis points (medical care is exempt; certificates are not). */
  taxRateBasisPoints: number;
}

/** The catalogue the demo bills from. */
export const DEMO_SERVICES = {
  consultation: { code: 'CONS-GP', description: 'General practitioner consultation', unitPriceMinor: 6_500, taxRateBasisPoints: 0 },
  specialist: { code: 'CONS-SPEC', description: 'Specialist consultation', unitPriceMinor: 12_000, taxRateBasisPoints: 0 },
  chestXray: { code: 'XRAY-CHEST', description: 'Chest X-ray, two views', unitPriceMinor: 9_500, taxRateBasisPoints: 0 },
  bloodCount: { code: 'LAB-CBC', description: 'Full blood count', unitPriceMinor: 1_800, taxRateBasisPoints: 0 },
  bloodPanel: { code: 'LAB-CMP', description: 'Comprehensive metabolic blood panel', unitPriceMinor: 3_900, taxRateBasisPoints: 0 },
  ecg: { code: 'ECG-12', description: '12-lead electrocardiogram', unitPriceMinor: 7_200, taxRateBasisPoints: 0 },
  kneeMri: { code: 'MRI-KNEE', description: 'MRI of the knee', unitPriceMinor: 42_000, taxRateBasisPoints: 0 },
  wardDay: { code: 'WARD-DAY', description: 'General ward stay, per day', unitPriceMinor: 45_000, taxRateBasisPoints: 0 },
  certificate: { code: 'CERT-MED', description: 'Medical certificate for an insurer', unitPriceMinor: 2_500, taxRateBasisPoints: 2_000 },
} satisfies Record<string, DemoService>;

/** One planned line. */
export interface DemoLine {
  service: DemoService;
  quantity: number;
}

/** A planned payment, refunds included. */
export interface DemoPayment {
  amountMinor: number;
  method: 'cash' | 'card' | 'bank_transfer' | 'insurance';
  daysAfterIssue: number;
  refunds: { amountMinor: number; reason: string }[];
}

/** One planned invoice; `patientIndex` picks from the candidate patients. */
export interface DemoInvoice {
  patientIndex: number;
  status: 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
  /** Days before the reference day the invoice was created (issued one day later). */
  daysAgo: number;
  lines: DemoLine[];
  payments: DemoPayment[];
  voidReason?: string;
}

const { consultation, specialist, chestXray, bloodCount, bloodPanel, ecg, kneeMri, wardDay, certificate } = DEMO_SERVICES;

/** The demo bills, oldest first (numbers follow issue order). */
export const DEMO_INVOICES: readonly DemoInvoice[] = [
  {
    patientIndex: 0,
    status: 'paid',
    daysAgo: 30,
    lines: [
      { service: wardDay, quantity: 3 },
      { service: bloodPanel, quantity: 2 },
      { service: certificate, quantity: 1 },
    ],
    payments: [{ amountMinor: 145_800, method: 'insurance', daysAfterIssue: 12, refunds: [] }],
  },
  { patientIndex: 1, status: 'void', daysAgo: 21, lines: [{ service: consultation, quantity: 1 }], payments: [], voidReason: 'Billed twice for the same visit' },
  {
    patientIndex: 2,
    status: 'partially_paid',
    daysAgo: 14,
    lines: [
      { service: specialist, quantity: 1 },
      { service: kneeMri, quantity: 1 },
    ],
    payments: [
      { amountMinor: 20_000, method: 'card', daysAfterIssue: 2, refunds: [] },
      { amountMinor: 10_000, method: 'cash', daysAfterIssue: 5, refunds: [{ amountMinor: 2_500, reason: 'Parking fee charged by mistake' }] },
    ],
  },
  {
    patientIndex: 3,
    status: 'issued',
    daysAgo: 7,
    lines: [
      { service: consultation, quantity: 1 },
      { service: chestXray, quantity: 1 },
    ],
    payments: [],
  },
  {
    patientIndex: 4,
    status: 'issued',
    daysAgo: 3,
    lines: [
      { service: consultation, quantity: 1 },
      { service: ecg, quantity: 1 },
      { service: bloodCount, quantity: 1 },
    ],
    payments: [],
  },
  {
    patientIndex: 5,
    status: 'draft',
    daysAgo: 1,
    lines: [
      { service: consultation, quantity: 1 },
      { service: bloodPanel, quantity: 1 },
    ],
    payments: [],
  },
];

/**
 * Tax of a line: round half up of lineTotal × basis points / 10 000 (integers only).
 * @param lineTotalMinor - quantity × unit price
 * @param basisPoints - tax rate
 */
export function lineTax(lineTotalMinor: number, basisPoints: number): number {
  return Math.floor((lineTotalMinor * basisPoints * 2 + 10_000) / 20_000);
}

/** The money of a planned invoice. */
export interface DemoAmounts {
  lines: { lineTotalMinor: number; taxMinor: number }[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
  balanceMinor: number;
}

/**
 * Totals, payments and balance of a planned invoice.
 * @param invoice - the plan
 */
export function amountsOf(invoice: DemoInvoice): DemoAmounts {
  const lines = invoice.lines.map(({ service, quantity }) => {
    const lineTotalMinor = service.unitPriceMinor * quantity;
    return { lineTotalMinor, taxMinor: lineTax(lineTotalMinor, service.taxRateBasisPoints) };
  });
  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);
  const paidMinor = invoice.payments.reduce((sum, p) => sum + p.amountMinor, 0);
  const refundedMinor = invoice.payments.flatMap((p) => p.refunds).reduce((sum, r) => sum + r.amountMinor, 0);
  const totalMinor = subtotalMinor + taxMinor;
  return { lines, subtotalMinor, taxMinor, totalMinor, paidMinor, refundedMinor, balanceMinor: totalMinor - paidMinor + refundedMinor };
}
