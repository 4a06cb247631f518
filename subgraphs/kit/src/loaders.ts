/**
 * Per-request DataLoaders. `_entities` calls `__resolveReference` once per representation; a
 * loader collects those calls within one tick and sends ONE batched gRPC call (GetUsers,
 * GetPatients). Loaders live for one request only, so one caller never sees another's cache.
 * The per-request registry (`defineLoader`, `LoaderKey`, `LoaderRegistry`) lives in context.ts,
 * beside the `SubgraphContext` it is built from and belongs to.
 */
import DataLoader from 'dataloader';
import { defineLoader, type GrpcMetadata, type LoaderKey, type SubgraphContext } from './context.ts';

/** The options of a gRPC call made on behalf of a request: fresh metadata for its caller. */
export interface RequestCallOptions {
  metadata: GrpcMetadata;
}

/**
 * The options every gRPC call of a request passes: `{ metadata: context.grpcMetadata() }`.
 * @param context - the request
 */
export function requestCallOptions(context: SubgraphContext): RequestCallOptions {
  return { metadata: context.grpcMetadata() };
}

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

/**
 * A DataLoader that answers each key with a list, from one call returning every item for all
 * keys. Keys and item keys are compared ignoring case (ids are UUIDs, which a caller may write in
 * upper case while services answer in lower case); the service's order within a key is kept.
 * @param fetchAll - one call for all keys
 * @param keyOf - which key an item belongs to
 */
export function createGroupLoader<T>(fetchAll: (keys: string[]) => Promise<readonly T[]>, keyOf: (item: T) => string): DataLoader<string, T[] | null> {
  return new DataLoader<string, T[] | null>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key.toLowerCase(), []]));
    for (const item of await fetchAll([...keys])) groups.get(keyOf(item).toLowerCase())?.push(item);
    return keys.map((key) => groups.get(key.toLowerCase()) ?? []);
  });
}

/**
 * Declares a loader kind of records by id over a "get many by id" gRPC call ({@link createBatchLoader}).
 * @param name - name for debugging
 * @param fetchMany - the call, e.g. `async (ids, options) => (await callGrpc(client.getUsers({ ids }, options))).users`
 */
export function defineIdLoader<T extends { id: string }>(name: string, fetchMany: (ids: string[], options: RequestCallOptions) => Promise<readonly T[]>): LoaderKey<string, T> {
  return defineLoader(name, (context) =>
    createBatchLoader(
      (ids: readonly string[]) => fetchMany([...ids], requestCallOptions(context)),
      (record) => record.id,
    ),
  );
}

/**
 * Declares a loader kind of lists by key over one gRPC call for all keys ({@link createGroupLoader}).
 * @param name - name for debugging
 * @param fetchAll - the call, e.g. `async (patientIds, options) => (await callGrpc(client.getPatientVitals({ patientIds }, options))).vitals`
 * @param keyOf - which key an item belongs to
 */
export function defineGroupLoader<T>(
  name: string,
  fetchAll: (keys: string[], options: RequestCallOptions) => Promise<readonly T[]>,
  keyOf: (item: T) => string,
): LoaderKey<string, T[]> {
  return defineLoader(name, (context) => createGroupLoader((keys) => fetchAll(keys, requestCallOptions(context)), keyOf));
}

/**
 * Declares a loader kind of one value per patient under a field's arguments (`Patient.invoices(status,
 * first)`, `Patient.appointments(…)`): the keys of one tick are grouped by their arguments (normally
 * all the same, from one selection) and each group costs one call for all its patients.
 * @param name - name for debugging
 * @param spec.argsOf - the key's arguments as a string; keys with equal strings share a call
 * @param spec.fetch - the call(s) for one group (all its keys have the same arguments): the value of each patient answered
 * @param spec.missing - the value of a patient the answer left out
 */
export function definePatientArgsLoader<K extends { patientId: string }, V>(
  name: string,
  spec: { argsOf: (key: K) => string; fetch: (group: K[], options: RequestCallOptions) => Promise<Iterable<readonly [patientId: string, value: V]>>; missing: V | null },
): LoaderKey<K, V> {
  const cacheKeyFn = (key: K) => `${key.patientId}|${spec.argsOf(key)}`;
  return defineLoader(
    name,
    (context) =>
      new DataLoader<K, V | null, string>(
        async (keys) => {
          const groups = new Map<string, K[]>();
          for (const key of keys) groups.set(spec.argsOf(key), [...(groups.get(spec.argsOf(key)) ?? []), key]);
          const found = new Map<string, V>();
          await Promise.all(
            [...groups].map(async ([args, group]) => {
              for (const [patientId, value] of await spec.fetch(group, requestCallOptions(context))) found.set(`${patientId}|${args}`, value);
            }),
          );
          return keys.map((key) => found.get(cacheKeyFn(key)) ?? spec.missing);
        },
        { cacheKeyFn },
      ),
  );
}
