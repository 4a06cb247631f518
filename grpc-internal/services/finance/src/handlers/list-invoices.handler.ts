/** ListInvoices: newest first, filtered by status and patient, a page at a time. */
import type { ListInvoicesRequest__Output, ListInvoicesResponse } from '@hospital/grpc-contracts';
import { instantIdOrder, keysetOf, keysetPage, parseRequest } from '@hospital/service-kit';
import type { FinanceDeps } from '../finance-deps.ts';
import { listInvoicesSchema } from './list.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

const { cursorOf, positionFrom } = instantIdOrder('createdAt');

/**
 * One page of invoices with the total count.
 * @param request - filters and page
 * @param deps - invoice storage
 */
export async function listInvoicesHandler(request: ListInvoicesRequest__Output, deps: Pick<FinanceDeps, 'invoices'>): Promise<ListInvoicesResponse> {
  const { status, patientId, page } = parseRequest(listInvoicesSchema, request);
  // The schema reads no patient as null; the filter's "any" is undefined.
  const filter = { status, patientId: patientId ?? undefined };
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.invoices.list({ ...filter, after, limit: readLimit }), deps.invoices.count(filter)]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { invoices: rows.map(toProtoInvoice), cursors, pageInfo };
}
