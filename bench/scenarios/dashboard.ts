/**
 * The doctor's dashboard (today's schedule: the web's DoctorTodayAppointments query) on a
 * hospital-sized history — 100,000 patients, ~1,000,000 appointments over ~200 doctors, the
 * signed-in doctor one of them with ~5,000 past appointments — through the real router against
 * its bare-SQL floor: the statements appointments and patients run (page, count, rows, the page's
 * patients, both audit INSERTs) straight through pg. A third variant selects the status history
 * too, which makes the service read it as it did for every dashboard before (the before/after). 10 and 50 connections, closed-loop,
 * interleaved.
 *   npm run bench -- dashboard                    (loads the data first: ~30-70 s)
 *   npm run bench -- dashboard -- --patients=100000 --seconds=15 --rounds=2
 */
import { randomUUID } from 'node:crypto';
import { createAuditLog } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { auditEntries, hashPassword } from '@hospital/service-kit';
import { countSql, pageSql } from '../../grpc-internal/services/appointments/src/repositories/appointment-sql.ts';
import { webOperation } from '../lib/router-operations.ts';
import { defaultScale, loadScaleData, numberArg } from '../lib/scale-data.ts';
import { graphQLPoster, interleaved, rowOf, runSql, startRouterAndFloor } from '../lib/scale-load.ts';
import type { Scenario } from '../lib/scenario.ts';
import { quantile, ratio } from '../lib/stats.ts';

/**
 * The web's query (web/src/dashboards/doctor/TodaySchedule.tsx, from its persisted-operation
 * manifest), and the same with the status history selected: the service reads it, as it did for
 * the web's query before it skipped unselected history.
 */
function dashboardQueries(): { query: string; withHistory: string } {
  const query = webOperation('DoctorTodayAppointments');
  const withHistory = query.replace('startsAt status }', 'startsAt status history { to changedAt } }');
  if (withHistory === query) throw new Error("the dashboard bench cannot add the status history to the web's DoctorTodayAppointments: its selection changed");
  return { query, withHistory };
}

const scenario: Scenario = {
  description: "doctor's dashboard on 1M appointments through the router vs the same SQL through pg (10/50 conns, interleaved)",
  async run({ smoke, args, serverUrl, log }) {
    const patients = numberArg(args, 'patients') ?? (smoke ? 2_000 : 100_000);
    const shape = defaultScale(patients);
    const seconds = numberArg(args, 'seconds') ?? (smoke ? 1 : 15);
    const rounds = numberArg(args, 'rounds') ?? (smoke ? 1 : 2);
    const { query, withHistory } = dashboardQueries();
    const database = await createTestDatabase({ serverUrl });
    const bench = await startRouterAndFloor(database);
    const { system, pool, auditDb } = bench;
    const doctor = system.accounts.doctor;
    try {
      const loaded = await loadScaleData(database.ownerUrl, {
        patients,
        appointments: shape.appointments,
        doctors: shape.doctors,
        extraDoctorIds: [doctor.id],
        passwordHash: await hashPassword(`bench-${randomUUID()}`),
        log,
      });
      const from = new Date(new Date().setUTCHours(0, 0, 0, 0));
      const to = new Date(from.getTime() + 24 * 3_600_000);
      const history = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM appointments.appointments WHERE doctor_id = $1', [doctor.id])).rows[0]!.n;
      const router = graphQLPoster(system.routerUrl, await system.tokenFor('doctor'), 50);
      const audit = createAuditLog(auditDb);
      const caller = { kind: 'user' as const, userId: doctor.id, role: 'doctor' as const, email: doctor.email };
      const callOf = (path: string) => ({ caller, origin: {}, requestId: 'bench', path });
      const filter = { doctorId: doctor.id, from, to, statuses: [] };
      const variants = [
        { name: 'router', call: async () => void (await router.post(query, { from: from.toISOString(), to: to.toISOString() })) },
        { name: 'router, history selected (read as before)', call: async () => void (await router.post(withHistory, { from: from.toISOString(), to: to.toISOString() })) },
        {
          name: 'bare SQL',
          call: async () => {
            const [page] = await Promise.all([runSql<{ appointment_id: string }>(pool, pageSql({ ...filter, limit: 101 })), runSql(pool, countSql(filter))]);
            const ids = page.map((row) => row.appointment_id);
            const rows = await pool.query<{ patient_id: string }>('SELECT * FROM appointments.appointments WHERE id = ANY($1::uuid[])', [ids]);
            const patientIds = [...new Set(rows.rows.map((row) => row.patient_id))];
            await audit.record(auditEntries(callOf('/hospital.appointments.v1.AppointmentsService/ListAppointments'), 'Appointment', patientIds, { outcome: 'allowed' }));
            await pool.query('SELECT * FROM patients.patients WHERE id = ANY($1::uuid[])', [patientIds]);
            await audit.record(auditEntries(callOf('/hospital.patients.v1.PatientsService/GetPatients'), 'Patient', patientIds, { outcome: 'allowed' }));
          },
        },
      ];
      const cells = await interleaved(variants, [10, 50], { seconds, rounds, log });
      router.close();
      const rows = [...cells.entries()].map(([key, cell]) => rowOf(key.split('@')[0]!, Number(key.split('@')[1]), cell));
      const at = (name: string, conns: number) => cells.get(`${name}@${conns}`)!;
      const rps = (cell: { latencies: number[]; seconds: number }) => cell.latencies.length / cell.seconds;
      const today = (await runSql<{ total: bigint }>(pool, countSql(filter)))[0]!.total;
      const notes = [
        `${patients.toLocaleString('en')} patients, ${loaded.appointments.toLocaleString('en')} appointments, ${loaded.doctorIds.length} doctors; the signed-in doctor has ${history} appointments, ${today} today. Phases of ${seconds} s × ${rounds} rounds, interleaved. Load: ${Object.entries(
          loaded.seconds,
        )
          .map(([step, s]) => `${step} ${s} s`)
          .join(', ')}.`,
        ...[10, 50].map(
          (c) =>
            `${c} conns: router ${rps(at('router', c)).toFixed(1)} RPS, p95 ${quantile(at('router', c).latencies, 0.95).toFixed(1)} ms; bare SQL / router RPS ${ratio(rps(at('bare SQL', c)), rps(at('router', c)))}; router / history read as before ${ratio(rps(at('router', c)), rps(at('router, history selected (read as before)', c)))}.`,
        ),
        `Goals: ≥ 220 RPS with p95 ≤ 250 ms at 50 conns; p95 ≤ 50 ms at 10 conns.`,
      ];
      return { rows, notes };
    } finally {
      await bench.close();
    }
  },
};
export default scenario;
