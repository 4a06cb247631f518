/** startClinicalService: wires Prisma, the repositories, the appointments and ward clients and handlers into a gRPC server. */
import { readFileSync } from 'node:fs';
import { CLINICAL_OUTBOX, createPrismaClient, PrismaOutboxStore, startAuditTrail } from '@hospital/db';
import { clinicalProto, createAppointmentsClient, createWardClient } from '@hospital/grpc-contracts';
import { type Closer, type Logger } from '@hospital/service-kit';
import { GrpcCareDirectory, startOwningGrpcServer } from '@hospital/service-kit/grpc';
import { startKafkaOutboxRelay, type KafkaOutboxRelayOptions } from '@hospital/service-kit/kafka';
import { GrpcCareDepartments } from './departments/care-departments.ts';
import { Icd10Catalogue, parseCmsCodeFile, SHIPPED_ICD10 } from './domain/icd10.ts';
import { PrismaEncounterRepository, PrismaProblemRepository, PrismaVitalsRepository } from './repositories/prisma-clinical-repository.ts';
import { PrismaLabRepository } from './repositories/prisma-lab-repository.ts';
import { CLINICAL_SERVICE_NAME, createClinicalHandlers } from './service.ts';

/** Configuration of the clinical service (see env.ts for the variables behind it). */
export interface ClinicalServiceConfig {
  /** gRPC port; 0 picks a free one. */
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** postgresql:// URL. */
  databaseUrl: string;
  /** INTERNAL_SECRET shared with the router, subgraphs and services. */
  internalSecret: string;
  /** host:port of the appointments gRPC service (visits open from, and complete, appointments). */
  appointmentsTarget: string;
  /** host:port of the ward gRPC service (stays link admissions; ward staff chart their wards' patients). */
  wardTarget: string;
  /** Deadline of calls to other departments, in ms (5000 by default). */
  peerDeadlineMs?: number;
  /** A CMS/NCHS `icd10cm-codes-<FY>.txt` file to code diagnoses against; the shipped subset when absent. */
  icd10CodesFile?: string | undefined;
  /**
   * Kafka (KAFKA_BROKERS set): the clinical topics are created at start-up and the outbox relay
   * ships every committed clinical event to the clinical topic. Without it, events stay in the
   * clinical outbox table.
   */
  kafka?: KafkaOutboxRelayOptions['kafka'] | undefined;
  /** Outbox relay timing (OUTBOX_RELAY_INTERVAL_MS, OUTBOX_RELAY_BATCH_SIZE). */
  relay?: KafkaOutboxRelayOptions['relay'];
}

/**
 * The code list of the configuration: the file's, read and checked once (a bad file stops the start
 * with its line number), or the shipped subset.
 * @param file - path of a CMS code file, or undefined
 */
export function loadIcd10Catalogue(file: string | undefined): Icd10Catalogue {
  if (!file) return SHIPPED_ICD10;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`ICD10_CODES_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, { cause: error });
  }
  return new Icd10Catalogue(parseCmsCodeFile(text));
}

/** A running clinical service. */
export interface RunningClinicalService {
  /** The bound port. */
  port: number;
  /** Drains the gRPC server, then closes the peer clients and the database pool. */
  close(): Promise<void>;
}

/**
 * Starts the clinical gRPC service.
 * @param config - port, database, secret, peer targets
 * @param deps - the logger
 */
export async function startClinicalService(config: ClinicalServiceConfig, deps: { logger: Logger }): Promise<RunningClinicalService> {
  const icd10 = loadIcd10Catalogue(config.icd10CodesFile);
  deps.logger.info({ icd10Codes: icd10.entries.length, source: config.icd10CodesFile ?? 'shipped subset' }, 'ICD-10 code list loaded');
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const deadlineMs = config.peerDeadlineMs ?? 5_000;
  const appointments = createAppointmentsClient({ target: config.appointmentsTarget, deadlineMs });
  const ward = createWardClient({ target: config.wardTarget, deadlineMs });
  const closers: Closer[] = [() => auditTrail.stop(), () => db.$disconnect(), () => appointments.close(), () => ward.close()];
  if (config.kafka) {
    try {
      const relay = await startKafkaOutboxRelay({ kafka: config.kafka, store: new PrismaOutboxStore(db, CLINICAL_OUTBOX), relay: config.relay, logger: deps.logger });
      closers.push(() => relay.close());
    } catch (error) {
      for (const close of closers.reverse()) await close();
      throw error;
    }
  }
  return startOwningGrpcServer(
    {
      build: () => [
        {
          name: CLINICAL_SERVICE_NAME,
          definition: clinicalProto.ClinicalService.service,
          implementation: createClinicalHandlers(
            {
              encounters: new PrismaEncounterRepository(db),
              vitals: new PrismaVitalsRepository(db),
              problems: new PrismaProblemRepository(db),
              labs: new PrismaLabRepository(db),
              care: new GrpcCareDepartments(appointments, ward),
              carers: new GrpcCareDirectory({ appointments: () => appointments, ward: () => ward }),
              icd10,
            },
            { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
          ),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    },
    // Closed in reverse: the relay stops before the database pool closes.
    closers,
  );
}
