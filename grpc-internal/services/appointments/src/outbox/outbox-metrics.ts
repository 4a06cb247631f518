/** The appointments outbox's Prometheus gauges: @hospital/db's startOutboxMetrics on appointments.outbox_events. */
import { APPOINTMENTS_OUTBOX, startOutboxMetrics as startTableMetrics, type OutboxMetrics } from '@hospital/db';

export type { OutboxMetrics } from '@hospital/db';

/**
 * Registers the outbox gauges of the appointments outbox.
 * @param databaseUrl - the appointments database
 */
export function startOutboxMetrics(databaseUrl: string): OutboxMetrics {
  return startTableMetrics(databaseUrl, APPOINTMENTS_OUTBOX);
}
