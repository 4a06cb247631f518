/**
 * AppointmentRepository on Prisma (schema `appointments`). Bookings and changes run in one
 * interactive transaction each: appointment row, history row and outbox event commit together.
 * Overlaps are refused by the exclusion constraints; this class only translates their error.
 */
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '@hospital/db';
import { buildAppointmentEvent, eventTypeForStatus, type AppointmentEventType } from '../domain/appointment-event.ts';
import type { Slot } from '../domain/slot-rules.ts';
import { writeOutboxEvent } from '../outbox/outbox-writer.ts';
import { ACTIVE, countSql, LIST_ORDER, pageSql, whereClause } from './appointment-sql.ts';
import {
  SlotTakenError,
  type AppointmentChange,
  type AppointmentFilter,
  type AppointmentPageQuery,
  type AppointmentRecord,
  type AppointmentRepository,
  type ChangeContext,
  type ClashSide,
  type NewAppointment,
} from './appointment-repository.ts';
import { clashSideOf, withDeadlockRetry } from './database-errors.ts';
import { toRecord, WITH_HISTORY } from './appointment-record.ts';

/** Generous limits: under a burst of clashing bookings, transactions queue for pool connections. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** Appointments stored by Prisma. */
export class PrismaAppointmentRepository implements AppointmentRepository {
  /** @param db - the Prisma client (transactions start here) */
  constructor(private readonly db: PrismaClient) {}

  async findByIds(ids: readonly string[]): Promise<AppointmentRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.appointment.findMany({ where: { id: { in: [...ids] } }, ...WITH_HISTORY });
    return rows.map(toRecord);
  }

  async list(query: AppointmentPageQuery): Promise<AppointmentRecord[]> {
    // Raw SQL picks the page (row comparison); Prisma loads the rows, with their history if asked.
    const page = await this.db.$queryRaw<{ appointment_id: string }[]>(pageSql(query));
    return this.inOrder(
      page.map((row) => row.appointment_id),
      query.withHistory !== false,
    );
  }

  async count(filter: AppointmentFilter): Promise<number> {
    const rows = await this.db.$queryRaw<{ total: bigint }[]>(countSql(filter));
    return Number(rows[0]?.total ?? 0);
  }

  async listForPatients(patientIds: readonly string[], query: Omit<AppointmentPageQuery, 'patientId'>): Promise<Map<string, AppointmentRecord[]>> {
    if (patientIds.length === 0) return new Map();
    // One statement for every patient: a LATERAL page per patient, each an index range scan.
    const rows = await this.db.$queryRaw<{ id: string; patient_id: string }[]>`
      SELECT page.id::text AS id, wanted.pid::text AS patient_id
        FROM unnest(${[...patientIds]}::uuid[]) AS wanted(pid)
        CROSS JOIN LATERAL (
          SELECT id, starts_at FROM appointments.appointments
           WHERE patient_id = wanted.pid AND ${whereClause(query, query.after)}
           ORDER BY ${LIST_ORDER}
           LIMIT ${query.limit}) AS page
       ORDER BY wanted.pid, page.starts_at, page.id`;
    const records = await this.inOrder(
      rows.map((row) => row.id),
      query.withHistory !== false,
    );
    const byPatient = new Map<string, AppointmentRecord[]>();
    for (const record of records) byPatient.set(record.patientId, [...(byPatient.get(record.patientId) ?? []), record]);
    return byPatient;
  }

  async countForPatients(patientIds: readonly string[], filter: Omit<AppointmentFilter, 'patientId'>): Promise<Map<string, number>> {
    if (patientIds.length === 0) return new Map();
    const rows = await this.db.$queryRaw<{ patient_id: string; total: bigint }[]>`
      SELECT patient_id::text AS patient_id, count(*) AS total FROM appointments.appointments
       WHERE patient_id = ANY(${[...patientIds]}::uuid[]) AND ${whereClause(filter)}
       GROUP BY patient_id`;
    return new Map(rows.map((row) => [row.patient_id, Number(row.total)]));
  }

  async patientsOfDoctor(doctorId: string, limit: number): Promise<string[]> {
    // The (doctor_id, starts_at, id) index narrows to the doctor's rows.
    const rows = await this.db.$queryRaw<{ patient_id: string }[]>`
      SELECT patient_id::text AS patient_id FROM appointments.appointments
       WHERE doctor_id = ${doctorId}::uuid
       GROUP BY patient_id
       ORDER BY max(starts_at) DESC, patient_id
       LIMIT ${limit}`;
    return rows.map((row) => row.patient_id);
  }

  async book(appointment: NewAppointment, context: ChangeContext): Promise<AppointmentRecord> {
    return this.guarded(() =>
      this.db.$transaction(async (tx) => {
        const created = await tx.appointment.create({
          data: { ...appointment, statusChanges: { create: { fromStatus: null, toStatus: 'SCHEDULED', changedBy: context.actorId, changedAt: context.at } } },
          ...WITH_HISTORY,
        });
        const record = toRecord(created);
        await this.emit(tx, 'BOOKED', record, context);
        return record;
      }, TRANSACTION_OPTIONS),
    );
  }

  async change(id: string, decide: (current: AppointmentRecord) => AppointmentChange, context: ChangeContext): Promise<AppointmentRecord | undefined> {
    return this.guarded(() =>
      this.db.$transaction(async (tx) => {
        // The row lock serialises changes to one appointment: the decision below sees the state
        // it changes, so two clerks cannot both complete and cancel the same visit.
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM appointments.appointments WHERE id = ${id}::uuid FOR UPDATE`;
        if (locked.length === 0) return undefined;
        const current = toRecord(await tx.appointment.findUniqueOrThrow({ where: { id }, ...WITH_HISTORY }));
        const change = decide(current);
        const data =
          change.kind === 'status'
            ? {
                status: change.to,
                statusChanges: { create: { fromStatus: current.status, toStatus: change.to, changedBy: context.actorId, changedAt: context.at, reason: change.reason } },
              }
            : { startsAt: change.slot.startsAt, endsAt: change.slot.endsAt };
        const record = toRecord(await tx.appointment.update({ where: { id }, data, ...WITH_HISTORY }));
        const type = change.kind === 'status' ? eventTypeForStatus(change.to) : 'RESCHEDULED';
        await this.emit(tx, type, record, context, change.kind === 'reschedule' ? current : undefined);
        return record;
      }, TRANSACTION_OPTIONS),
    );
  }

  async findClash(side: ClashSide, ownerId: string, slot: Slot, excludeId?: string): Promise<Slot | undefined> {
    const owner = side === 'doctor' ? Prisma.sql`doctor_id = ${ownerId}::uuid` : Prisma.sql`patient_id = ${ownerId}::uuid`;
    const exclude = excludeId ? Prisma.sql`AND id <> ${excludeId}::uuid` : Prisma.empty;
    const rows = await this.db.$queryRaw<{ starts_at: Date; ends_at: Date }[]>`
      SELECT starts_at, ends_at FROM appointments.appointments
       WHERE ${owner} AND ${ACTIVE} ${exclude}
         AND tstzrange(starts_at, ends_at, '[)') && tstzrange(${slot.startsAt}, ${slot.endsAt}, '[)')
       ORDER BY starts_at LIMIT 1`;
    const row = rows[0];
    return row ? { startsAt: row.starts_at, endsAt: row.ends_at } : undefined;
  }

  private async emit(tx: Prisma.TransactionClient, type: AppointmentEventType, record: AppointmentRecord, context: ChangeContext, previous?: Slot) {
    const event = buildAppointmentEvent({ eventId: randomUUID(), type, occurredAt: context.at, actorId: context.actorId, appointment: record, previous });
    await writeOutboxEvent(tx, event);
  }

  /** Retries deadlock victims and turns an exclusion-constraint clash into SlotTakenError. */
  private async guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await withDeadlockRetry(run);
    } catch (error) {
      const side = clashSideOf(error);
      throw side ? new SlotTakenError(side) : error;
    }
  }

  private async inOrder(ids: string[], withHistory = true): Promise<AppointmentRecord[]> {
    if (ids.length === 0) return [];
    const records = withHistory ? await this.findByIds(ids) : (await this.db.appointment.findMany({ where: { id: { in: ids } } })).map(toRecord);
    const found = new Map(records.map((record) => [record.id, record]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }
}
