/** The audit trail's contract (served by the identity service): service package and promise client. */
import { DEPARTMENTS, runnableName } from './departments.ts';
import { createPromiseClient, loadProto, type ClientOptions, type PromiseClient } from './client.ts';
import type { ProtoGrpcType } from './generated/audit.ts';
import type { AuditServiceDefinition } from './generated/hospital/identity/v1/AuditService.ts';

/** The audit service's package (service constructor and definition). */
export const auditProto = loadProto<ProtoGrpcType>('hospital/identity/v1/audit.proto').hospital.identity.v1;

/** Promise client of the audit service. */
export type AuditClient = PromiseClient<AuditServiceDefinition>;

/**
 * Opens a client to the audit service (the identity service's address).
 * @param options - target and default deadline
 */
export function createAuditClient(options: ClientOptions): AuditClient {
  return createPromiseClient<AuditServiceDefinition>(auditProto.AuditService, options);
}

/** The service name the router signs its own calls with. */
export const ROUTER_SERVICE_NAME = 'router';

/**
 * The service names that may report reads delivered to subscribers (`RecordDeliveredReads`), as
 * they sign their own calls: the router (readers of a shared resolution) and the subgraph of each
 * department whose row says it delivers record values inside events (the department table's
 * `subgraphAuditsDeliveries`: clinical, each subscriber reading a lab result's or vital signs'
 * values). The audit service refuses any other.
 */
export const DELIVERED_READ_REPORTERS: readonly string[] = [
  ROUTER_SERVICE_NAME,
  ...DEPARTMENTS.filter((d) => d.subgraphAuditsDeliveries).map((d) => runnableName(d.name, 'subgraph')),
];
