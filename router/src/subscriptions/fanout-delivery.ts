/**
 * One upstream event, delivered to every cohort of its group: resolved once per cohort as its
 * representative (the first subscriber), audited for the other readers in one batched call, and
 * queued for each subscriber in upstream order (the queue holds the pending result, so a slow
 * resolution delays only its own cohort and later events queue behind it in order).
 */
import type { ServiceMap } from '@apollo/gateway';
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import type { DeliveredRead } from '@hospital/grpc-contracts';
import { printableText, type Logger } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import type { DeliveryQueue } from './delivery-queue.ts';
import { PATIENT_TYPENAME, resolveEvent, reviveErrors, type FanoutCounters, type PreparedSelection, type Resolved } from './event-resolution.ts';
import type { SubscriptionPlanner } from './subscription-plan.ts';

/** Patients one DeliveredRead may name (the audit service's bound). */
const MAX_PATIENTS_PER_READ = 100;

/** One subscriber. */
export interface Member {
  context: RouterContext;
  queue: DeliveryQueue<ExecutionResult | FormattedExecutionResult>;
}

/** Subscribers sharing one resolution of each event. */
export interface Cohort {
  key: string;
  members: Set<Member>;
  /** Absent when the subscription selects only fields of the owning subgraph. */
  selection?: PreparedSelection;
}

/** What delivering needs. */
export interface DeliveryDeps {
  planner: SubscriptionPlanner;
  dataSources: ServiceMap;
  logger: Logger;
  counters: FanoutCounters;
  audit?: DeliveryAudit;
}

/**
 * The context a resolution runs under: the representative's caller and origin, with a request id
 * of this delivery (the audit trail keeps one row per request, actor and patient: an id per event
 * keeps one row per event and reader).
 * @param context - the representative's
 * @param requestId - the delivery's
 */
function deliveryContext(context: RouterContext, requestId: string): RouterContext {
  return { ...context, requestId, scope: { ...context.scope, requestId } };
}

/** A subscriber's read of the patients of a resolution, for the audit service. */
function readOf(member: Member, selection: PreparedSelection, patientIds: readonly string[], requestId: string): DeliveredRead | undefined {
  const { caller, origin } = member.context;
  if (caller.kind !== 'user') return undefined;
  return {
    userId: caller.userId,
    userRole: caller.role,
    rootField: rootFieldOf(selection),
    operation: printableText(selection.operationName, 256),
    resource: PATIENT_TYPENAME,
    patientIds: [...patientIds],
    requestId,
    ip: printableText(origin?.ip, 256),
    userAgent: printableText(origin?.userAgent, 256),
    appClientId: caller.app?.clientId ?? '',
    appName: printableText(caller.app?.name, 256),
  };
}

/** Who reads, for "one row per reader": a user, or an app by its client id (never all apps as one). */
function readerOf(member: Member): string {
  const { caller } = member.context;
  if (caller.kind === 'user') return `user:${caller.userId}`;
  return caller.kind === 'app' ? `app:${caller.clientId}` : caller.kind;
}

function rootFieldOf(selection: PreparedSelection): string {
  for (const node of selection.operationContext.operation.selectionSet.selections) if (node.kind === 'Field') return node.name.value;
  return 'subscription';
}

/**
 * Resolves one cohort's event: once, then the other readers of patient data are audited (one
 * batched call) before anyone receives it. Without an audit service, every reader of patient
 * data gets a resolution of their own (each audited by the service that answers it).
 */
async function resolveCohort(
  deps: DeliveryDeps,
  selection: PreparedSelection,
  members: readonly Member[],
  event: FormattedExecutionResult,
  requestId: string,
): Promise<Map<Member, FormattedExecutionResult>> {
  const [first, ...others] = members as [Member, ...Member[]];
  const shared: Resolved = await resolveEvent(deps, selection, event, deliveryContext(first.context, requestId));
  const results = new Map<Member, FormattedExecutionResult>([[first, shared.result]]);
  // Federation returns partial data WITH errors (another subgraph failed, the patient names did
  // not): errors alone must not skip the audit. Only no patients read, or no data at all, does.
  if (shared.patientIds.length === 0 || shared.result.data === null || shared.result.data === undefined) {
    // No patient data in it: nothing more to record.
    for (const member of others) results.set(member, shared.result);
    return results;
  }
  if (!deps.audit) {
    await Promise.all(others.map(async (member) => results.set(member, (await resolveEvent(deps, selection, event, deliveryContext(member.context, requestId))).result)));
    return results;
  }
  // One row per reader: a user on several connections (or the representative's own) is one reader.
  const seen = new Set([readerOf(first)]);
  const reads: DeliveredRead[] = [];
  // Readers a delivered-read row cannot name (apps: it names users) never share another reader's
  // resolution: each gets its own (one per reader), audited as itself by the services answering it.
  const ownByReader = new Map<string, Promise<Resolved>>();
  for (const member of others) {
    const reader = readerOf(member);
    if (member.context.caller.kind !== 'user') {
      if (!seen.has(reader) && !ownByReader.has(reader)) ownByReader.set(reader, resolveEvent(deps, selection, event, deliveryContext(member.context, requestId)));
      continue;
    }
    if (seen.has(reader)) continue;
    seen.add(reader);
    // The audit service takes at most 100 patients a read: more (a large selection) become several reads.
    for (let start = 0; start < shared.patientIds.length; start += MAX_PATIENTS_PER_READ) {
      const read = readOf(member, selection, shared.patientIds.slice(start, start + MAX_PATIENTS_PER_READ), requestId);
      if (read) reads.push(read);
    }
  }
  const own = Promise.all([...ownByReader].map(async ([reader, resolving]) => [reader, (await resolving).result] as const));
  // Awaited below; observed now too, in case the audit fails first.
  own.catch(() => undefined);
  try {
    await deps.audit.record(reads);
    const ownResults = new Map(await own);
    for (const member of others) results.set(member, ownResults.get(readerOf(member)) ?? shared.result);
  } catch {
    // No patient data leaves unaudited: the others get an error in place of this event.
    const failed: FormattedExecutionResult = {
      data: null,
      errors: [new GraphQLError('This event could not be recorded in the audit trail; it was withheld.', { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }).toJSON()],
    };
    for (const member of others) results.set(member, failed);
  }
  return results;
}

/**
 * Delivers one upstream event to every cohort of a group.
 * @param deps - planner, data sources, logger, counters, audit
 * @param cohorts - the group's cohorts now
 * @param event - the upstream event
 * @param requestId - this delivery's request id
 */
export function deliverEvent(deps: DeliveryDeps, cohorts: Iterable<Cohort>, event: FormattedExecutionResult, requestId: string): void {
  for (const cohort of cohorts) {
    const members = [...cohort.members];
    if (members.length === 0) continue;
    if (!cohort.selection) {
      const result = Promise.resolve(reviveErrors(event));
      for (const member of members) member.queue.push(result);
      continue;
    }
    const resolved = resolveCohort(deps, cohort.selection, members, event, requestId);
    for (const member of members) member.queue.push(resolved.then((results) => reviveErrors(results.get(member)!)));
  }
}
