import { startFinanceService } from '@hospital/finance-service';
import { startFinanceSubgraph } from '@hospital/finance-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Finance: invoices, payments, refunds; checks patients, billed appointments and admissions with their services. */
export const finance: DepartmentStarter = {
  name: 'finance',
  startService: (ctx) => {
    const [patientsTarget, appointmentsTarget, wardTarget] = [ctx.grpcTargets['patients'], ctx.grpcTargets['appointments'], ctx.grpcTargets['ward']];
    if (!patientsTarget || !appointmentsTarget || !wardTarget) throw new Error('finance needs the patients, appointments and ward services started before it');
    return startFinanceService(
      { port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, patientsTarget, appointmentsTarget, wardTarget },
      { logger: ctx.logger },
    );
  },
  startSubgraph: (ctx, grpcTarget) =>
    startFinanceSubgraph({ port: 0, host: '127.0.0.1', financeTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
