/** startPharmacyService: wires Prisma, the repositories, the patients client and the handlers into a running gRPC server. */
import { createPrismaClient, startAuditTrail } from '@hospital/db';
import { createPatientsClient, pharmacyProto } from '@hospital/grpc-contracts';
import { type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { GrpcPatientDirectory, startOwningGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { PrismaDrugRepository } from './repositories/prisma-drug-repository.ts';
import { PrismaPrescriptionRepository } from './repositories/prisma-prescription-repository.ts';
import { PrismaStockRepository } from './repositories/prisma-stock-repository.ts';
import { createPharmacyHandlers, PHARMACY_SERVICE_NAME } from './service.ts';

/** Configuration of the pharmacy service (see env.ts for the variables behind it). */
export interface PharmacyServiceConfig extends GrpcServiceStartConfig {
  /** host:port of the patients gRPC service (allergies, archived records). */
  patientsTarget: string;
  /** Deadline of calls to other services, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** A running pharmacy service; close() drains the gRPC server, then closes the patients client and the database pool. */
export type RunningPharmacyService = RunningService;

/**
 * Starts the pharmacy gRPC service.
 * @param config - port, database, secret, patients target
 * @param deps - the logger
 * @param options - an injectable clock, for tests that pin "today"
 */
export async function startPharmacyService(config: PharmacyServiceConfig, deps: { logger: Logger }, options: { now?: () => Date } = {}): Promise<RunningPharmacyService> {
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const patients = createPatientsClient({ target: config.patientsTarget, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  return startOwningGrpcServer(
    {
      build: () => [
        {
          name: PHARMACY_SERVICE_NAME,
          definition: pharmacyProto.PharmacyService.service,
          implementation: createPharmacyHandlers(
            {
              drugs: new PrismaDrugRepository(db),
              stock: new PrismaStockRepository(db),
              prescriptions: new PrismaPrescriptionRepository(db),
              patients: new GrpcPatientDirectory(patients),
              now: options.now ?? (() => new Date()),
            },
            { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
          ),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    },
    [() => auditTrail.stop(), () => db.$disconnect(), () => patients.close()],
  );
}
