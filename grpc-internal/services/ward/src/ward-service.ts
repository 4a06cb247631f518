/** startWardService: wires Prisma, the repositories, the patients client and handlers into a gRPC server. */
import { createPrismaClient, startAuditTrail } from '@hospital/db';
import { createPatientsClient, wardProto } from '@hospital/grpc-contracts';
import { type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { GrpcPatientDirectory, startOwningGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { PrismaAdmissionRepository } from './repositories/prisma-admission-repository.ts';
import { PrismaStaffAssignmentRepository } from './repositories/prisma-staff-assignment-repository.ts';
import { PrismaWardRepository } from './repositories/prisma-ward-repository.ts';
import { createWardHandlers, WARD_SERVICE_NAME } from './service.ts';

/** Configuration of the ward service (see env.ts for the variables behind it). */
export interface WardServiceConfig extends GrpcServiceStartConfig {
  /** host:port of the patients gRPC service (admissions check the patient there). */
  patientsTarget: string;
  /** Deadline of calls to the patients service, in ms (5000 by default). */
  patientsDeadlineMs?: number;
}

/** A running ward service; close() drains the gRPC server, then closes the patients client and the database pool. */
export type RunningWardService = RunningService;

/**
 * Starts the ward gRPC service.
 * @param config - port, database, secret, patients target
 * @param deps - the logger
 */
export async function startWardService(config: WardServiceConfig, deps: { logger: Logger }): Promise<RunningWardService> {
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const patientsClient = createPatientsClient({ target: config.patientsTarget, deadlineMs: config.patientsDeadlineMs ?? 5_000 });
  return startOwningGrpcServer(
    {
      build: () => [
        {
          name: WARD_SERVICE_NAME,
          definition: wardProto.WardService.service,
          implementation: createWardHandlers(
            {
              wards: new PrismaWardRepository(db),
              admissions: new PrismaAdmissionRepository(db),
              assignments: new PrismaStaffAssignmentRepository(db),
              patients: new GrpcPatientDirectory(patientsClient),
            },
            { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
          ),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    },
    [() => auditTrail.stop(), () => db.$disconnect(), () => patientsClient.close()],
  );
}
