/** startAppointmentsService: wires Prisma, repositories, peer clients and handlers into a gRPC server. */
import { createPrismaClient, startAuditTrail } from '@hospital/db';
import { appointmentsProto, createIdentityClient, createPatientsClient } from '@hospital/grpc-contracts';
import { type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { startGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { createKafkaEventBus, type AppointmentsKafkaConfig, type EventBus } from '@hospital/service-kit/kafka';
import { startOutboxRelay, type OutboxRelay } from './outbox/outbox-relay.ts';
import { PrismaOutboxRepository } from './outbox/prisma-outbox-repository.ts';
import { GrpcParticipantDirectory } from './departments/grpc-participant-directory.ts';
import { PrismaAppointmentRepository } from './repositories/prisma-appointment-repository.ts';
import { APPOINTMENTS_SERVICE_NAME, createAppointmentsHandlers } from './service.ts';

/** Configuration of the appointments service (see env.ts for the variables behind it). */
export interface AppointmentsServiceConfig extends GrpcServiceStartConfig {
  /** host:port of the identity service (is this user an active doctor?). */
  identityTarget: string;
  /** host:port of the patients service (does this patient exist, archived?). */
  patientsTarget: string;
  /** Deadline of each call to another department, in ms (default 5000). */
  peerDeadlineMs?: number;
  /**
   * Kafka (KAFKA_BROKERS set): the topics are created at start-up and the outbox relay ships
   * every committed event to the appointments topic. Without it, events stay in PostgreSQL and
   * reach consumers through PullEvents/AckEvents only.
   */
  kafka?: AppointmentsKafkaConfig;
  /** Outbox relay timing (OUTBOX_RELAY_INTERVAL_MS, OUTBOX_RELAY_BATCH_SIZE). */
  relay?: { pollIntervalMs?: number; batchSize?: number };
}

/** A running appointments service; close() drains the gRPC server, stops the outbox relay, then closes Kafka, peer clients and the database pool. */
export type RunningAppointmentsService = RunningService;

/**
 * Starts the appointments gRPC service.
 * @param config - port, database, secret and peer targets
 * @param deps - the logger
 */
export async function startAppointmentsService(config: AppointmentsServiceConfig, deps: { logger: Logger }): Promise<RunningAppointmentsService> {
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const deadlineMs = config.peerDeadlineMs ?? 5_000;
  const patients = createPatientsClient({ target: config.patientsTarget, deadlineMs });
  const identity = createIdentityClient({ target: config.identityTarget, deadlineMs });
  let bus: EventBus | undefined;
  let relay: OutboxRelay | undefined;
  const release = async () => {
    await relay?.stop();
    await bus?.close();
    patients.close();
    identity.close();
    await auditTrail.stop();
    await db.$disconnect();
  };
  try {
    const handlers = createAppointmentsHandlers(
      {
        appointments: new PrismaAppointmentRepository(db),
        events: new PrismaOutboxRepository(db),
        participants: new GrpcParticipantDirectory({ patients, identity }),
        now: () => new Date(),
      },
      { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
    );
    if (config.kafka) {
      const kafka = config.kafka;
      bus = createKafkaEventBus({ brokers: kafka.brokers, clientId: kafka.clientId, logger: deps.logger });
      // The project creates its topics with explicit settings (the broker never auto-creates them).
      await bus.ensureTopic(kafka.topic);
      await bus.ensureTopic({ ...kafka.topic, topic: kafka.dlqTopic });
      relay = startOutboxRelay({ db, bus, topic: kafka.topic.topic, ...config.relay, logger: deps.logger });
      deps.logger.info({ topic: kafka.topic.topic, brokers: kafka.brokers }, 'outbox relay to Kafka started');
    }
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
