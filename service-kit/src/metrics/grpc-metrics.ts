/**
 * What the unary wrapper (grpc-handler.ts) records: requests by method and status code, latency,
 * and the audit trail's writes. Method names are the service definition's paths (grpc-js answers
 * unknown methods itself, before the wrapper), so the label set is bounded by the contracts.
 */
import type { status as GrpcStatus } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { AuditSink } from '../audit.ts';
import { counter, histogram } from './registry.ts';

const handled = () => counter('grpc_server_handled_total', 'gRPC calls completed, by method and status code.', ['method', 'code']);
const handling = () => histogram('grpc_server_handling_seconds', 'gRPC call latency in the unary wrapper, by method.', ['method']);
const auditRows = () => counter('audit_rows_written_total', 'Audit-trail rows handed to the sink and written, by outcome.', ['outcome']);
const auditFailures = () => counter('audit_write_failures_total', 'Audit-trail writes that failed (rows not written).');
const auditLatency = () => histogram('audit_write_seconds', "Latency of one audit-trail write (one INSERT of all of a call's rows).");

/**
 * Records one finished call.
 * @param method - the call's path, `/hospital.<dept>.v1.<Dept>Service/<Method>`
 * @param code - the status sent
 * @param seconds - time from the wrapper's start to the answer
 */
export function observeGrpcCall(method: string, code: GrpcStatus, seconds: number): void {
  handled().inc({ method, code: status[code] ?? 'UNKNOWN' });
  handling().observe({ method }, seconds);
}

/**
 * The audit sink, counting rows written by outcome, failures and write latency.
 * @param sink - the service's audit sink
 */
export function meteredAuditSink(sink: AuditSink): AuditSink {
  return {
    async record(entries) {
      const end = auditLatency().startTimer();
      try {
        await sink.record(entries);
      } catch (error) {
        auditFailures().inc();
        throw error;
      } finally {
        end();
      }
      for (const entry of entries) auditRows().inc({ outcome: entry.outcome });
    },
  };
}
