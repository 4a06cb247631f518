import { startFinanceService } from '@hospital/finance-service';
import { startFinanceSubgraph } from '@hospital/finance-subgraph';
import { peerTargets, type DepartmentStarter } from './department.ts';

/** Finance: invoices, payments, refunds; checks patients, billed appointments and admissions with their services. */
export const finance: DepartmentStarter = {
  name: 'finance',
  startService: (ctx) => {
    const peers = peerTargets(ctx, 'finance', 'patients', 'appointments', 'ward');
    return startFinanceService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        patientsTarget: peers.patients,
        appointmentsTarget: peers.appointments,
        wardTarget: peers.ward,
      },
      { logger: ctx.logger },
    );
  },
  startSubgraph: (ctx, grpcTarget) =>
    startFinanceSubgraph({ port: 0, host: '127.0.0.1', financeTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
