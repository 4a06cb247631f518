/** ListDeliveries: the delivery log for operators, newest first. */
import type { ListDeliveriesRequest__Output, ListDeliveriesResponse } from '@hospital/grpc-contracts';
import { pageSize, parseRequest } from '@hospital/service-kit';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { listDeliveriesSchema } from './list-deliveries.schema.ts';
import { cursorOf, positionFrom } from './position.ts';
import { deliveryStateFromProto, toProtoDelivery } from './to-proto.ts';

/**
 * One page of deliveries with their attempts; addresses masked, no message text.
 * @param request - status filter and page
 * @param deps - delivery storage
 */
export async function listDeliveriesHandler(request: ListDeliveriesRequest__Output, deps: Pick<NotificationsDeps, 'deliveries'>): Promise<ListDeliveriesResponse> {
  const { status, page } = parseRequest(listDeliveriesSchema, request);
  const state = deliveryStateFromProto(status);
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  const [rows, totalCount] = await Promise.all([deps.deliveries.list({ status: state, after, limit: limit + 1 }), deps.deliveries.count({ status: state })]);
  const deliveries = rows.slice(0, limit);
  const cursors = deliveries.map(cursorOf);
  return {
    deliveries: deliveries.map(toProtoDelivery),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount },
  };
}
