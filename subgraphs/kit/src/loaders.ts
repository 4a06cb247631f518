/**
 * Per-request DataLoaders. `_entities` calls `__resolveReference` once per representation; a
 * loader collects those calls within one tick and sends ONE batched gRPC call (GetUsers,
 * GetPatients). Loaders live for one request only, so one caller never sees another's cache.
 */
import DataLoader from 'dataloader';
import type { SubgraphContext } from './context.ts';

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

/** A typed handle for one kind of loader; the registry creates it lazily, once per request. */
export interface LoaderKey<K, V> {
  /** Name for debugging. */
  readonly name: string;
  /** Builds the loader for one request (it needs the request's gRPC metadata). */
  readonly create: (context: SubgraphContext) => DataLoader<K, V | null>;
}

/**
 * Declares a loader kind. Subgraphs call this once, at schema build time, with their client.
 * @param name - name for debugging
 * @param create - builds the loader for one request
 */
export function defineLoader<K, V>(name: string, create: (context: SubgraphContext) => DataLoader<K, V | null>): LoaderKey<K, V> {
  return { name, create };
}

/** The loaders of one request, created on first use. */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown>>();

  /** @param context - the request the loaders belong to */
  constructor(private readonly context: () => SubgraphContext) {}

  /**
   * The request's loader for a key, created on first use.
   * @param key - a handle from `defineLoader`
   */
  get<K, V>(key: LoaderKey<K, V>): DataLoader<K, V | null> {
    let loader = this.loaders.get(key as LoaderKey<unknown, unknown>);
    if (!loader) {
      loader = key.create(this.context()) as DataLoader<unknown, unknown>;
      this.loaders.set(key as LoaderKey<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V | null>;
  }
}
