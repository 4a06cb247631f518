/**
 * The audit of clinical values delivered to subscribers. Each `labResultEvents` /
 * `wardVitalsEvents` event a subscriber receives is a read of that patient's lab result or vital
 * signs by that person: recorded in the audit trail (identity's `RecordDeliveredReads`, through the
 * service kit's batching reporter, so the subscribers of one event travel in one call) before the
 * values leave. It fails closed like every audited read: when the row cannot be written, the
 * subscriber gets `INTERNAL_SERVER_ERROR` in place of that event and the stream goes on.
 */
import { GraphQLError } from 'graphql';
import type { DeliveredRead } from '@hospital/grpc-contracts';
import { printableText, verifyForwardedIdentity } from '@hospital/service-kit';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import type { SubgraphContext } from '@hospital/subgraph-kit';

/** What is recorded of one delivery: the subscription field, the kind of record, its patient. */
export interface ClinicalDelivery {
  rootField: 'labResultEvents' | 'wardVitalsEvents';
  resource: 'LabOrder' | 'VitalSigns';
  patientId: string;
}

const withheld = (requestId: string) =>
  new GraphQLError('This event could not be recorded in the audit trail; it was withheld.', { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });

/**
 * The subscriber's read, as the audit service takes it; undefined for a caller it cannot name
 * (only users subscribe to these fields: `@auth` admits roles).
 * @param delivery - field, resource, patient
 * @param ctx - the subscriber's context (caller, request id of the subscription, the router's signed origin)
 * @param internalSecret - to read the origin the router signed
 */
export function deliveredRead(delivery: ClinicalDelivery, ctx: SubgraphContext, internalSecret: string): DeliveredRead | undefined {
  const { caller } = ctx;
  if (caller.kind !== 'user') return undefined;
  const origin = verifyForwardedIdentity(ctx.identityToken, internalSecret)?.origin ?? {};
  return {
    userId: caller.userId,
    userRole: caller.role,
    rootField: delivery.rootField,
    operation: printableText(origin.operation, 256),
    resource: delivery.resource,
    patientIds: [delivery.patientId],
    requestId: ctx.requestId,
    ip: printableText(origin.ip, 256),
    userAgent: printableText(origin.userAgent, 256),
    appClientId: caller.app?.clientId ?? '',
    appName: printableText(caller.app?.name, 256),
  };
}

/**
 * Records one delivery, or throws the error the subscriber gets in place of the event.
 * @param audit - the batching reporter
 * @param delivery - field, resource, patient
 * @param ctx - the subscriber's context
 * @param internalSecret - to read the origin the router signed
 */
export async function recordDelivery(audit: DeliveryAudit, delivery: ClinicalDelivery, ctx: SubgraphContext, internalSecret: string): Promise<void> {
  const read = deliveredRead(delivery, ctx, internalSecret);
  if (!read) throw withheld(ctx.requestId);
  try {
    await audit.record([read]);
  } catch {
    // Logged by the reporter (once per batch).
    throw withheld(ctx.requestId);
  }
}
