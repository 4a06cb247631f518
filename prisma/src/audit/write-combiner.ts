/**
 * Group commit on the client side: concurrent writes to one table share INSERTs. The first write
 * when nothing is in flight goes out at once (no added latency when quiet); writes that arrive
 * while `maxInFlight` INSERTs are out wait and leave together in the next one. Each write resolves
 * only when the INSERT carrying it has committed.
 */

/** Options of {@link createWriteCombiner}. */
export interface WriteCombinerOptions {
  /** INSERTs in flight at once (default 4: a share of a service's pool of 10). */
  maxInFlight?: number;
  /** Rows one INSERT carries at most (default 2,000); a single larger write still goes alone. */
  maxRows?: number;
}

/** A write waiting for its INSERT. */
interface Waiting<T> {
  items: readonly T[];
  resolve(): void;
  reject(error: unknown): void;
}

/** The combiner: `write` resolves once the items are stored. */
export interface WriteCombiner<T> {
  write(items: readonly T[]): Promise<void>;
}

/**
 * Combines concurrent writes into fewer calls of `flush`.
 * @param flush - stores some items in one statement (all or nothing)
 * @param options - concurrency and batch bounds
 */
export function createWriteCombiner<T>(flush: (items: readonly T[]) => Promise<void>, options: WriteCombinerOptions = {}): WriteCombiner<T> {
  const maxInFlight = Math.max(1, options.maxInFlight ?? 4);
  const maxRows = Math.max(1, options.maxRows ?? 2_000);
  const queue: Array<Waiting<T>> = [];
  let inFlight = 0;

  const takeGroup = (): Array<Waiting<T>> => {
    const group = [queue.shift()!];
    let rows = group[0]!.items.length;
    while (queue.length > 0 && rows + queue[0]!.items.length <= maxRows) {
      const next = queue.shift()!;
      rows += next.items.length;
      group.push(next);
    }
    return group;
  };

  const pump = (): void => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = takeGroup();
      inFlight += 1;
      void store(flush, group).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  return {
    write(items) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ items, resolve, reject });
        pump();
      });
    },
  };
}

/**
 * Stores one group. Should the combined INSERT fail, each write is retried alone, so one bad
 * write (a value the database refuses) fails only its own caller, never its neighbours.
 */
async function store<T>(flush: (items: readonly T[]) => Promise<void>, group: ReadonlyArray<Waiting<T>>): Promise<void> {
  try {
    await flush(group.length === 1 ? group[0]!.items : group.flatMap((waiting) => waiting.items));
    for (const waiting of group) waiting.resolve();
    return;
  } catch (error) {
    if (group.length === 1) {
      group[0]!.reject(error);
      return;
    }
  }
  for (const waiting of group) {
    try {
      await flush(waiting.items);
      waiting.resolve();
    } catch (error) {
      waiting.reject(error);
    }
  }
}
