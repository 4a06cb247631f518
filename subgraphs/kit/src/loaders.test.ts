/** createBatchLoader and LoaderRegistry: one call per batch, results in key order. */
import { describe, expect, it } from 'vitest';
import { defineLoader, LoaderRegistry, type SubgraphContext } from './context.ts';
import { createBatchLoader, createGroupLoader, defineGroupLoader, defineIdLoader, definePatientArgsLoader } from './loaders.ts';

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

describe('createGroupLoader', () => {
  it('answers each key with its items in the service order from one call, any case, none → []', async () => {
    const calls: string[][] = [];
    const loader = createGroupLoader(
      async (keys) => {
        calls.push(keys);
        return [
          { of: 'a', n: 1 },
          { of: 'b', n: 2 },
          { of: 'a', n: 3 },
          { of: 'stray', n: 4 },
        ];
      },
      (item) => item.of,
    );
    const results = await Promise.all(['A', 'b', 'empty'].map((key) => loader.load(key)));
    expect(results).toEqual([
      [
        { of: 'a', n: 1 },
        { of: 'a', n: 3 },
      ],
      [{ of: 'b', n: 2 }],
      [],
    ]);
    expect(calls).toEqual([['A', 'b', 'empty']]);
  });
});

describe('defineIdLoader / defineGroupLoader', () => {
  it("pass the request's gRPC metadata to the call", async () => {
    const context = { grpcMetadata: () => 'metadata-of-request' } as unknown as SubgraphContext;
    const seen: unknown[] = [];
    const byId = defineIdLoader('things', async (ids, options) => {
      seen.push(options.metadata);
      return ids.map((id) => ({ id }));
    });
    const byOwner = defineGroupLoader(
      'thingsOf',
      async (owners, options) => {
        seen.push(options.metadata);
        return owners.map((owner) => ({ owner }));
      },
      (item) => item.owner,
    );
    expect(await byId.create(context).load('x')).toEqual({ id: 'x' });
    expect(await byOwner.create(context).load('o')).toEqual([{ owner: 'o' }]);
    expect(seen).toEqual(['metadata-of-request', 'metadata-of-request']);
  });
});

describe('definePatientArgsLoader', () => {
  it('makes one call per distinct arguments, answers each patient under its arguments, missing → the given value', async () => {
    const calls: string[][] = [];
    const key = definePatientArgsLoader('pagesOf', {
      argsOf: (k: { patientId: string; first: number }) => String(k.first),
      fetch: async (group) => {
        calls.push(group.map((k) => `${k.patientId}/${k.first}`));
        return group.filter((k) => k.patientId !== 'none').map((k) => [k.patientId, `${k.patientId} first ${k.first}`] as const);
      },
      missing: 'nothing',
    });
    const loader = key.create({ grpcMetadata: () => 'm' } as unknown as SubgraphContext);
    const keys = [
      { patientId: 'p1', first: 5 },
      { patientId: 'p2', first: 5 },
      { patientId: 'p1', first: 9 },
      { patientId: 'none', first: 5 },
    ];
    expect(await Promise.all(keys.map((k) => loader.load(k)))).toEqual(['p1 first 5', 'p2 first 5', 'p1 first 9', 'nothing']);
    expect(calls).toEqual([['p1/5', 'p2/5', 'none/5'], ['p1/9']]);
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
