import { startClinicalService } from '@hospital/clinical-service';
import { startClinicalSubgraph } from '@hospital/clinical-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Clinical: encounters, notes, vital signs; asks appointments and ward on the caller's behalf. */
export const clinical: DepartmentStarter = {
  name: 'clinical',
  startService: (ctx) => {
    const appointmentsTarget = ctx.grpcTargets['appointments'];
    const wardTarget = ctx.grpcTargets['ward'];
    if (!appointmentsTarget || !wardTarget) throw new Error('the clinical service needs the appointments and ward services started before it');
    return startClinicalService(
      { port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, appointmentsTarget, wardTarget },
      { logger: ctx.logger },
    );
  },
  startSubgraph: (ctx, grpcTarget) =>
    startClinicalSubgraph({ port: 0, host: '127.0.0.1', clinicalTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
