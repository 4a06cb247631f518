/** startPatientsService: wires Prisma, the repository and handlers into a running gRPC server. */
import { createAuditLog, createPrismaClient } from '@hospital/db';
import { createAppointmentsClient, createWardClient, patientsProto, type AppointmentsClient, type WardClient } from '@hospital/grpc-contracts';
import { startGrpcServer, type Logger } from '@hospital/service-kit';
import { NO_CARE_DIRECTORY } from './care/care-directory.ts';
import { GrpcCareDirectory } from './care/grpc-care-directory.ts';
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
  /**
   * Where to ask who cares for a patient (allergy changes). Without it nobody but admins changes
   * allergies. A function is read on first use: appointments and ward call patients, so a test
   * system on free ports starts them after patients and only then knows their addresses.
   */
  care?: CareTargets | (() => CareTargets);
  /** Deadline of calls to other services, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** host:port of the departments that know a patient's carers. */
export interface CareTargets {
  /** The appointments gRPC service. */
  appointmentsTarget: string;
  /** The ward gRPC service. */
  wardTarget: string;
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
  const care = careClients(config);
  try {
    const handlers = createPatientsHandlers(
      { patients: new PrismaPatientRepository(db), care: care ? new GrpcCareDirectory(care) : NO_CARE_DIRECTORY, now: () => new Date() },
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
        care?.close();
        await db.$disconnect();
      },
    };
  } catch (error) {
    care?.close();
    await db.$disconnect();
    throw error;
  }
}

/** The appointments and ward clients, each opened on first use, or undefined without targets. */
function careClients(config: PatientsServiceConfig) {
  const { care } = config;
  if (!care) return undefined;
  const deadlineMs = config.grpcDeadlineMs ?? 5_000;
  const targets = () => (typeof care === 'function' ? care() : care);
  let appointments: AppointmentsClient | undefined;
  let ward: WardClient | undefined;
  return {
    appointments: () => (appointments ??= createAppointmentsClient({ target: targets().appointmentsTarget, deadlineMs })),
    ward: () => (ward ??= createWardClient({ target: targets().wardTarget, deadlineMs })),
    close() {
      appointments?.close();
      ward?.close();
    },
  };
}
