/**
 * Starting a gRPC server the same way everywhere: health checking (grpc.health.v1), bind,
 * and a close() that drains in-flight calls before forcing.
 */
import { Server, ServerCredentials, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { CallGate, DEFAULT_MAX_CONCURRENT_CALLS, shedUnaryCalls } from './call-shedding.ts';
import type { Logger } from './logger.ts';
import { drainBudgetMs, type Closer } from './shutdown.ts';

/** One service to serve. */
export interface ServedService {
  /** Fully qualified name for health checks, e.g. "hospital.patients.v1.PatientsService". */
  name: string;
  /** The generated service definition. */
  definition: ServiceDefinition;
  /** Handlers keyed by method name. */
  implementation: UntypedServiceImplementation;
}

/** A running service: its bound port and the one close() that stops it and releases what it owns. */
export interface RunningService {
  /** The bound port (useful when asked for port 0). */
  port: number;
  /** Stops serving, then closes what the service opened. */
  close(): Promise<void>;
}

/** A running gRPC server. */
export interface RunningGrpcServer extends RunningService {
  /**
   * Marks the services not serving, drains calls (up to graceMs; by default 10 s, or during a
   * process shutdown what is left of SHUTDOWN_GRACE_MS), then cancels the calls still running.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts a gRPC server with health checking.
 * @param options - services, host and port, logger, the bound on unary calls at once
 */
export async function startGrpcServer(options: {
  services: ServedService[];
  host?: string;
  port: number;
  logger: Logger;
  /** Unary calls at once before the rest are shed (call-shedding.ts); default {@link DEFAULT_MAX_CONCURRENT_CALLS}, 0 = no limit. */
  maxConcurrentCalls?: number;
}): Promise<RunningGrpcServer> {
  const server = new Server({ 'grpc.max_receive_message_length': 4 * 1024 * 1024 });
  const statuses: Record<string, 'SERVING' | 'NOT_SERVING'> = { '': 'SERVING' };
  const gate = new CallGate(options.maxConcurrentCalls ?? DEFAULT_MAX_CONCURRENT_CALLS);
  for (const service of options.services) {
    server.addService(service.definition, shedUnaryCalls(service.definition, service.implementation, gate));
    statuses[service.name] = 'SERVING';
  }
  const health = new HealthImplementation(statuses);
  health.addToServer(server);

  const address = `${options.host || '0.0.0.0'}:${options.port}`;
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  options.logger.info({ port }, 'gRPC server listening');

  return {
    port,
    async close(graceMs = drainBudgetMs(10_000)) {
      for (const name of Object.keys(statuses)) health.setStatus(name, 'NOT_SERVING');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      options.logger.info('gRPC server stopped');
    },
  };
}

/**
 * Starts a gRPC server over resources it then owns (database pool, clients of other services):
 * when building the handlers or binding fails, and after the server has drained on close(), the
 * resources are closed, last opened first.
 * @param options - builds the services (may throw), port, host, logger
 * @param resources - closers of what the services use, in the order they were opened
 */
export async function startOwningGrpcServer(
  options: { build: () => ServedService[]; port: number; host?: string; logger: Logger },
  resources: Closer[],
): Promise<RunningGrpcServer> {
  const release = async () => {
    for (const close of [...resources].reverse()) await close();
  };
  let server: RunningGrpcServer;
  try {
    server = await startGrpcServer({ services: options.build(), port: options.port, host: options.host, logger: options.logger });
  } catch (error) {
    await release();
    throw error;
  }
  return {
    port: server.port,
    async close(graceMs) {
      await server.close(graceMs);
      await release();
    },
  };
}
