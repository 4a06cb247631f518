/**
 * The finance dashboard's operations. Only billing and demographic fields are selected: finance
 * may not read clinical data (allergies, admissions, prescriptions), and the router refuses a
 * whole request that asks for them.
 */
import { graphql } from '../../gql/index.ts';

/** An invoice as both invoice lists show it (all invoices, one patient's): number, status, date, total and what is still owed. */
export const FinanceInvoiceSummaryFields = graphql(`
  fragment FinanceInvoiceSummary on Invoice {
    id
    number
    status
    createdAt
    total { amountMinor currency }
    balance { amountMinor currency }
  }
`);

/** Invoices, newest first, optionally of one status. */
export const FinanceInvoices = graphql(`
  query FinanceInvoices($status: InvoiceStatus, $after: String) {
    invoices(status: $status, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          ...FinanceInvoiceSummary
          issuedAt
          patient { id mrn fullName }
        }
      }
    }
  }
`);

/** One invoice with its lines and payments, for paying and refunding. */
export const FinanceInvoice = graphql(`
  query FinanceInvoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      status
      currency
      createdAt
      issuedAt
      voidedAt
      voidReason
      patient { id mrn fullName dateOfBirth }
      lines { id code description quantity taxRateBasisPoints unitPrice { amountMinor currency } lineTotal { amountMinor currency } tax { amountMinor currency } }
      subtotal { amountMinor currency }
      tax { amountMinor currency }
      total { amountMinor currency }
      balance { amountMinor currency }
      payments {
        id
        method
        receivedAt
        amount { amountMinor currency }
        refunded { amountMinor currency }
        refunds { id reason at amount { amountMinor currency } }
      }
    }
  }
`);

/** What a patient owes, with their latest invoices. */
export const FinancePatientBalance = graphql(`
  query FinancePatientBalance($id: ID!) {
    patient(id: $id) {
      id
      mrn
      fullName
      balance { amountMinor currency }
      invoices(first: 20) { ...FinanceInvoiceSummary }
    }
  }
`);

/** Records a payment once per idempotency key. */
export const FinanceRecordPayment = graphql(`
  mutation FinanceRecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      id
      amount { amountMinor currency }
      invoice { id status balance { amountMinor currency } }
    }
  }
`);

/** Gives back part or all of a payment. */
export const FinanceRefundPayment = graphql(`
  mutation FinanceRefundPayment($paymentId: ID!, $amount: MoneyInput!, $reason: String!) {
    refundPayment(paymentId: $paymentId, amount: $amount, reason: $reason) {
      id
      refunded { amountMinor currency }
      invoice { id status balance { amountMinor currency } }
    }
  }
`);

/** Opens a DRAFT invoice for a patient. */
export const FinanceCreateInvoice = graphql(`
  mutation FinanceCreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) { id status }
  }
`);

/** The totals a line change moves; the panel re-reads the invoice for the lines themselves. */
export const FinanceAddInvoiceLine = graphql(`
  mutation FinanceAddInvoiceLine($invoiceId: ID!, $input: AddInvoiceLineInput!) {
    addInvoiceLine(invoiceId: $invoiceId, input: $input) { id total { amountMinor currency } }
  }
`);

/** Takes a line off a DRAFT invoice. */
export const FinanceRemoveInvoiceLine = graphql(`
  mutation FinanceRemoveInvoiceLine($invoiceId: ID!, $lineId: ID!) {
    removeInvoiceLine(invoiceId: $invoiceId, lineId: $lineId) { id total { amountMinor currency } }
  }
`);

/** Issues a DRAFT: it gets its number. */
export const FinanceIssueInvoice = graphql(`
  mutation FinanceIssueInvoice($id: ID!) {
    issueInvoice(id: $id) { id number status issuedAt }
  }
`);

/** Voids an invoice that keeps no money, with the reason. */
export const FinanceVoidInvoice = graphql(`
  mutation FinanceVoidInvoice($id: ID!, $reason: String!) {
    voidInvoice(id: $id, reason: $reason) { id status voidedAt voidReason }
  }
`);
