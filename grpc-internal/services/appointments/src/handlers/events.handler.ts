/**
 * PullEvents and AckEvents: the outbox for in-house consumers when the system runs without
 * Kafka. Delivery is at least once: an event comes back on every pull until the consumer
 * acknowledges it, so consumers de-duplicate by event id (notifications does).
 */
import type { AckEventsRequest__Output, AckEventsResponse, PullEventsRequest__Output, PullEventsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { ackEventsSchema, pullEventsSchema } from './events.schema.ts';

/**
 * The consumer's unacknowledged events, oldest first.
 * @param request - consumer and batch size
 * @param deps - the event store
 */
export async function pullEventsHandler(request: PullEventsRequest__Output, deps: Pick<AppointmentsDeps, 'events'>): Promise<PullEventsResponse> {
  const { consumer, max } = parseRequest(pullEventsSchema, request);
  const events = await deps.events.pull(consumer, max);
  return {
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      appointmentId: event.appointmentId,
      occurredAt: event.occurredAt.toISOString(),
      payloadJson: JSON.stringify(event.payload),
      sequence: event.sequence.toString(),
    })),
  };
}

/**
 * Records that the consumer has handled events (idempotent: repeats are not counted again).
 * @param request - consumer and event ids
 * @param deps - the event store
 * @param scope - the call's logger
 */
export async function ackEventsHandler(request: AckEventsRequest__Output, deps: Pick<AppointmentsDeps, 'events'>, scope: CallScope): Promise<AckEventsResponse> {
  const { consumer, eventIds } = parseRequest(ackEventsSchema, request);
  const acknowledged = await deps.events.ack(consumer, eventIds);
  scope.logger.debug({ consumer, acknowledged }, 'events acknowledged');
  return { acknowledged };
}
