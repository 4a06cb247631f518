/**
 * The audit of reads delivered to subscribers (`AuditService.RecordDeliveredReads`, identity):
 * the router reports the readers of one shared resolution of an event's patient fields, the
 * clinical subgraph each subscriber of a clinical event (the values inside the event). Reports
 * that arrive within a few milliseconds of each other (the subscribers of one event) travel in one
 * call, written in one INSERT; no round trip per subscriber.
 */
import { randomUUID } from 'node:crypto';
import { createAuditClient, type DeliveredRead } from '@hospital/grpc-contracts';
import { signIdentity } from './identity-token.ts';
import type { Logger } from './logger.ts';
import { callMetadata } from './grpc-metadata.ts';

/** Reads of one call at most (the audit service's bound). */
const MAX_READS_PER_CALL = 10_000;

/** Records delivered reads; resolves once they are in the trail, rejects when they could not be. */
export interface DeliveryAudit {
  record(reads: readonly DeliveredRead[]): Promise<void>;
  /** Calls made so far (tests and the benchmark: proof of batching). */
  readonly calls: number;
  close(): void;
}

/**
 * A batching reporter over a gRPC client of the audit service.
 * @param options - the identity service's address, the internal secret, the service name it signs
 *   its calls with (one the audit service lets report deliveries), the logger, the batching window
 */
export function createDeliveryAudit(options: { identityTarget: string; internalSecret: string; service: string; logger: Logger; windowMs?: number }): DeliveryAudit {
  const client = createAuditClient({ target: options.identityTarget, deadlineMs: 5_000 });
  const windowMs = options.windowMs ?? 3;
  type Batch = { reads: DeliveredRead[]; settle: Array<{ resolve: () => void; reject: (error: unknown) => void }>; sent: boolean };
  let pending: Batch | undefined;
  let calls = 0;

  const flush = async (batch: Batch) => {
    if (batch.sent) return;
    batch.sent = true;
    if (pending === batch) pending = undefined;
    calls += 1;
    const metadata = callMetadata(signIdentity({ kind: 'service', service: options.service }, options.internalSecret), randomUUID());
    try {
      await client.recordDeliveredReads({ reads: batch.reads }, { metadata });
      for (const { resolve } of batch.settle) resolve();
    } catch (error) {
      options.logger.error({ err: error, reads: batch.reads.length }, 'subscription deliveries not recorded in the audit trail');
      for (const { reject } of batch.settle) reject(error);
    }
  };

  return {
    record(reads) {
      if (reads.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        if (pending && pending.reads.length + reads.length > MAX_READS_PER_CALL) void flush(pending);
        if (!pending) {
          const batch: Batch = { reads: [], settle: [], sent: false };
          pending = batch;
          setTimeout(() => void flush(batch), windowMs);
        }
        pending.reads.push(...reads);
        pending.settle.push({ resolve, reject });
      });
    },
    get calls() {
      return calls;
    },
    close: () => client.close(),
  };
}
