/**
 * The appointments department's outbox, read without Kafka: its PullEvents/AckEvents over gRPC, as
 * the notifications service principal (the consumer loop in events/event-consumer.ts drives it).
 */
import { randomUUID } from 'node:crypto';
import type { AppointmentsClient, RawAppointmentEvent } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import type { OutboxPuller } from '../events/event-consumer.ts';

/** The appointments service's PullEvents/AckEvents, called as the notifications service principal. */
export class GrpcOutboxPuller implements OutboxPuller {
  /**
   * @param client - appointments promise client
   * @param consumer - consumer name ("notifications")
   * @param internalSecret - to sign the service identity
   */
  constructor(
    private readonly client: AppointmentsClient,
    private readonly consumer: string,
    private readonly internalSecret: string,
  ) {}

  private metadata() {
    return callMetadata(signIdentity({ kind: 'service', service: 'notifications' }, this.internalSecret), randomUUID());
  }

  async pull(max: number): Promise<RawAppointmentEvent[]> {
    const { events } = await this.client.pullEvents({ consumer: this.consumer, max }, { metadata: this.metadata() });
    return events.map((e) => ({ id: e.id, type: e.type, appointmentId: e.appointmentId, sequence: e.sequence, payloadJson: e.payloadJson }));
  }

  async ack(eventIds: readonly string[]): Promise<void> {
    if (eventIds.length > 0) await this.client.ackEvents({ consumer: this.consumer, eventIds: [...eventIds] }, { metadata: this.metadata() });
  }
}
