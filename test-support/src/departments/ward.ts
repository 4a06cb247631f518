import { startWardService } from '@hospital/ward-service';
import { startWardSubgraph } from '@hospital/ward-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Ward: wards, beds, admissions; admissions check the patient with the patients service. */
export const ward: DepartmentStarter = {
  name: 'ward',
  startService: (ctx) => {
    const patientsTarget = ctx.grpcTargets['patients'];
    if (!patientsTarget) throw new Error('the ward service needs the patients service started before it');
    return startWardService({ port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, patientsTarget }, { logger: ctx.logger });
  },
  startSubgraph: (ctx, grpcTarget) =>
    startWardSubgraph({ port: 0, host: '127.0.0.1', wardTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
