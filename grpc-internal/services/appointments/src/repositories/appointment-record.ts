/** Mapping of stored appointment rows (with history) to the repository's records. */
import type { Prisma } from '@hospital/db';
import type { AppointmentRecord } from './appointment-repository.ts';

/** Include clause that loads the history, oldest first. */
export const WITH_HISTORY = {
  include: { statusChanges: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] } },
} as const satisfies { include: Prisma.AppointmentInclude };

/** A stored appointment as Prisma returns it with WITH_HISTORY. */
export type StoredAppointment = Prisma.AppointmentGetPayload<typeof WITH_HISTORY>;

/**
 * The record of a stored appointment; read without WITH_HISTORY, its history is empty.
 * @param row - the row, with its status changes when they were read
 */
export function toRecord(row: Omit<StoredAppointment, 'statusChanges'> & Partial<Pick<StoredAppointment, 'statusChanges'>>): AppointmentRecord {
  return {
    id: row.id,
    patientId: row.patientId,
    doctorId: row.doctorId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    reason: row.reason,
    status: row.status,
    history: (row.statusChanges ?? []).map((change) => ({
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      changedBy: change.changedBy,
      changedAt: change.changedAt,
      reason: change.reason,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
