import { startAppointmentsService } from '@hospital/appointments-service';
import { startAppointmentsSubgraph } from '@hospital/appointments-subgraph';
import type { DepartmentStarter } from './department.ts';

/** Appointments: bookings, their lifecycle, the outbox of appointment events. Calls identity and patients. */
export const appointments: DepartmentStarter = {
  name: 'appointments',
  startService: (ctx) =>
    startAppointmentsService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        identityTarget: ctx.grpcTargets['identity']!,
        patientsTarget: ctx.grpcTargets['patients']!,
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget) =>
    startAppointmentsSubgraph(
      { port: 0, host: '127.0.0.1', appointmentsTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production },
      { logger: ctx.logger },
    ),
};
