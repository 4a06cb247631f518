/** IssueInvoice: gives a DRAFT its number and makes it payable. */
import type { Invoice, IssueInvoiceRequest__Output } from '@hospital/grpc-contracts';
import { conflict, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { statusForBalance } from '../domain/balance.ts';
import { numberingYear } from '../domain/invoice-number.ts';
import { assertCanIssue } from '../domain/invoice-rules.ts';
import type { FinanceDeps } from '../finance-deps.ts';
import { UniqueViolation } from '../repositories/invoice-repository.ts';
import { issueInvoiceSchema } from './invoice-id.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Issues an invoice. The number comes from the year's counter row inside this transaction, so
 * numbers are unique and gapless however many invoices are issued at once.
 * @param request - the invoice id
 * @param deps - invoice storage and clock
 * @param scope - the call's logger
 */
export async function issueInvoiceHandler(request: IssueInvoiceRequest__Output, deps: Pick<FinanceDeps, 'invoices' | 'now'>, scope: CallScope): Promise<Invoice> {
  const { id } = parseRequest(issueInvoiceSchema, request);
  let issued;
  try {
    issued = await deps.invoices.withLockedInvoice(id, async (locked) => {
      const { invoice } = locked;
      assertCanIssue(invoice.status, invoice.lines.length);
      const issuedAt = deps.now();
      const year = numberingYear(issuedAt);
      const numberSeq = await locked.nextNumber(year);
      // A zero total is settled the moment it is issued.
      await locked.update({ status: statusForBalance('issued', invoice), numberYear: year, numberSeq, issuedAt });
      return locked.reload();
    });
  } catch (error) {
    // Only if the counter row was tampered with: the unique (year, number) index has the last word.
    if (error instanceof UniqueViolation) throw conflict('That invoice number is already taken; nothing was issued. Try again.');
    throw error;
  }
  if (!issued) throw notFound('No invoice with this id.');
  scope.logger.info({ invoiceId: id, numberYear: issued.numberYear, numberSeq: issued.numberSeq }, 'invoice issued');
  return toProtoInvoice(issued);
}
