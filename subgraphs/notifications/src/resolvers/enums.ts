/**
 * Enums in their two spellings: GraphQL (`IN_APP`, `SENT`) and proto (`CHANNEL_IN_APP`,
 * `DELIVERY_STATUS_SENT`), by the subgraph kit's policy: unexpected proto values (UNSPECIFIED)
 * are a contract breach and fail the field (INTERNAL) rather than guess.
 */
import type { Delivery__Output, DeliveryAttempt__Output } from '@hospital/grpc-contracts';
import { enumFromProto, enumToProto } from '@hospital/subgraph-kit';
import type { NotificationAttemptOutcome, NotificationChannel, NotificationDeliveryStatus, NotificationRecipientKind } from '../__generated__/resolvers-types.ts';

const strip = <T extends string>(value: string, prefix: string, allowed: readonly T[]): T => enumFromProto(value, prefix, allowed);

/**
 * Proto channel → GraphQL.
 * @param channel - e.g. CHANNEL_IN_APP
 */
export const channelFromProto = (channel: Delivery__Output['channel']): NotificationChannel => strip(channel, 'CHANNEL_', ['EMAIL', 'SMS', 'IN_APP']);

/**
 * Proto delivery status → GraphQL.
 * @param status - e.g. DELIVERY_STATUS_SENT
 */
export const statusFromProto = (status: Delivery__Output['status']): NotificationDeliveryStatus => strip(status, 'DELIVERY_STATUS_', ['PENDING', 'SENT', 'FAILED', 'SKIPPED']);

/**
 * Proto recipient kind → GraphQL.
 * @param kind - e.g. RECIPIENT_KIND_PATIENT
 */
export const recipientKindFromProto = (kind: Delivery__Output['recipientKind']): NotificationRecipientKind => strip(kind, 'RECIPIENT_KIND_', ['PATIENT', 'DOCTOR']);

/**
 * Proto attempt outcome → GraphQL.
 * @param outcome - e.g. ATTEMPT_OUTCOME_FAILED
 */
export const outcomeFromProto = (outcome: DeliveryAttempt__Output['outcome']): NotificationAttemptOutcome => strip(outcome, 'ATTEMPT_OUTCOME_', ['SENT', 'FAILED', 'SKIPPED']);

/**
 * GraphQL status filter → proto.
 * @param status - GraphQL enum value
 */
export const statusToProto = (status: NotificationDeliveryStatus): Delivery__Output['status'] => enumToProto('DELIVERY_STATUS_', status);
