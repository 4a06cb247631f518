/** Mapping of stored appointments to the proto Appointment message. */
import type { Appointment, AppointmentStatusProto } from '@hospital/grpc-contracts';
import { toProtoEnum } from '@hospital/service-kit';
import { APPOINTMENT_STATUS_ENUM, type AppointmentStatus } from '../domain/appointment-status.ts';
import type { AppointmentRecord } from '../repositories/appointment-repository.ts';

/**
 * The proto enum value of a status.
 * @param status - a status, or null for "none" (the booking's previous status)
 */
export function toProtoStatus(status: AppointmentStatus | null): AppointmentStatusProto {
  return status === null ? 'APPOINTMENT_STATUS_UNSPECIFIED' : toProtoEnum(APPOINTMENT_STATUS_ENUM, status);
}

/**
 * The proto form of an appointment: absent text as '', times RFC 3339 UTC.
 * @param record - a stored appointment
 */
export function toProtoAppointment(record: AppointmentRecord): Appointment {
  return {
    id: record.id,
    patientId: record.patientId,
    doctorId: record.doctorId,
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt.toISOString(),
    reason: record.reason ?? '',
    status: toProtoStatus(record.status),
    history: record.history.map((change) => ({
      fromStatus: toProtoStatus(change.fromStatus),
      toStatus: toProtoStatus(change.toStatus),
      changedBy: change.changedBy ?? '',
      changedAt: change.changedAt.toISOString(),
      reason: change.reason ?? '',
    })),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
