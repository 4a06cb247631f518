/** startAppointmentsService: wires Prisma, repositories, peer clients and handlers into a gRPC server. */
import { createPrismaClient } from '@hospital/db';
import { appointmentsProto, createIdentityClient, createPatientsClient } from '@hospital/grpc-contracts';
import { startGrpcServer, type Logger } from '@hospital/service-kit';
import { PrismaEventRepository } from './outbox/prisma-event-repository.ts';
import { GrpcParticipantDirectory } from './participants/grpc-participant-directory.ts';
import { PrismaAppointmentRepository } from './repositories/prisma-appointment-repository.ts';
import { APPOINTMENTS_SERVICE_NAME, createAppointmentsHandlers } from './service.ts';

/** Configuration of the appointments service (see env.ts for the variables behind it). */
export interface AppointmentsServiceConfig {
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** postgresql:// URL. */
  databaseUrl: string;
  /** INTERNAL_SECRET shared with the router, subgraphs and services. */
  internalSecret: string;
  /** host:port of the identity service (is this user an active doctor?). */
  identityTarget: string;
  /** host:port of the patients service (does this patient exist, archived?). */
  patientsTarget: string;
  /** Deadline of each call to another department, in ms (default 5000). */
  peerDeadlineMs?: number;
}

/** A running appointments service. */
export interface RunningAppointmentsService {
  /** The bound port. */
  port: number;
  /** Drains the gRPC server, then closes peer clients and the database pool. */
  close(): Promise<void>;
}

/**
 * Starts the appointments gRPC service.
 * @param config - port, database, secret and peer targets
 * @param deps - the logger
 */
export async function startAppointmentsService(config: AppointmentsServiceConfig, deps: { logger: Logger }): Promise<RunningAppointmentsService> {
  const db = createPrismaClient(config.databaseUrl);
  const deadlineMs = config.peerDeadlineMs ?? 5_000;
  const patients = createPatientsClient({ target: config.patientsTarget, deadlineMs });
  const identity = createIdentityClient({ target: config.identityTarget, deadlineMs });
  const release = async () => {
    patients.close();
    identity.close();
    await db.$disconnect();
  };
  try {
    const handlers = createAppointmentsHandlers(
      {
        appointments: new PrismaAppointmentRepository(db),
        events: new PrismaEventRepository(db),
        participants: new GrpcParticipantDirectory({ patients, identity }),
        now: () => new Date(),
      },
      { internalSecret: config.internalSecret, logger: deps.logger },
    );
    const server = await startGrpcServer({
      services: [{ name: APPOINTMENTS_SERVICE_NAME, definition: appointmentsProto.AppointmentsService.service, implementation: handlers }],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    });
    return {
      port: server.port,
      async close() {
        await server.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
