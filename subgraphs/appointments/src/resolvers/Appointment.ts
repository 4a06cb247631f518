/** `Appointment` and `AppointmentStatusChange`: resolved from the proto messages the service returns. */
import type { Appointment__Output } from '@hospital/grpc-contracts';
import { toFhirAppointment } from '@hospital/grpc-contracts/fhir';
import { callGrpc, DateTimeScalar, orNull, type SubgraphContext } from '@hospital/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { AppointmentResolvers, AppointmentStatusChangeResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import type { AppointmentModel, AppointmentSnapshotModel } from './mappers.ts';
import { graphqlStatusFromProto, requiredStatus } from './status.ts';

/**
 * Appointment resolvers; fields not listed read the proto message as is.
 * @param deps - the appointments client and loader key
 */
export function createAppointmentResolvers({ client, appointments }: ResolverDeps): AppointmentResolvers {
  // An event's snapshot lacks history and timestamps: load the appointment for those. Not through
  // the context's loader: a subscription keeps one context for all its events, and a cached
  // appointment would show the first event's state. One load per snapshot, shared by its fields.
  const loads = new WeakMap<AppointmentSnapshotModel, Promise<Appointment__Output>>();
  const full = (appointment: AppointmentModel, ctx: SubgraphContext): Appointment__Output | Promise<Appointment__Output> => {
    if (!('snapshot' in appointment)) return appointment;
    let load = loads.get(appointment);
    if (!load) {
      load = callGrpc(client.getAppointments({ ids: [appointment.id] }, { metadata: ctx.grpcMetadata() })).then(({ appointments: [found] }) => {
        if (!found) throw new GraphQLError('Appointment not found.', { extensions: { code: 'NOT_FOUND' } });
        return found;
      });
      loads.set(appointment, load);
    }
    return load;
  };
  return {
    // N references in one `_entities` request cost one GetAppointments call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(appointments).load(reference.id),
    // References: the patients and identity subgraphs resolve the rest through the router.
    patient: (appointment) => ({ id: appointment.patientId }),
    doctor: (appointment) => ({ id: appointment.doctorId }),
    reason: (appointment) => orNull(appointment.reason),
    status: (appointment) => requiredStatus(appointment.status),
    history: async (appointment, _args, ctx) => (await full(appointment, ctx)).history,
    createdAt: async (appointment, _args, ctx) => (await full(appointment, ctx)).createdAt,
    updatedAt: async (appointment, _args, ctx) => (await full(appointment, ctx)).updatedAt,
    // The appointment as GraphQL shows it (times as the DateTime scalar writes them), through the facade's mapping.
    async fhir(appointment, _args, ctx) {
      const loaded = await full(appointment, ctx);
      const time = (value: string) => DateTimeScalar.serialize(value);
      return toFhirAppointment({
        id: loaded.id,
        startsAt: time(loaded.startsAt),
        endsAt: time(loaded.endsAt),
        reason: orNull(loaded.reason),
        status: requiredStatus(loaded.status),
        createdAt: time(loaded.createdAt),
        patient: { id: loaded.patientId },
        doctor: { id: loaded.doctorId },
      });
    },
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
