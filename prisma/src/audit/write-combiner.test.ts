import { describe, expect, it } from 'vitest';
import { createWriteCombiner } from './write-combiner.ts';

/** A flush that records its batches and completes when told to. */
function controlledFlush(refuse: (item: string) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: Array<() => void> = [];
  const flush = (items: readonly string[]) => {
    batches.push([...items]);
    return new Promise<void>((resolve, reject) => pending.push(() => (items.some(refuse) ? reject(new Error('refused')) : resolve())));
  };
  const completeAll = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { flush, batches, completeAll };
}

describe('write combiner', () => {
  it('sends a lone write at once and combines the writes that arrive while INSERTs are in flight', async () => {
    const { flush, batches, completeAll } = controlledFlush();
    const combiner = createWriteCombiner(flush, { maxInFlight: 1, maxRows: 5 });
    const writes = [['a'], ['b', 'c'], ['d'], ['e', 'f', 'g'], ['h']].map((items) => combiner.write(items));
    expect(batches).toEqual([['a']]);
    await completeAll();
    await Promise.all(writes);
    // b..d fit one INSERT of at most 5 rows; e..h the next.
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f', 'g', 'h']]);
  });

  it('fails only the write the database refuses, not the ones combined with it', async () => {
    const { flush, batches, completeAll } = controlledFlush((item) => item === 'bad');
    const combiner = createWriteCombiner(flush, { maxInFlight: 1 });
    const first = combiner.write(['a']);
    const results = Promise.allSettled([combiner.write(['b']), combiner.write(['bad']), combiner.write(['c'])]);
    await completeAll();
    await first;
    await completeAll();
    expect((await results).map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
