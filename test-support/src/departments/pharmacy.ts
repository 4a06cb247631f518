import { startPharmacyService } from '@hospital/pharmacy-service';
import { startPharmacySubgraph } from '@hospital/pharmacy-subgraph';
import { peerTargets, type DepartmentStarter } from './department.ts';

/** Pharmacy: drug catalogue, stock lots, prescriptions; asks patients for allergies. */
export const pharmacy: DepartmentStarter = {
  name: 'pharmacy',
  startService: (ctx) => {
    const { patients } = peerTargets(ctx, 'pharmacy', 'patients');
    return startPharmacyService({ port: 0, host: '127.0.0.1', databaseUrl: ctx.databaseUrl, internalSecret: ctx.internalSecret, patientsTarget: patients }, { logger: ctx.logger });
  },
  startSubgraph: (ctx, grpcTarget) =>
    startPharmacySubgraph({ port: 0, host: '127.0.0.1', pharmacyTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
