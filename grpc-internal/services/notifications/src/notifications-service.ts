/**
 * startNotificationsService: one process with three parts — the gRPC API (inbox, delivery log),
 * the consumer of appointment events, and the delivery sender — sharing one database pool.
 * close() stops the loops first (finishing the round in flight), then the server, then the pool.
 */
import { createPrismaClient } from '@hospital/db';
import { createAppointmentsClient, createIdentityClient, createPatientsClient, notificationsProto } from '@hospital/grpc-contracts';
import { type Logger, type GrpcServiceStartConfig } from '@hospital/service-kit';
import { startGrpcServer, type RunningService } from '@hospital/service-kit/grpc';
import { createKafkaEventBus, type AppointmentsKafkaConfig, type EventBus, type EventTopics, type Subscription } from '@hospital/service-kit/kafka';
import { EmailChannel } from './channels/email-channel.ts';
import { InAppChannel } from './channels/in-app-channel.ts';
import { LoggingSmsProvider, SmsChannel, type SmsProvider } from './channels/sms-channel.ts';
import type { ChannelName } from './channels/notification-channel.ts';
import type { RetryPolicy } from './delivery/backoff.ts';
import { DeliverySender, startDeliverySender } from './delivery/delivery-sender.ts';
import { GrpcContactDirectory } from './departments/contact-directory.ts';
import { GrpcOutboxPuller } from './departments/appointments-outbox.ts';
import { startEventConsumer } from './events/event-consumer.ts';
import { APPOINTMENT_EVENTS } from './events/appointment-events.ts';
import { CLINICAL_EVENTS } from './events/clinical-events.ts';
import { EventProcessor } from './events/event-processor.ts';
import type { RawEvent } from './events/event-topic.ts';
import { startKafkaEventConsumer } from './events/kafka-event-consumer.ts';
import { PrismaDeliveryRepository } from './repositories/prisma-delivery-repository.ts';
import { PrismaReceivedEventRepository } from './repositories/prisma-received-event-repository.ts';
import { PrismaInboxRepository } from './repositories/prisma-inbox-repository.ts';
import { createNotificationsHandlers, NOTIFICATIONS_SERVICE_NAME } from './service.ts';

/** Every channel, the default of `sendChannels`. */
export const ALL_CHANNELS: readonly ChannelName[] = ['email', 'sms', 'in_app'];

/** Configuration of the notifications service (see env.ts for the variables behind it). */
export interface NotificationsServiceConfig extends GrpcServiceStartConfig {
  /** host:port of the appointments, patients and identity services. */
  targets: { appointments: string; patients: string; identity: string };
  /** Deadline per outgoing gRPC call in ms (default 5000). */
  grpcDeadlineMs?: number;
  /** SMTP settings; without smtpUrl emails are recorded as skipped. */
  email: { smtpUrl?: string; from: string; timeoutMs?: number };
  /** IANA zone for times in messages. */
  timeZone: string;
  /** How often the consumer and the sender look for work when idle, in ms. */
  pollIntervalMs: number;
  /** Retry policy of failed deliveries. */
  retry: RetryPolicy;
  /** Consumer name at the appointments service (default "notifications"). */
  consumerName?: string;
  /** Channels this instance's sender handles (default all). */
  sendChannels?: readonly ChannelName[];
  /** Events per pull and deliveries per sender round (default 50). */
  batchSize?: number;
  /**
   * Kafka (KAFKA_BROKERS set): events come from the appointments topic in consumer group
   * `groupId` (default "notifications") instead of the PullEvents poller.
   */
  kafka?: AppointmentsKafkaConfig & {
    groupId?: string;
    /** The clinical topic (lab results to the ordering doctor), consumed in group `<groupId>-clinical`; not consumed when absent. */
    clinical?: EventTopics;
  };
}

/** A running notifications service; close() stops the consumer and sender, drains the gRPC server, closes clients and the pool. */
export type RunningNotificationsService = RunningService;

/**
 * Starts the notifications service.
 * @param config - ports, database, targets, channels, timing
 * @param deps - the logger; optionally a real SMS provider (the logging one by default)
 */
export async function startNotificationsService(config: NotificationsServiceConfig, deps: { logger: Logger; smsProvider?: SmsProvider }): Promise<RunningNotificationsService> {
  const db = createPrismaClient(config.databaseUrl);
  const clientOptions = (target: string) => ({ target, deadlineMs: config.grpcDeadlineMs ?? 5_000 });
  const appointments = createAppointmentsClient(clientOptions(config.targets.appointments));
  const patients = createPatientsClient(clientOptions(config.targets.patients));
  const identity = createIdentityClient(clientOptions(config.targets.identity));
  const email = new EmailChannel(config.email, deps.logger.child({ source: 'EmailChannel' }));
  let bus: EventBus | undefined;
  const closeClients = async () => {
    await bus?.close();
    email.close();
    for (const client of [appointments, patients, identity]) client.close();
    await db.$disconnect();
  };
  try {
    const inbox = new PrismaInboxRepository(db);
    const deliveries = new PrismaDeliveryRepository(db);
    const batchSize = config.batchSize ?? 50;
    const maxErrorBackoffMs = Math.max(config.pollIntervalMs, 30_000);
    const sender = new DeliverySender({
      deliveries,
      channels: { email, sms: new SmsChannel(deps.smsProvider ?? new LoggingSmsProvider(deps.logger.child({ source: 'LoggingSmsProvider' }))), in_app: new InAppChannel(inbox) },
      sendChannels: config.sendChannels ?? ALL_CHANNELS,
      retry: config.retry,
      batchSize,
      // A claim outlives the slowest channel (three SMTP timeouts) before another sender may retry it.
      leaseMs: 3 * (config.email.timeoutMs ?? 10_000) + 30_000,
      logger: deps.logger.child({ source: 'DeliverySender' }),
    });
    const processorDeps = {
      events: new PrismaReceivedEventRepository(db),
      contacts: new GrpcContactDirectory({ patients, identity }, config.internalSecret),
      timeZone: config.timeZone,
      logger: deps.logger.child({ source: 'EventProcessor' }),
    };
    const processor = new EventProcessor({ ...processorDeps, topic: APPOINTMENT_EVENTS });
    const server = await startGrpcServer({
      services: [
        {
          name: NOTIFICATIONS_SERVICE_NAME,
          definition: notificationsProto.NotificationsService.service,
          implementation: createNotificationsHandlers({ inbox, deliveries }, { internalSecret: config.internalSecret, logger: deps.logger }),
        },
      ],
      port: config.port,
      host: config.host,
      logger: deps.logger,
    });
    const senderLoop = startDeliverySender(sender, {
      pollIntervalMs: config.pollIntervalMs,
      maxErrorBackoffMs,
      batchSize,
      logger: deps.logger.child({ source: 'DeliverySender' }),
    });
    const onDeliveries = () => senderLoop.wake();
    let stopConsumer: () => Promise<void>;
    if (config.kafka) {
      const kafka = config.kafka;
      const stopStarted = async () => {
        await senderLoop.stop();
        await server.close();
      };
      bus = createKafkaEventBus({ brokers: kafka.brokers, clientId: kafka.clientId, logger: deps.logger });
      // Either side may start first: both make sure the topics exist (creating is idempotent).
      const started = bus;
      const groupId = kafka.groupId ?? 'notifications';
      // One consumer implementation per topic; each topic its own group, so a group's members
      // always share one subscription.
      const consume = async <Raw extends RawEvent, Event>(topics: EventTopics, group: string, topicProcessor: EventProcessor<Raw, Event>) => {
        await started.ensureTopic(topics.topic);
        await started.ensureTopic({ ...topics.topic, topic: topics.dlqTopic });
        return startKafkaEventConsumer({
          bus: started,
          topic: topics.topic.topic,
          dlqTopic: topics.dlqTopic,
          groupId: group,
          processor: topicProcessor,
          onDeliveries,
          logger: deps.logger.child({ source: 'KafkaEventConsumer', topic: topics.topic.topic }),
        });
      };
      const subscriptions: Subscription[] = [];
      try {
        subscriptions.push(await consume(kafka, groupId, processor));
        if (kafka.clinical) subscriptions.push(await consume(kafka.clinical, `${groupId}-clinical`, new EventProcessor({ ...processorDeps, topic: CLINICAL_EVENTS })));
      } catch (error) {
        // The server and sender are already up: stop them before the caller closes the clients.
        for (const subscription of subscriptions) await subscription.close();
        await stopStarted();
        throw error;
      }
      stopConsumer = async () => {
        for (const subscription of subscriptions) await subscription.close();
      };
    } else {
      const consumerLoop = startEventConsumer({
        source: new GrpcOutboxPuller(appointments, config.consumerName ?? 'notifications', config.internalSecret),
        processor,
        batchSize,
        pollIntervalMs: config.pollIntervalMs,
        maxErrorBackoffMs,
        // New deliveries go out now, not at the sender's next poll: in-app is meant to be immediate.
        onDeliveries,
        logger: deps.logger.child({ source: 'EventConsumer' }),
      });
      stopConsumer = () => consumerLoop.stop();
    }
    return {
      port: server.port,
      async close() {
        await stopConsumer();
        await senderLoop.stop();
        await server.close();
        await closeClients();
      },
    };
  } catch (error) {
    await closeClients();
    throw error;
  }
}
