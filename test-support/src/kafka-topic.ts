/**
 * Reading a Kafka topic back in integration tests (any department's outbox relay): a fresh
 * consumer group from the beginning, and polling for a condition (no fixed sleeps).
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@hospital/service-kit';
import { createKafkaEventBus, type IncomingEvent } from '@hospital/service-kit/kafka';

/**
 * Polls a condition until it holds.
 * @param predicate - the condition (may be async)
 * @param timeoutMs - how long to wait
 * @param what - named in the timeout error
 */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Reads a topic from the beginning with a fresh consumer group until `done` holds for what was
 * read, then keeps reading for `settleMs` more (so duplicates would show), and returns it all.
 * @param brokers - host:port
 * @param topic - the topic
 * @param done - when enough was read
 * @param options - time limits
 */
export async function readTopic(
  brokers: string,
  topic: string,
  done: (events: IncomingEvent[]) => boolean,
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<IncomingEvent[]> {
  const bus = createKafkaEventBus({ brokers: [brokers], clientId: 'topic-reader', logger: createLogger('topic-reader', 'silent') });
  const events: IncomingEvent[] = [];
  try {
    await bus.subscribe({ groupId: `reader-${randomUUID()}`, topic, fromBeginning: true, handle: async (e) => void events.push(e) });
    await waitFor(() => done(events), options.timeoutMs ?? 60_000, `messages on ${topic}`);
    await new Promise((r) => setTimeout(r, options.settleMs ?? 1_000));
    return [...events];
  } finally {
    await bus.close();
  }
}
