/** `Appointment` and `AppointmentStatusChange`: resolved from the proto messages the service returns. */
import type { AppointmentResolvers, AppointmentStatusChangeResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './index.ts';
import { graphqlStatusFromProto, requiredStatus } from './status.ts';

/** proto3 strings cannot be absent: empty means "not given", which the API shows as null. */
const orNull = (value: string) => (value === '' ? null : value);

/**
 * Appointment resolvers; fields not listed read the proto message as is.
 * @param deps - the appointments loader key
 */
export function createAppointmentResolvers({ appointments }: ResolverDeps): AppointmentResolvers {
  return {
    // N references in one `_entities` request cost one GetAppointments call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(appointments).load(reference.id),
    // References: the patients and identity subgraphs resolve the rest through the router.
    patient: (appointment) => ({ id: appointment.patientId }),
    doctor: (appointment) => ({ id: appointment.doctorId }),
    reason: (appointment) => orNull(appointment.reason),
    status: (appointment) => requiredStatus(appointment.status),
  };
}

/** Status-change resolvers: proto field names differ from the API's (`from`, `to`). */
export function createStatusChangeResolvers(): AppointmentStatusChangeResolvers {
  return {
    from: (change) => graphqlStatusFromProto(change.fromStatus),
    to: (change) => requiredStatus(change.toStatus),
    changedBy: (change) => (change.changedBy ? { id: change.changedBy } : null),
    reason: (change) => orNull(change.reason),
  };
}
