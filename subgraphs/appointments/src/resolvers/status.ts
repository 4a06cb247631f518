/** `AppointmentStatus` in its two spellings: GraphQL `CHECKED_IN`, proto `APPOINTMENT_STATUS_CHECKED_IN` (the kit's policy for UNSPECIFIED). */
import type { AppointmentStatusProto } from '@hospital/grpc-contracts';
import { enumFromProto, enumToProto, optionalEnumFromProto } from '@hospital/subgraph-kit';
import type { AppointmentStatus } from '../__generated__/resolvers-types.ts';

const PREFIX = 'APPOINTMENT_STATUS_';

/**
 * Proto → GraphQL; UNSPECIFIED (the booking's "no previous status") is null.
 * @param status - proto enum value
 */
export function graphqlStatusFromProto(status: AppointmentStatusProto): AppointmentStatus | null {
  return optionalEnumFromProto<AppointmentStatus>(String(status), PREFIX);
}

/**
 * Proto → GraphQL for a status that is always set; a missing one is the service's bug (INTERNAL).
 * @param status - proto enum value
 */
export function requiredStatus(status: AppointmentStatusProto): AppointmentStatus {
  return enumFromProto<AppointmentStatus>(String(status), PREFIX);
}

/**
 * GraphQL → proto.
 * @param status - GraphQL enum value
 */
export function protoStatusFromGraphql(status: AppointmentStatus): AppointmentStatusProto {
  return enumToProto(PREFIX, status);
}
