/** createBatchLoader and LoaderRegistry: one call per batch, results in key order. */
import { describe, expect, it } from 'vitest';
import { defineLoader, LoaderRegistry, type SubgraphContext } from './context.ts';
import { createBatchLoader } from './loaders.ts';

describe('createBatchLoader', () => {
  it('batches loads into one call and maps results back in key order, missing → null', async () => {
    const batches: string[][] = [];
    const loader = createBatchLoader(
      async (ids: readonly string[]) => {
        batches.push([...ids]);
        // Services may answer in any order and leave unknown ids out.
        return ids
          .filter((id) => id !== 'missing')
          .reverse()
          .map((id) => ({ id, name: `n-${id}` }));
      },
      (record) => record.id,
    );
    const results = await Promise.all(['a', 'missing', 'b', 'a'].map((id) => loader.load(id)));
    expect(results).toEqual([{ id: 'a', name: 'n-a' }, null, { id: 'b', name: 'n-b' }, { id: 'a', name: 'n-a' }]);
    expect(batches).toEqual([['a', 'missing', 'b']]);
  });
});

describe('LoaderRegistry', () => {
  it('creates each loader once per registry (request)', () => {
    let created = 0;
    const key = defineLoader('things', () => {
      created += 1;
      return createBatchLoader(
        async () => [],
        (x: { id: string }) => x.id,
      );
    });
    const context = {} as SubgraphContext;
    const first = new LoaderRegistry(() => context);
    expect(first.get(key)).toBe(first.get(key));
    new LoaderRegistry(() => context).get(key);
    expect(created).toBe(2);
  });
});
