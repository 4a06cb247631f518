import { startClinicalService } from '@hospital/clinical-service';
import { startClinicalSubgraph } from '@hospital/clinical-subgraph';
import { peerTargets, type DepartmentStarter } from './department.ts';
import { e2eClientId, e2eClinicalKafka } from './kafka.ts';

/** Clinical: encounters, notes, vital signs, lab results, the outbox of clinical events; asks appointments and ward on the caller's behalf; its subgraph reports deliveries to the audit service (identity). */
export const clinical: DepartmentStarter = {
  name: 'clinical',
  startService: (ctx) => {
    const { appointments: appointmentsTarget, ward: wardTarget } = peerTargets(ctx, 'clinical', 'appointments', 'ward');
    return startClinicalService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        appointmentsTarget,
        wardTarget,
        // The outbox relay ships clinical events to the run's clinical topic on the run's real broker.
        kafka: ctx.kafka ? e2eClinicalKafka(ctx.databaseUrl, e2eClientId('clinical', 'service')) : undefined,
      },
      { logger: ctx.logger },
    );
  },
  // Live views (labResultEvents, wardVitalsEvents) read the same topic in a group of this replica.
  startSubgraph: (ctx, grpcTarget, port = 0) => {
    const kafka = ctx.kafka ? e2eClinicalKafka(ctx.databaseUrl, e2eClientId('clinical', 'subgraph')) : undefined;
    return startClinicalSubgraph(
      {
        port,
        host: '127.0.0.1',
        clinicalTarget: grpcTarget,
        // Each delivery of an event to a subscriber is recorded by the audit service.
        identityTarget: ctx.grpcTargets['identity']!,
        internalSecret: ctx.internalSecret,
        production: ctx.production,
        kafkaBrokers: kafka?.brokers,
        clinicalTopic: kafka?.topic.topic,
        // Open subscriptions follow a scope change (a ward assignment removed) within a second.
        scopeRecheckMs: 1_000,
      },
      { logger: ctx.logger },
    );
  },
};
