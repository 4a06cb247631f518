/**
 * A subgraph with subscriptions and the event feed behind them, started and stopped in the one
 * right order: the feed is closed if the server cannot listen, and on close the sockets go first
 * (subscriptions end, their listeners leave), then the feed.
 */
import type { RunningSubgraph } from '../server.ts';
import type { EventFeed } from './event-feed.ts';

/** A running subgraph that serves subscriptions from a feed. */
export interface RunningSubgraphWithFeed extends RunningSubgraph {
  /** Open subscriptions in this process. */
  activeSubscriptions(): number;
}

/**
 * Listens, owning the feed from then on.
 * @param events - the feed the subgraph's subscriptions read (already started)
 * @param listen - starts the server
 */
export async function listenWithEventFeed(events: EventFeed<unknown>, listen: () => Promise<RunningSubgraph>): Promise<RunningSubgraphWithFeed> {
  const running = await listen().catch(async (error: unknown) => {
    await events.close();
    throw error;
  });
  return {
    ...running,
    activeSubscriptions: () => events.listenerCount(),
    async close() {
      await running.close();
      await events.close();
    },
  };
}

/**
 * The subgraph's readiness with its feed's: not ready while the feed is not reading (still
 * starting, or restarting after its transport failed), whatever the rest answers.
 * @param events - the feed behind the subgraph's subscriptions
 * @param ready - the rest of the readiness (e.g. the department service's gRPC health)
 */
export function readyWithFeed(events: EventFeed<unknown>, ready?: () => Promise<boolean>): () => Promise<boolean> {
  return async () => (events.reading?.() ?? true) && (ready ? await ready() : true);
}
