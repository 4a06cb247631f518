import { startFinanceService } from '@hospital/finance-service';
import { startFinanceSubgraph } from '@hospital/finance-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Finance: invoices, payments, refunds; checks patients with the patients service. */
export const finance: DepartmentStarter = {
  name: 'finance',
  startService: (ctx) => {
    const patientsTarget = ctx.grpcTargets['patients'];
    if (!patientsTarget) throw new Error('finance needs the patients service started before it');
    return startFinanceService(
      { port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, patientsTarget },
      { logger: ctx.logger },
    );
  },
  startSubgraph: (ctx, grpcTarget) =>
    startFinanceSubgraph(
      { port: 0, host: '127.0.0.1', financeTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production },
      { logger: ctx.logger },
    ),
};
