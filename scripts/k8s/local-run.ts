/**
 * `npm run k8s:local`: the dev overlay run on this machine. Each Deployment and Job starts as the
 * image would start it (`node dist/hospital.js <args>`, or `node --import tsx scripts/hospital.ts`
 * without a build) with exactly the environment the overlay gives it, cluster addresses mapped to
 * 127.0.0.1 ports (local/port-map.ts). Secrets are made for the run; PostgreSQL is a fresh
 * database on 127.0.0.1:5432 with one login per department (as CloudNativePG's managed roles),
 * Kafka the broker on 127.0.0.1:19092. Then the smoke query and a booking event to a WebSocket
 * subscriber (local/smoke.ts), each process's RSS and CPU, and everything stops.
 *
 * The only values changed besides addresses: the Kafka topic names and consumer group get this
 * run's suffix (the broker is shared), and the per-department logins are named k8s_<run>_<dept>.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPIC_NAME_VARIABLES } from '@hospital/service-kit/events-env';
import { checkHealth } from '@hospital/service-kit/grpc';
import { databaseUrlAs, departmentRole, dropDatabase, dropServiceRole, ensureDatabase, ensureServiceRole } from '@hospital/db';
import { resolveContainers, type ResolvedContainer } from './check/env-rules.ts';
import { renderOverlay } from './check/render.ts';
import { allocatePorts, localEnv } from './local/port-map.ts';
import { LocalProcess, processUsage } from './local/local-process.ts';
import { smoke, type SmokeResult } from './local/smoke.ts';
import { DEPARTMENTS, KAFKA_BOOTSTRAP, SECRETS } from './topology.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Names this run suffixes (the broker is shared): every topic family's topic and dead-letter topic, and the notifications consumer group. */
export const PER_RUN_NAMES: readonly string[] = [...TOPIC_NAME_VARIABLES, 'NOTIFY_KAFKA_GROUP'];

/** Where the run finds PostgreSQL and Kafka. */
export interface LocalRunOptions {
  /** A superuser URL of the server's maintenance database. */
  serverUrl: string;
  /** host:port of a Kafka broker. */
  kafka: string;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What the run measured. */
export interface LocalRunResult extends SmokeResult {
  usage: Array<{ name: string; rssMiB: number; cpuSeconds: number }>;
  entry: string;
}

/** The command line the image's entry point gets. */
function entryPoint(): string[] {
  const built = path.join(root, 'dist/hospital.js');
  return existsSync(built) ? [built] : ['--import', 'tsx', path.join(root, 'scripts/hospital.ts')];
}

/**
 * Runs the dev overlay locally, smoke-tests it and stops it.
 * @param options - data stores and logging
 */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const log = options.log ?? (() => {});
  const began = Date.now();
  const run = randomBytes(4).toString('hex');
  const logDir = await mkdtemp(path.join(tmpdir(), 'k8s-local-'));
  const objects = renderOverlay('dev');
  const kafkaPort = Number(options.kafka.split(':')[1]);
  const ports = await allocatePorts(objects, { [KAFKA_BOOTSTRAP]: kafkaPort });
  // The broker's host may not be 127.0.0.1; the map writes 127.0.0.1, so only local brokers work.
  const dbName = `hospital_k8s_${run}`;
  const ownerUrl = await ensureDatabase(options.serverUrl, dbName);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const secrets = new Map<string, string>([
    [`${SECRETS.internal.name}/${SECRETS.internal.key}`, randomBytes(36).toString('base64url')],
    [`${SECRETS.proxy.name}/${SECRETS.proxy.key}`, randomBytes(36).toString('base64url')],
    [`${SECRETS.jwtPrivate.name}/${SECRETS.jwtPrivate.key}`, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
    [`${SECRETS.jwtPublic.name}/${SECRETS.jwtPublic.key}`, publicKey.export({ type: 'spki', format: 'pem' }).toString()],
    [`${SECRETS.owner.name}/${SECRETS.owner.key}`, ownerUrl],
  ]);
  const roles = DEPARTMENTS.map((d) => ({ dept: d.name, role: `k8s_${run}_${d.name}`, password: randomBytes(18).toString('base64url') }));
  for (const r of roles) secrets.set(`${SECRETS.department(r.dept).name}/uri`, databaseUrlAs(ownerUrl, r.role, r.password));

  const containers = resolveContainers(objects, (name, key) => secrets.get(`${name}/${key}`));
  // Chosen once: every process of a run starts the same way.
  const entry = entryPoint();
  const unique: Record<string, string> = {};
  const processes: LocalProcess[] = [];
  const envOf = (c: ResolvedContainer) => {
    const env = localEnv(
      c.env,
      ports,
      (c.container.ports ?? []).map((p) => p.containerPort),
      c.pod.owner.metadata.name,
    );
    for (const name of PER_RUN_NAMES) if (env[name]) env[name] = unique[name] ??= `${env[name]}.k8s-${run}`;
    return env;
  };
  const start = (c: ResolvedContainer) => {
    const p = new LocalProcess(c.pod.id, [...entry, ...(c.container.args ?? [])], envOf(c), root, logDir);
    processes.push(p);
    return p;
  };
  try {
    for (const job of ['hospital-migrate', 'hospital-seed-demo']) {
      const c = containers.find((x) => x.pod.id === `Job/${job}`)!;
      log(`Job/${job} … (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      await start(c).completes(240_000);
      // The logins exist once migrations made their groups (CloudNativePG would now reconcile them).
      if (job === 'hospital-migrate') for (const r of roles) await ensureServiceRole(options.serverUrl, r.role, r.password, departmentRole(r.dept));
    }
    // All at once, as a cluster would start them: each becomes ready when what it needs is.
    const deployments = containers.filter((c) => c.pod.owner.kind === 'Deployment');
    log(`Deployments: ${deployments.map((c) => c.pod.owner.metadata.name).join(', ')}`);
    await Promise.all(deployments.map((c) => start(c).ready(() => probe(c, ports), 180_000)));
    const routerUrl = `http://127.0.0.1:${ports.get('router:4000')}/graphql`;
    const webUrl = `http://127.0.0.1:${ports.get('web:3000')}/`;
    const origin = containers.find((c) => c.pod.id === 'Deployment/router')!.env['ROUTER_ALLOWED_ORIGINS']!.split(',')[0]!;
    log(`smoke … (${((Date.now() - began) / 1000).toFixed(1)} s)`);
    const result = await smoke(routerUrl, webUrl, origin);
    const usage = processes.filter((p) => p.running()).map((p) => ({ name: p.name, ...processUsage(p.pid) }));
    return { ...result, usage, entry: entry.join(' ') };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n(logs in ${logDir})`, { cause: error });
  } finally {
    await Promise.all(processes.reverse().map((p) => p.stop(15_000)));
    await dropDatabase(options.serverUrl, dbName).catch(() => undefined);
    for (const r of roles) await dropServiceRole(options.serverUrl, r.role).catch(() => undefined);
  }
}

/** The container's readiness probe, asked on this machine. */
async function probe(c: ResolvedContainer, ports: Map<string, number>): Promise<boolean> {
  const port = c.container.ports?.[0]?.containerPort;
  const local = ports.get(`${c.pod.owner.metadata.name}:${port}`);
  const readiness = c.container.readinessProbe as { grpc?: unknown; httpGet?: { path: string } } | undefined;
  if (readiness?.grpc) return (await checkHealth(`127.0.0.1:${local}`).catch(() => 'UNKNOWN')) === 'SERVING';
  const response = await fetch(`http://127.0.0.1:${local}${readiness?.httpGet?.path ?? '/'}`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  return response?.ok === true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const serverUrl = process.env['K8S_LOCAL_POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const kafka = process.env['K8S_LOCAL_KAFKA'] ?? '127.0.0.1:19092';
  const started = Date.now();
  try {
    const result = await runLocal({ serverUrl, kafka, log: (line) => console.log(line) });
    console.log(`entry point: node ${result.entry}`);
    console.log(`smoke: me=${result.me}, ${result.patients} patients, booking event at the WebSocket subscriber ${result.eventLatencyMs} ms after the booking`);
    console.log('process               RSS MiB  CPU s (since start)');
    for (const u of result.usage) console.log(`${u.name.padEnd(36)} ${String(u.rssMiB).padStart(6)}  ${u.cpuSeconds.toFixed(2)}`);
    console.log(`ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`k8s:local failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
