/**
 * The listing queries a doctor's schedule runs, on tricky rows (appointments running across
 * `from`, the longest allowed one, equal start times, cancelled ones) and with a long history:
 * the same rows as the plain overlap filter, cursors that walk them exactly once, and a plan that
 * reads the window, not the doctor's past.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, Prisma, type PrismaClient } from '@hospital/db';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { MAX_DURATION_MS } from '../domain/slot-rules.ts';
import type { AppointmentStatus } from '../domain/appointment-status.ts';
import type { AppointmentFilter, AppointmentPosition } from './appointment-repository.ts';
import { countSql, pageSql } from './appointment-sql.ts';
import { PrismaAppointmentRepository } from './prisma-appointment-repository.ts';

const HOUR = 3_600_000;
let db: PrismaClient;
let repo: PrismaAppointmentRepository;
const doctorId = randomUUID();
/** The window: a day 08:00–18:00 UTC, three days ahead. */
const from = new Date(Date.UTC(2030, 0, 10, 8));
const to = new Date(from.getTime() + 10 * HOUR);
const rows: Array<{ id: string; startsAt: Date; endsAt: Date; status: AppointmentStatus }> = [];

function add(startsAt: Date, minutes: number, status: AppointmentStatus = 'COMPLETED') {
  rows.push({ id: randomUUID(), startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), status });
}

beforeAll(async () => {
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
  repo = new PrismaAppointmentRepository(db);
  // 300 days of history before the window, one a day.
  for (let day = 1; day <= 300; day++) add(new Date(from.getTime() - day * 24 * HOUR), 30);
  add(new Date(from.getTime() - MAX_DURATION_MS), MAX_DURATION_MS / 60_000); // ends exactly at `from`: out
  add(new Date(from.getTime() - MAX_DURATION_MS + 1), MAX_DURATION_MS / 60_000); // the longest, 1 ms into the window: in
  add(new Date(from.getTime() - 30 * 60_000), 60, 'CANCELLED'); // 07:30–08:30 spans `from`: in
  for (const status of ['COMPLETED', 'CANCELLED', 'NO_SHOW', 'COMPLETED', 'CANCELLED'] as const) add(new Date(from.getTime() + HOUR), 30, status); // five at 09:00
  add(new Date(to.getTime() - 60_000), 30, 'SCHEDULED'); // 17:59: in
  add(to, 30, 'NO_SHOW'); // 18:00: out
  await db.appointment.createMany({ data: rows.map((row) => ({ ...row, doctorId, patientId: randomUUID() })) });
  await db.$executeRaw`ANALYZE appointments.appointments`;
});
afterAll(async () => {
  await db.appointment.deleteMany({ where: { doctorId } });
  await db.$disconnect();
});

/** What the plain overlap filter selects, in (startsAt, id) order (uuid order is its lower-case hex order). */
function expected(statuses: AppointmentStatus[] = []): string[] {
  return rows
    .filter((row) => row.endsAt > from && row.startsAt < to && (statuses.length === 0 || statuses.includes(row.status)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
}

async function walk(filter: AppointmentFilter, size: number): Promise<string[]> {
  const seen: string[] = [];
  let after: AppointmentPosition | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await repo.list({ ...filter, after, limit: size });
    seen.push(...page.map((record) => record.id));
    if (page.length < size) return seen;
    const last = page.at(-1)!;
    after = { startsAt: last.startsAt, id: last.id };
  }
  throw new Error('pagination does not end');
}

describe('doctor schedule listing', () => {
  it('selects exactly the appointments overlapping the window, the longest and the cancelled included', async () => {
    const filter: AppointmentFilter = { doctorId, from, to, statuses: [] };
    const want = expected();
    expect(want).toHaveLength(8);
    expect((await repo.list({ ...filter, limit: 100 })).map((record) => record.id)).toEqual(want);
    expect(await repo.count(filter)).toBe(8);
    const cancelled: AppointmentStatus[] = ['CANCELLED'];
    expect((await repo.list({ ...filter, statuses: cancelled, limit: 100 })).map((record) => record.id)).toEqual(expected(cancelled));
    expect(await repo.count({ ...filter, statuses: cancelled })).toBe(3);
  });

  it.each([1, 2, 3, 7])('walks pages of %i across equal start times, each row once, in order', async (size) => {
    expect(await walk({ doctorId, from, to, statuses: [] }, size)).toEqual(expected());
  });

  it('reads the window from the (doctor_id, starts_at, id) index in order: no sort, no walk through the history', async () => {
    const filter: AppointmentFilter = { doctorId, from, to, statuses: [] };
    for (const query of [pageSql({ ...filter, limit: 101 }), countSql(filter)]) {
      const plan = await db.$transaction(async (tx) => {
        // A test table is tiny: make the planner show the index plan it takes at scale.
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
        const result = await tx.$queryRaw<Array<{ 'QUERY PLAN': unknown }>>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
        return JSON.stringify(result[0]!['QUERY PLAN']);
      });
      expect(plan).not.toContain('"Node Type":"Sort"');
      expect(plan).toContain('appointments_doctor_id_starts_at_id_idx');
      const removed = [...plan.matchAll(/"Rows Removed by (?:Filter|Index Recheck)":(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
      // Before: the 300 days of history were read and thrown away (and the page sorted as text).
      expect(removed).toBeLessThan(10);
    }
  });
});
