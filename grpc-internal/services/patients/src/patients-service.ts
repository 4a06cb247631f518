/** startPatientsService: wires Prisma, the repository and handlers into a running gRPC server. */
import { createPrismaClient, startAuditTrail } from '@hospital/db';
import { createAppointmentsClient, createWardClient, patientsProto, type AppointmentsClient, type WardClient } from '@hospital/grpc-contracts';
import { NO_CARE_DIRECTORY, type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { GrpcCareDirectory, startOwningGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { PrismaPatientRepository } from './repositories/prisma-patient-repository.ts';
import { createPatientsHandlers, PATIENTS_SERVICE_NAME } from './service.ts';

/** Configuration of the patients service (see env.ts for the variables behind it). */
export interface PatientsServiceConfig extends GrpcServiceStartConfig {
  /**
   * Where to ask who cares for a patient (allergy changes). Without it nobody but admins changes
   * allergies. A function is read on first use: appointments and ward call patients, so a test
   * system on free ports starts them after patients and only then knows their addresses.
   */
  care?: CareTargets | (() => CareTargets);
  /** Deadline of calls to other services, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
  /**
   * Stop a registration that may duplicate a record on file unless the caller insists (default
   * true). Test harnesses whose fixtures register the same name and birth date many times turn it
   * off; the duplicate check's own tests turn it on.
   */
  possibleDuplicateCheck?: boolean;
}

/** host:port of the departments that know a patient's carers. */
export interface CareTargets {
  /** The appointments gRPC service. */
  appointmentsTarget: string;
  /** The ward gRPC service. */
  wardTarget: string;
}

/** A running patients service; close() drains the gRPC server, then closes the care clients, the audit trail and the database pool. */
export type RunningPatientsService = RunningService;

/**
 * Starts the patients gRPC service.
 * @param config - port, database and secret
 * @param deps - the logger
 */
export async function startPatientsService(config: PatientsServiceConfig, deps: { logger: Logger }): Promise<RunningPatientsService> {
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const care = careClients(config);
  return startOwningGrpcServer(
    {
      build: () => [
        {
          name: PATIENTS_SERVICE_NAME,
          definition: patientsProto.PatientsService.service,
          implementation: createPatientsHandlers(
            {
              patients: new PrismaPatientRepository(db),
              care: care ? new GrpcCareDirectory(care) : NO_CARE_DIRECTORY,
              now: () => new Date(),
              possibleDuplicateCheck: config.possibleDuplicateCheck ?? true,
            },
            { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
          ),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    },
    [() => db.$disconnect(), () => auditTrail.stop(), () => care?.close()],
  );
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
