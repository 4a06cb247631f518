/** GetInvoices: invoices by id, for entity batching. */
import type { GetInvoicesRequest__Output, GetInvoicesResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { FinanceDeps } from '../finance-deps.ts';
import { getInvoicesSchema } from './invoice-id.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Invoices in request order; unknown ids are left out.
 * @param request - the ids
 * @param deps - invoice storage
 */
export async function getInvoicesHandler(request: GetInvoicesRequest__Output, deps: Pick<FinanceDeps, 'invoices'>): Promise<GetInvoicesResponse> {
  const { ids } = parseRequest(getInvoicesSchema, request);
  const found = new Map((await deps.invoices.findByIds([...new Set(ids)])).map((invoice) => [invoice.id, invoice]));
  return { invoices: ids.flatMap((id) => found.get(id) ?? []).map(toProtoInvoice) };
}
