/** startPatientsService: wires Prisma, the repository and handlers into a running gRPC server. */
import { createAuditLog, createPrismaClient } from '@hospital/db';
import { patientsProto } from '@hospital/grpc-contracts';
import { startGrpcServer, type Logger } from '@hospital/service-kit';
import { PrismaPatientRepository } from './repositories/prisma-patient-repository.ts';
import { createPatientsHandlers, PATIENTS_SERVICE_NAME } from './service.ts';

/** Configuration of the patients service (see env.ts for the variables behind it). */
export interface PatientsServiceConfig {
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** postgresql:// URL. */
  databaseUrl: string;
  /** INTERNAL_SECRET shared with the router and subgraphs. */
  internalSecret: string;
}

/** A running patients service. */
export interface RunningPatientsService {
  /** The bound port. */
  port: number;
  /** Drains the gRPC server, then closes the database pool. */
  close(): Promise<void>;
}

/**
 * Starts the patients gRPC service.
 * @param config - port, database and secret
 * @param deps - the logger
 */
export async function startPatientsService(config: PatientsServiceConfig, deps: { logger: Logger }): Promise<RunningPatientsService> {
  const db = createPrismaClient(config.databaseUrl);
  try {
    const handlers = createPatientsHandlers(
      { patients: new PrismaPatientRepository(db), now: () => new Date() },
      { internalSecret: config.internalSecret, logger: deps.logger, audit: createAuditLog(db) },
    );
    const server = await startGrpcServer({
      services: [{ name: PATIENTS_SERVICE_NAME, definition: patientsProto.PatientsService.service, implementation: handlers }],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    });
    return {
      port: server.port,
      async close() {
        await server.close();
        await db.$disconnect();
      },
    };
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}
