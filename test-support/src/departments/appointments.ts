import { startAppointmentsService } from '@hospital/appointments-service';
import { startAppointmentsSubgraph } from '@hospital/appointments-subgraph';
import type { DepartmentStarter } from './department.ts';
import { e2eClientId, e2eKafka } from './kafka.ts';

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
        // The outbox relay ships events to the run's topic on the run's real broker.
        kafka: ctx.kafka ? e2eKafka(ctx.databaseUrl, e2eClientId('appointments', 'service')) : undefined,
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget, port = 0) =>
    startAppointmentsSubgraph({ port, host: '127.0.0.1', appointmentsTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production }, { logger: ctx.logger }),
};
