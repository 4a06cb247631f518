/** startFinanceService: wires Prisma, the repository, the patients, appointments and ward clients and handlers into a gRPC server. */
import { createPrismaClient, startAuditTrail } from '@hospital/db';
import { createAppointmentsClient, createPatientsClient, createWardClient, financeProto } from '@hospital/grpc-contracts';
import { type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { GrpcPatientDirectory, startOwningGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { GrpcBilledReferences } from './departments/billed-references.ts';
import { PrismaInvoiceRepository } from './repositories/prisma-invoice-repository.ts';
import { createFinanceHandlers, FINANCE_SERVICE_NAME } from './service.ts';

/** Configuration of the finance service (see env.ts for the variables behind it). */
export interface FinanceServiceConfig extends GrpcServiceStartConfig {
  /** host:port of the patients gRPC service (patient checks when an invoice is created). */
  patientsTarget: string;
  /** host:port of the appointments gRPC service (whose appointment an invoice bills). */
  appointmentsTarget: string;
  /** host:port of the ward gRPC service (whose admission an invoice bills). */
  wardTarget: string;
  /** Deadline of calls to other services, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
}

/** A running finance service; close() drains the gRPC server, then closes the clients of other departments and the database pool. */
export type RunningFinanceService = RunningService;

/**
 * Starts the finance gRPC service.
 * @param config - port, database, secret and the addresses of the services finance asks
 * @param deps - the logger
 */
export async function startFinanceService(config: FinanceServiceConfig, deps: { logger: Logger }): Promise<RunningFinanceService> {
  const db = createPrismaClient(config.databaseUrl);
  // The audit sink, and this database's sealer (one elected among all service processes).
  const auditTrail = startAuditTrail(config.databaseUrl, { logger: deps.logger });
  const deadlineMs = config.grpcDeadlineMs ?? 5_000;
  const patientsClient = createPatientsClient({ target: config.patientsTarget, deadlineMs });
  const appointmentsClient = createAppointmentsClient({ target: config.appointmentsTarget, deadlineMs });
  const wardClient = createWardClient({ target: config.wardTarget, deadlineMs });
  const references = new GrpcBilledReferences({ appointments: appointmentsClient, ward: wardClient }, config.internalSecret);
  return startOwningGrpcServer(
    {
      build: () => [
        {
          name: FINANCE_SERVICE_NAME,
          definition: financeProto.FinanceService.service,
          implementation: createFinanceHandlers(
            { invoices: new PrismaInvoiceRepository(db), patients: new GrpcPatientDirectory(patientsClient), references, now: () => new Date() },
            { internalSecret: config.internalSecret, logger: deps.logger, audit: auditTrail.sink },
          ),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    },
    [() => auditTrail.stop(), () => db.$disconnect(), () => patientsClient.close(), () => appointmentsClient.close(), () => wardClient.close()],
  );
}
