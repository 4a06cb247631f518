/**
 * The process's one metrics registry (prom-client). Every kit in the process (service kit, subgraph
 * kit, router) registers into it, so a runnable serves one `/metrics` page; `main.ts` names the
 * runnable once ({@link initProcessMetrics}) and every series carries that `service` label.
 * Metrics are created on first use (get-or-create), so modules can record without start-up order.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const registry = new Registry();
let initialised = false;

/** Latency buckets in seconds: 1 ms to 10 s, dense around the 10–500 ms a request takes. */
export const LATENCY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Names the process's series and turns on Node's process metrics (CPU, memory, event-loop lag,
 * GC, handles). Idempotent; the first name wins (one process is one runnable in production).
 * @param service - the runnable's name, e.g. `appointments-service`, `router`
 */
export function initProcessMetrics(service: string): Registry {
  if (initialised) return registry;
  initialised = true;
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The process's registry (served by the metrics server and the `/metrics` routes). */
export function metricsRegistry(): Registry {
  return registry;
}

/**
 * A counter, created on first use.
 * @param name - metric name (`_total` suffix)
 * @param help - one line for the exposition
 * @param labelNames - label names; every value must come from a bounded set
 */
export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

/**
 * A histogram of seconds, created on first use.
 * @param name - metric name (`_seconds` suffix)
 * @param help - one line for the exposition
 * @param labelNames - label names; every value must come from a bounded set
 * @param buckets - upper bounds in seconds (default {@link LATENCY_BUCKETS_SECONDS})
 */
export function histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = [], buckets: readonly number[] = LATENCY_BUCKETS_SECONDS): Histogram<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Histogram<L>;
  return new Histogram<L>({ name, help, labelNames, buckets: [...buckets], registers: [registry] });
}

/**
 * A gauge, created on first use.
 * @param name - metric name
 * @param help - one line for the exposition
 * @param labelNames - label names; every value must come from a bounded set
 */
export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Gauge<L>;
  return new Gauge<L>({ name, help, labelNames, registers: [registry] });
}

/** Readers of scrape-time gauges, by metric name (several sources may feed one gauge in tests). */
const scrapeReaders = new Map<string, Set<() => Promise<number>>>();

/**
 * A gauge read when Prometheus scrapes (one cheap query per scrape, nothing in between). A reader
 * that fails leaves the gauge unset for that scrape (the series goes stale, which alerts notice).
 * @param name - metric name
 * @param help - one line for the exposition
 * @param read - the current value
 * @returns detaches the reader (call it before closing what it reads)
 */
export function gaugeOnScrape(name: string, help: string, read: () => Promise<number>): () => void {
  let readers = scrapeReaders.get(name);
  if (!readers) {
    const set = new Set<() => Promise<number>>();
    readers = set;
    scrapeReaders.set(name, set);
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.reset();
        let total: number | undefined;
        for (const reader of set) {
          const value = await reader().catch(() => undefined);
          if (value !== undefined) total = (total ?? 0) + value;
        }
        if (total !== undefined) this.set(total);
      },
    });
  }
  readers.add(read);
  return () => void readers.delete(read);
}
