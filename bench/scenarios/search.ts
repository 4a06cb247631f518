/**
 * Patient name-prefix search on a big register (1,000,000 patients by default): the real router
 * (every safeguard on except the rate limits) against its bare-SQL floor — the statements the
 * patients service runs (page, capped count, rows, audit INSERT) straight through pg — at 10 and
 * 50 connections, closed-loop, interleaved; plus each prefix's SQL alone on one connection (the
 * "≤ 20 ms in SQL" goal), MRN and date-of-birth searches.
 *   npm run bench -- search                       (loads 1M patients first: ~20 s idle, minutes when busy)
 *   npm run bench -- search -- --patients=100000 --seconds=10 --rounds=2
 *   npm run bench -- search -- --database=<owner URL kept by seed-scale --keep>
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAuditLog, type Prisma } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { auditEntries, hashPassword } from '@hospital/service-kit';
import { parseSearch } from '../../grpc-internal/services/patients/src/domain/search-query.ts';
import { searchCountSql, searchPageSql } from '../../grpc-internal/services/patients/src/repositories/patient-search-sql.ts';
import { loadScaleData, numberArg } from '../lib/scale-data.ts';
import { graphQLPoster, interleaved, rowOf, runSql, startRouterAndFloor } from '../lib/scale-load.ts';
import type { Scenario } from '../lib/scenario.ts';
import { latencySummary, quantile, ratio } from '../lib/stats.ts';

const QUERY = `query BenchSearch($search: String!) {
  patients(search: $search, first: 20) { matchCount { count capped } pageInfo { hasNextPage endCursor } edges { node { id mrn fullName dateOfBirth } } }
}`;

/** Wall-clock time of page + count per search (what a caller waits), and the server's own execution time of both (EXPLAIN ANALYZE, TIMING OFF: CPU queueing on a busy machine left out). */
async function timeEach(pool: pg.Pool, searches: readonly string[]): Promise<{ wall: number[]; server: number[] }> {
  const wall: number[] = [];
  const server: number[] = [];
  const executionMs = async (sql: Prisma.Sql) => {
    const rows = (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, TIMING OFF) ${sql.text}`, sql.values)).rows;
    return Number(/Execution Time: ([\d.]+)/.exec(rows.at(-1)!['QUERY PLAN'])?.[1] ?? NaN);
  };
  for (const text of searches) {
    const filter = { search: parseSearch(text), includeArchived: false };
    const at = performance.now();
    await Promise.all([runSql(pool, searchPageSql(filter, 21)), runSql(pool, searchCountSql(filter))]);
    wall.push(performance.now() - at);
    server.push((await executionMs(searchPageSql(filter, 21))) + (await executionMs(searchCountSql(filter))));
  }
  return { wall, server };
}

const scenario: Scenario = {
  description: 'name-prefix search on 1M patients through the router vs the same SQL through pg (10/50 conns, interleaved) and per-prefix SQL',
  async run({ smoke, args, serverUrl, log }) {
    const patients = numberArg(args, 'patients') ?? (smoke ? 2_000 : 1_000_000);
    const seconds = numberArg(args, 'seconds') ?? (smoke ? 1 : 15);
    const rounds = numberArg(args, 'rounds') ?? (smoke ? 1 : 2);
    const reuse = args.find((arg) => arg.startsWith('--database='))?.slice('--database='.length);
    const database = reuse ? { url: reuse, ownerUrl: reuse, drop: async () => {} } : await createTestDatabase({ serverUrl });
    if (!reuse) await loadScaleData(database.ownerUrl, { patients, appointments: 0, doctors: 0, passwordHash: await hashPassword(`bench-${randomUUID()}`), log });
    const bench = await startRouterAndFloor(database);
    const { system, pool, auditDb } = bench;
    try {
      const prefixRows = await pool.query<{ p: string }>(
        `SELECT DISTINCT left(name, 2) AS p FROM (SELECT family_name AS name FROM patients.patients UNION SELECT given_name FROM patients.patients) AS n WHERE length(name) >= 2`,
      );
      const longer = ['Smi', 'Garc', 'Mart', "O'Br", 'Ahm', 'Nguy', 'ele', 'Mül', 'Wiś', 'Ji-'];
      const prefixes = [...prefixRows.rows.map((row) => row.p), ...longer, 'Zq', 'Xw'];
      const sample = await pool.query<{ mrn: string; dob: string }>(
        `SELECT mrn, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM patients.patients WHERE abs(hashtext(mrn)) % $1 = 0 LIMIT 100`,
        [Math.max(1, Math.floor(patients / 200))],
      );
      log(`${prefixes.length} prefixes; warming up`);
      await timeEach(pool, prefixes); // warm-up pass (caches), then measured
      const sqlPrefix = await timeEach(pool, prefixes);
      const sqlOneLetter = await timeEach(pool, ['a', 'm', 's', 'z', 'é']);
      const sqlMrn = await timeEach(
        pool,
        sample.rows.map((row) => row.mrn),
      );
      const sqlDob = await timeEach(
        pool,
        sample.rows.map((row) => row.dob),
      );

      const router = graphQLPoster(system.routerUrl, await system.tokenFor('doctor'), 50);
      const doctor = system.accounts.doctor;
      const audit = createAuditLog(auditDb);
      const call = {
        caller: { kind: 'user' as const, userId: doctor.id, role: 'doctor' as const, email: doctor.email },
        origin: {},
        requestId: 'bench',
        path: '/hospital.patients.v1.PatientsService/SearchPatients',
      };
      const pick = (i: number) => prefixes[i % prefixes.length]!;
      const variants = [
        { name: 'router', call: async (i: number) => void (await router.post(QUERY, { search: pick(i) })) },
        {
          name: 'bare SQL',
          call: async (i: number) => {
            const filter = { search: parseSearch(pick(i)), includeArchived: false };
            const [page] = await Promise.all([runSql<{ id: string }>(pool, searchPageSql(filter, 21)), runSql(pool, searchCountSql(filter))]);
            const ids = page.map((row) => row.id);
            await pool.query('SELECT * FROM patients.patients WHERE id = ANY($1::uuid[])', [ids]);
            await audit.record(auditEntries(call, 'Patient', ids.slice(0, 20), { outcome: 'allowed' }));
          },
        },
      ];
      const cells = await interleaved(variants, [10, 50], { seconds, rounds, log });
      router.close();
      const rows = [...cells.entries()].map(([key, cell]) => rowOf(key.split('@')[0]!, Number(key.split('@')[1]), cell));
      const single = (name: string, times: number[]) => ({
        variant: `SQL alone, 1 conn: ${name}`,
        conns: 1,
        rps: 0,
        'p50 ms': latencySummary(times).p50,
        'p95 ms': latencySummary(times).p95,
        'p99 ms': Math.round(Math.max(...times) * 10) / 10,
        requests: times.length,
        errors: 0,
      });
      for (const [name, times] of [
        ['each name prefix', sqlPrefix],
        ['one letter', sqlOneLetter],
        ['MRN', sqlMrn],
        ['date of birth', sqlDob],
      ] as const) {
        rows.push(single(`${name}, page + count, wall clock`, times.wall), single(`${name}, page + count, server execution`, times.server));
      }
      const at = (name: string, conns: number) => cells.get(`${name}@${conns}`)!;
      const rps = (cell: { latencies: number[]; seconds: number }) => cell.latencies.length / cell.seconds;
      const notes = [
        `${patients.toLocaleString('en')} patients${reuse ? ' (reused database)' : ''}; ${prefixes.length} prefixes round-robin; phases of ${seconds} s × ${rounds} rounds, interleaved. "p99" of the 1-conn rows is the maximum.`,
        ...[10, 50].map(
          (c) => `${c} conns: bare SQL / router RPS ${ratio(rps(at('bare SQL', c)), rps(at('router', c)))}; router p95 ${quantile(at('router', c).latencies, 0.95).toFixed(1)} ms.`,
        ),
        `Goal SQL p95 ≤ 20 ms per prefix: server execution ${latencySummary(sqlPrefix.server).p95} ms (max ${Math.max(...sqlPrefix.server).toFixed(1)}), wall clock ${latencySummary(sqlPrefix.wall).p95} ms. Goal router p95 ≤ 50 ms at 10 conns: ${quantile(at('router', 10).latencies, 0.95).toFixed(1)} ms.`,
      ];
      return { rows, notes, details: { prefixes, perPrefixServerMs: Object.fromEntries(prefixes.map((p, i) => [p, Math.round(sqlPrefix.server[i]! * 100) / 100])) } };
    } finally {
      await bench.close();
    }
  },
};
export default scenario;
