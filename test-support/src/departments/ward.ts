import { startWardService } from '@hospital/ward-service';
import { startWardSubgraph } from '@hospital/ward-subgraph';
import { peerTargets, type DepartmentStarter } from './department.ts';

/** Ward: wards, beds, admissions; admissions check the patient with the patients service. */
export const ward: DepartmentStarter = {
  name: 'ward',
  startService: (ctx) => {
    const { patients } = peerTargets(ctx, 'ward', 'patients');
    return startWardService({ port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, patientsTarget: patients }, { logger: ctx.logger });
  },
  startSubgraph: (ctx, grpcTarget) =>
    startWardSubgraph({ port: 0, host: '127.0.0.1', wardTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
