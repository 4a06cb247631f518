/**
 * The `/metrics` page: a request handler (mounted on an express app that is internal anyway, such
 * as a subgraph's) and a small HTTP server of its own for runnables whose public port must not
 * carry it (gRPC services, the router). Nothing else is served on that port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { metricsEnv, parseEnv } from '../env.ts';
import { initProcessMetrics, metricsRegistry } from './registry.ts';

/**
 * Answers a scrape with the process's registry in the Prometheus text format.
 * @param _req - the request (any method; only GET is expected)
 * @param res - where the exposition is written
 */
export async function serveMetrics(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const registry = metricsRegistry();
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
  }
}

/** A listening metrics server. */
export interface RunningMetricsServer {
  /** The bound port. */
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` on a port of its own (404 for every other path).
 * @param options - port (0 picks a free one) and interface (default 0.0.0.0: Prometheus scrapes pod IPs)
 */
export async function startMetricsServer(options: { port: number; host?: string }): Promise<RunningMetricsServer> {
  const server = createServer((req, res) => {
    if (req.url === '/metrics' || req.url?.startsWith('/metrics?')) return void serveMetrics(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host || '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The metrics port of a service: METRICS_PORT when set, else none (0 or unset: not served).
 * Off by default: a derived port (main port + 1000, say) collides with other runnables when ports
 * are picked at random, as the launcher's tests and shifted second systems do; the manifests and
 * the operator name the port. Checked by the kit's {@link metricsEnv} rule, which every service's
 * env.ts also spreads (so loadConfig has already reported a bad value by the time main.ts calls this).
 * @param env - the environment (main.ts passes process.env)
 * @returns the port, or undefined for off
 * @throws EnvError naming METRICS_PORT when it is not a port
 */
export function metricsPortOf(env: Record<string, string | undefined>): number | undefined {
  return parseEnv(z.object(metricsEnv), { METRICS_PORT: env['METRICS_PORT']?.trim() }).METRICS_PORT || undefined;
}

/**
 * Names the process's series and serves them: the one call a runnable's `main.ts` makes.
 * @param service - the runnable's name (the `service` label)
 * @param port - from {@link metricsPortOf} (0: a free one); undefined records metrics but serves none
 * @param options - interface to bind (default 0.0.0.0)
 */
export async function serveProcessMetrics(service: string, port: number | undefined, options: { host?: string } = {}): Promise<{ port?: number; close(): Promise<void> }> {
  initProcessMetrics(service);
  if (port === undefined) return { close: async () => {} };
  return startMetricsServer({ port, host: options.host });
}
