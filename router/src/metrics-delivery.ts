/**
 * Event delivery latency, from commit to client: the event's `occurredAt` (set in the transaction
 * that wrote the change and its outbox row) to the moment the router hands the event to
 * graphql-ws for sending to one subscriber. It spans the outbox relay, Kafka, the subgraph's feed,
 * the router's fan-out (resolution, audit) and the subscriber's own queue. Measured only for
 * subscriptions that select `occurredAt` (the dashboards do); the router does not add fields to a
 * client's selection. The label is the subscription's root field name from the validated document
 * (never an alias, which the client chooses), so it is bounded by the schema.
 */
import { Kind, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { histogram } from '@hospital/service-kit';

/** Buckets in seconds: 10 ms to 1 min (the relay polls, Kafka batches; the goal is 250 ms p99). */
export const DELIVERY_BUCKETS_SECONDS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const delivery = () =>
  histogram(
    'hospital_event_delivery_seconds',
    "Event delivery latency from commit (the event's occurredAt) to the router handing it to a subscriber's socket, by subscription field.",
    ['subscription'],
    DELIVERY_BUCKETS_SECONDS,
  );

function operationOf(document: DocumentNode, operationName: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

/**
 * How to read the commit time out of one result of this subscription, or undefined when the
 * subscription does not select `occurredAt` on its root field.
 * @param document - the admitted (validated) subscription document
 * @param operationName - its operation name, if given
 */
export function deliveryClock(document: DocumentNode, operationName: string | undefined): { field: string; occurredAt: (result: unknown) => number | undefined } | undefined {
  const root = operationOf(document, operationName)?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  const stamp = root?.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'occurredAt');
  if (!root || !stamp) return undefined;
  const rootKey = root.alias?.value ?? root.name.value;
  const stampKey = stamp.alias?.value ?? stamp.name.value;
  return {
    field: root.name.value,
    occurredAt: (result) => {
      const value = (result as { data?: Record<string, Record<string, unknown> | null> | null })?.data?.[rootKey]?.[stampKey];
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isFinite(ms) ? ms : undefined;
    },
  };
}

/**
 * The subscriber's stream, observing each event's delivery latency as it is taken for sending.
 * @param events - the subscriber's results (its delivery queue)
 * @param document - the subscription document
 * @param operationName - its operation name
 * @param now - the clock (tests)
 */
export function timedDeliveries<T>(
  events: AsyncIterableIterator<T>,
  document: DocumentNode,
  operationName: string | undefined,
  now: () => number = Date.now,
): AsyncIterableIterator<T> {
  const clock = deliveryClock(document, operationName);
  if (!clock) return events;
  const timed: AsyncIterableIterator<T> = {
    async next() {
      const step = await events.next();
      const occurredAt = step.done ? undefined : clock.occurredAt(step.value);
      // A clock skewed between hosts may put commit after send: counted as 0, not dropped.
      if (occurredAt !== undefined) delivery().observe({ subscription: clock.field }, Math.max(0, now() - occurredAt) / 1000);
      return step;
    },
    return: async (value?: unknown) => (events.return ? events.return(value) : { value: undefined, done: true }),
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what the consumer threw in, as it was
    throw: async (error?: unknown) => (events.throw ? events.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return timed;
    },
  };
  return timed;
}
