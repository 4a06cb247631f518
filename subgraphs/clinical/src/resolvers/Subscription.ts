/**
 * `Subscription.labResultEvents` and `Subscription.wardVitalsEvents`: the process-wide clinical
 * event feed, filtered per subscriber (events/subscriber-scope.ts). The router opens these over
 * graphql-ws and resolves other subgraphs' fields (the patient's name) for each event.
 */
import type { ClinicalEvent } from '@hospital/grpc-contracts';
import { callGrpc, type SubgraphContext } from '@hospital/subgraph-kit';
import { eventOrRefusal, openRecheckedEventStream, type StreamRefused } from '@hospital/subgraph-kit/events';
import type { LabResultEventResolvers, SubscriptionResolvers, WardVitalsEventResolvers } from '../__generated__/resolvers-types.ts';
import type { LabResultEventModel, VitalsEventModel } from '../events/clinical-event-feed.ts';
import { recordDelivery } from '../events/delivered-reads.ts';
import { labResultFilter, wardVitalsFilter, type ScopeQuestions } from '../events/subscriber-scope.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * The scope questions, asked of the clinical service on the subscriber's behalf.
 * @param deps - the clinical client
 * @param ctx - the subscriber's context
 */
function questionsOf({ client }: ResolverDeps, ctx: SubgraphContext): ScopeQuestions {
  const options = () => ({ metadata: ctx.grpcMetadata() });
  return {
    // The service reads the patient's lab record as it would for the caller; refused = may not see.
    maySeePatient: async (patientId) => {
      try {
        await callGrpc(client.getPatientLabOrders({ patientIds: [patientId] }, options()));
        return true;
      } catch (error) {
        if ((error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN') return false;
        throw error;
      }
    },
    // The clinical service answers with the ward department's assignments.
    followableWards: async () => {
      const { everyWard, wardIds } = await callGrpc(client.getFollowableWards({}, options()));
      return everyWard ? { everyWard: true } : { everyWard: false, wardIds: new Set(wardIds) };
    },
  };
}

/**
 * Subscription resolvers. Each event a subscriber receives is recorded in the audit trail as their
 * read of the patient's lab order or vital signs before it leaves (events/delivered-reads.ts).
 * @param deps - the clinical client, the event feed, the delivery audit
 */
export function createSubscriptionResolvers(deps: ResolverDeps): SubscriptionResolvers {
  return {
    // The filter is decided (or FORBIDDEN thrown) before a listener is registered, then again every
    // scopeRecheckMs while the subscription is open: ward staff removed from the ward, or a doctor
    // who may no longer see the patient, get FORBIDDEN as a last result and the stream ends.
    labResultEvents: {
      subscribe: (_parent, args, ctx) =>
        openRecheckedEventStream(deps.events, { decide: () => labResultFilter(ctx.caller, args, questionsOf(deps, ctx)), everyMs: deps.scopeRecheckMs, logger: ctx.logger }),
      resolve: async (event: ClinicalEvent | StreamRefused, _args: unknown, ctx: SubgraphContext) => {
        const result = eventOrRefusal(event) as LabResultEventModel;
        await recordDelivery(deps.deliveryAudit, { rootField: 'labResultEvents', resource: 'LabOrder', patientId: result.patientId }, ctx, deps.internalSecret);
        return result;
      },
    },
    wardVitalsEvents: {
      subscribe: (_parent, args, ctx) =>
        openRecheckedEventStream(deps.events, { decide: () => wardVitalsFilter(args, questionsOf(deps, ctx)), everyMs: deps.scopeRecheckMs, logger: ctx.logger }),
      resolve: async (event: ClinicalEvent | StreamRefused, _args: unknown, ctx: SubgraphContext) => {
        const vitals = eventOrRefusal(event) as VitalsEventModel;
        await recordDelivery(deps.deliveryAudit, { rootField: 'wardVitalsEvents', resource: 'VitalSigns', patientId: vitals.patientId }, ctx, deps.internalSecret);
        return vitals;
      },
    },
  };
}

/**
 * `LabResultEvent` resolvers: fields from the payload; `order` read afresh by id (a subscription's
 * context lives as long as the subscription, so its loaders would serve stale orders).
 * @param deps - the clinical client
 */
export function createLabResultEventResolvers({ client }: ResolverDeps): LabResultEventResolvers {
  return {
    id: (event) => event.eventId,
    type: (event) => (event.type === 'LAB_RESULT_AMENDED' ? 'AMENDED' : 'ENTERED'),
    occurredAt: (event) => event.labResult.resultedAt,
    patient: (event) => ({ id: event.patientId }),
    orderId: (event) => event.labResult.orderId,
    loincCode: (event) => event.labResult.loincCode,
    testName: (event) => event.labResult.testName,
    value: (event) => event.labResult.value,
    unit: (event) => event.labResult.unit,
    flag: (event) => event.labResult.flag,
    abnormal: (event) => event.labResult.flag !== 'NORMAL',
    orderedBy: (event) => ({ id: event.labResult.orderedById }),
    // By id: the care relationship or, for a doctor following their own orders, being the orderer
    // (GetLabOrders leaves an item the subscriber may not read out, so it reads as null).
    order: async (event, _args, ctx) => {
      const { orders } = await callGrpc(client.getLabOrders({ ids: [event.labResult.orderId] }, { metadata: ctx.grpcMetadata() }));
      return orders.find((order) => order.id.toLowerCase() === event.labResult.orderId.toLowerCase()) ?? null;
    },
  };
}

/** `WardVitalsEvent` resolvers: fields from the payload. */
export function createWardVitalsEventResolvers(): WardVitalsEventResolvers {
  return {
    id: (event) => event.eventId,
    occurredAt: (event) => event.vitals.recordedAt,
    patient: (event) => ({ id: event.patientId }),
    // The subscription's filter sends only events with a ward.
    wardId: (event) => event.wardId ?? '',
    vitalSignsId: (event) => event.vitals.vitalSignsId,
    news2: (event) => (event.vitals.news2Score !== null && event.vitals.news2Risk !== null ? { score: event.vitals.news2Score, risk: event.vitals.news2Risk } : null),
    urgent: (event) => event.type === 'VITALS_ABNORMAL',
    abnormal: (event) => event.vitals.abnormal.map((m) => m.measurement),
  };
}
