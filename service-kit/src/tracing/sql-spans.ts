/**
 * SQL spans for a pg pool (the Prisma adapter's): one CLIENT span per statement, child of the
 * current span. Only the statement's verb is recorded (SELECT, INSERT, …), never its text or
 * values: raw queries can carry literals. Statements run outside any span (pollers, the outbox
 * relay between rounds) open none, so background work does not flood the backend with root spans.
 */
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { Pool, PoolClient } from 'pg';
import { kitTracer, markFailed, tracingActive } from './spans.ts';

type QueryFn = (...args: unknown[]) => unknown;

/** The statement's first keyword, upper-cased, from a fixed shape (else `OTHER`). */
function verbOf(query: unknown): string {
  const text = typeof query === 'string' ? query : (query as { text?: unknown } | null)?.text;
  const verb = typeof text === 'string' ? /^\s*([A-Za-z]{2,12})\b/.exec(text)?.[1]?.toUpperCase() : undefined;
  return verb ?? 'OTHER';
}

function traceQueries(client: PoolClient, pool: string): void {
  const original = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    // Callback calls and calls outside a span pass straight through.
    if (!tracingActive() || typeof args[args.length - 1] === 'function' || !trace.getSpan(context.active())) return original(...args);
    const verb = verbOf(args[0]);
    const span = kitTracer().startSpan(`SQL ${verb}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': verb, 'db.client.connection.pool.name': pool },
    });
    const result = original(...args);
    if (result instanceof Promise)
      result.then(
        () => span.end(),
        (error: unknown) => (markFailed(span, error), span.end()),
      );
    else span.end();
    return result;
  };
}

/**
 * Opens a span per statement on each of the pool's connections. Call it before the pool opens
 * its first connection.
 * @param pool - the pool
 * @param name - the pool's name in code (default `prisma`)
 * @returns the same pool
 */
export function tracePool<P extends Pool>(pool: P, name = 'prisma'): P {
  pool.on('connect', (client) => traceQueries(client, name));
  return pool;
}
