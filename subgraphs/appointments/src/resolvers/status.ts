/** `AppointmentStatus` in its two spellings: GraphQL `CHECKED_IN`, proto `APPOINTMENT_STATUS_CHECKED_IN`. */
import type { AppointmentStatusProto } from '@hospital/grpc-contracts';
import type { AppointmentStatus } from '../__generated__/resolvers-types.ts';

const PREFIX = 'APPOINTMENT_STATUS_';

/**
 * Proto → GraphQL; UNSPECIFIED (the booking's "no previous status") is null.
 * @param status - proto enum value
 */
export function graphqlStatusFromProto(status: AppointmentStatusProto): AppointmentStatus | null {
  const name = String(status).replace(PREFIX, '');
  return name === 'UNSPECIFIED' ? null : (name as AppointmentStatus);
}

/**
 * Proto → GraphQL for a status that is always set; a missing one is the service's bug.
 * @param status - proto enum value
 */
export function requiredStatus(status: AppointmentStatusProto): AppointmentStatus {
  const graphql = graphqlStatusFromProto(status);
  if (!graphql) throw new Error('Appointment without a status from the service');
  return graphql;
}

/**
 * GraphQL → proto.
 * @param status - GraphQL enum value
 */
export function protoStatusFromGraphql(status: AppointmentStatus): AppointmentStatusProto {
  return `${PREFIX}${status}`;
}
