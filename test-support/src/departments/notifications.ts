import { startNotificationsService } from '@hospital/notifications-service';
import { startNotificationsSubgraph } from '@hospital/notifications-subgraph';
import type { DepartmentStarter } from './department.ts';
import { e2eClientId, e2eClinicalKafka, e2eKafka, e2eNotificationsGroup } from './kafka.ts';

/** The run's clinical topics (lab results for the ordering doctor), as the clinical relay publishes them. */
function clinicalTopics(databaseUrl: string) {
  const { topic, dlqTopic } = e2eClinicalKafka(databaseUrl, e2eClientId('notifications', 'service'));
  return { topic, dlqTopic };
}

/**
 * The channels every test system's notifications service sends on (in-app and SMS): all of a run's
 * systems share one database, and only the service's own email test may take email deliveries (to
 * its SMTP sink). Systems started from dist/ get the same list (NOTIFY_SEND_CHANNELS).
 */
export const TEST_RUN_SEND_CHANNELS: Array<'in_app' | 'sms'> = ['in_app', 'sms'];

/**
 * Notifications: consumes appointment events and, with Kafka, the clinical topic's lab results
 * (calls appointments, patients and identity) and delivers them, on {@link TEST_RUN_SEND_CHANNELS}.
 */
export const notifications: DepartmentStarter = {
  name: 'notifications',
  startService: (ctx) =>
    startNotificationsService(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: ctx.databaseUrl,
        internalSecret: ctx.internalSecret,
        targets: { appointments: ctx.grpcTargets['appointments']!, patients: ctx.grpcTargets['patients']!, identity: ctx.grpcTargets['identity']! },
        email: { from: 'Hospital <no-reply@hospital.local>' },
        timeZone: 'Europe/London',
        pollIntervalMs: 100,
        retry: { maxAttempts: 3, baseMs: 100, capMs: 1_000 },
        sendChannels: TEST_RUN_SEND_CHANNELS,
        // Events from the run's Kafka topic (see kafka.ts), in a consumer group of this system's own.
        kafka: ctx.kafka
          ? { ...e2eKafka(ctx.databaseUrl, e2eClientId('notifications', 'service')), groupId: e2eNotificationsGroup(), clinical: clinicalTopics(ctx.databaseUrl) }
          : undefined,
      },
      { logger: ctx.logger },
    ),
  startSubgraph: (ctx, grpcTarget) =>
    startNotificationsSubgraph(
      { port: 0, host: '127.0.0.1', notificationsTarget: grpcTarget, internalSecret: ctx.internalSecret, production: ctx.production },
      { logger: ctx.logger },
    ),
};
