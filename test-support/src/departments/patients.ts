import { startPatientsService } from '@hospital/patients-service';
import { startPatientsSubgraph } from '@hospital/patients-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Patients: records, MRNs, search; asks appointments and ward who cares for a patient (allergy changes). */
export const patients: DepartmentStarter = {
  name: 'patients',
  startService: (ctx) =>
    startPatientsService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        possibleDuplicateCheck: ctx.possibleDuplicateCheck ?? false,
        // Appointments and ward start after patients (they call it): read their addresses on first use.
        care: () => ({ appointmentsTarget: ctx.grpcTargets['appointments']!, wardTarget: ctx.grpcTargets['ward']! }),
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget) =>
    startPatientsSubgraph({ port: 0, host: '127.0.0.1', patientsTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
