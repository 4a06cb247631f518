/**
 * What the resolvers of entity references pass around (codegen mappers): another subgraph's
 * entity is only its key here, and the router fetches the rest from its owner.
 */
import type { Appointment__Output } from '@hospital/grpc-contracts';

/** A `Patient` as this subgraph knows it: the key, to which it adds `appointments`. */
export interface PatientReference {
  id: string;
}

/**
 * An appointment as an event reports it: the state right after the change, without history or
 * timestamps (the Appointment resolvers load those by id when a client asks for them).
 */
export type AppointmentSnapshotModel = Pick<Appointment__Output, 'id' | 'patientId' | 'doctorId' | 'startsAt' | 'endsAt' | 'reason' | 'status'> & {
  snapshot: true;
};

/** What `Appointment` resolvers receive: a full proto message, or an event's snapshot. */
export type AppointmentModel = Appointment__Output | AppointmentSnapshotModel;
