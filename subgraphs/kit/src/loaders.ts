/**
 * Per-request DataLoaders. `_entities` calls `__resolveReference` once per representation; a
 * loader collects those calls within one tick and sends ONE batched gRPC call (GetUsers,
 * GetPatients). Loaders live for one request only, so one caller never sees another's cache.
 * The per-request registry (`defineLoader`, `LoaderKey`, `LoaderRegistry`) lives in context.ts,
 * beside the `SubgraphContext` it is built from and belongs to.
 */
import DataLoader from 'dataloader';

/**
 * A DataLoader over a "get many by id" call that maps results back to key order; keys the service
 * did not return resolve to null (services leave unknown ids out rather than failing).
 * @param fetchMany - fetches the records for a batch of keys, in any order
 * @param keyOf - the key of a fetched record
 */
export function createBatchLoader<K, T>(fetchMany: (keys: readonly K[]) => Promise<readonly T[]>, keyOf: (record: T) => K): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const records = await fetchMany(keys);
    const byKey = new Map(records.map((record) => [keyOf(record), record] as const));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
