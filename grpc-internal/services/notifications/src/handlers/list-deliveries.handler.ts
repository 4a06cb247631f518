/** ListDeliveries: the delivery log for operators, newest first. */
import type { ListDeliveriesRequest__Output, ListDeliveriesResponse } from '@hospital/grpc-contracts';
import { keysetOf, keysetPage, parseRequest } from '@hospital/service-kit';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { listDeliveriesSchema } from './list-deliveries.schema.ts';
import { cursorOf, positionFrom } from './position.ts';
import { toProtoDelivery } from './to-proto.ts';

/**
 * One page of deliveries with their attempts; addresses masked, no message text.
 * @param request - status filter and page
 * @param deps - delivery storage
 */
export async function listDeliveriesHandler(request: ListDeliveriesRequest__Output, deps: Pick<NotificationsDeps, 'deliveries'>): Promise<ListDeliveriesResponse> {
  const { status: state, page } = parseRequest(listDeliveriesSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.deliveries.list({ status: state, after, limit: readLimit }), deps.deliveries.count({ status: state })]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { deliveries: rows.map(toProtoDelivery), cursors, pageInfo };
}
