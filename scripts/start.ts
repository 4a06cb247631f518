/**
 * `npm start`: the whole system in one process tree on embedded defaults.
 * Embedded PostgreSQL under .data/ when DATABASE_URL is unset → migrations → demo data on an
 * empty database → gRPC services → subgraphs → router → web server. SIGINT or SIGTERM to this
 * process (or to `npm start`, which forwards it) stops everything in reverse; should this process
 * die without doing so, every child notices its IPC channel close and stops itself.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '@hospital/service-kit';
import { prepareDatabase, type LauncherDatabase } from './launcher/database.ts';
import { loadOrCreateDevKeys, loadOrCreateDevSecret } from './launcher/dev-keys.ts';
import { loadLauncherConfig, type LauncherConfig } from './launcher/launcher-env.ts';
import { ProcessTree } from './launcher/process-tree.ts';
import { eventBusEnv, metricsEndpoints, startTiers, systemLayout } from './launcher/system-layout.ts';
import { buildWebApp } from './launcher/web-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadLauncherConfig(root, process.env);
const logger = createLogger('launcher', config.LOG_LEVEL);
const closers: Array<() => Promise<void>> = [];
let shuttingDown = false;

// A closed terminal or log pipe must not turn a status line into a crash that skips the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    console.log('\nStopping…');
    for (const close of closers.reverse()) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while stopping'));
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Started by `npm start` (or another manager) that dies without passing its signal on: this
// process is then re-parented, and stops everything as if signalled.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void shutdown(0);
}, 500).unref();

/** The JWT keys and internal secret: given ones, else a dev pair kept under DATA_DIR/keys. */
function loadSecrets(): { privateKeyPem: string; publicKeyPem?: string; internalSecret: string } {
  const keysDir = path.join(config.DATA_DIR, 'keys');
  // A given signing key with its public key(s) replaces the dev pair; during a rotation the public
  // keys may come as a JWKS alone (JWT_PUBLIC_KEYS), with JWT_KEY_ID naming the signing key.
  const keys: { privateKeyPem: string; publicKeyPem?: string } =
    config.JWT_PRIVATE_KEY && (config.JWT_PUBLIC_KEY || config.JWT_PUBLIC_KEYS)
      ? { privateKeyPem: config.JWT_PRIVATE_KEY, publicKeyPem: config.JWT_PUBLIC_KEY || undefined }
      : loadOrCreateDevKeys(keysDir);
  return { ...keys, internalSecret: config.INTERNAL_SECRET ?? loadOrCreateDevSecret(keysDir) };
}

/** What every child gets: database (one login for all, or per department below), secret, keys, ports. */
function sharedChildEnv(db: LauncherDatabase, secrets: ReturnType<typeof loadSecrets>): Record<string, string> {
  return {
    // eslint-disable-next-line house/conditional-spread -- children's environment (string values, spread over the launcher's own): an unset variable must stay unset
    ...(db.serviceUrl ? { DATABASE_URL: db.serviceUrl } : {}),
    INTERNAL_SECRET: secrets.internalSecret,
    // eslint-disable-next-line house/conditional-spread -- children's environment (string values, spread over the launcher's own): an unset variable must stay unset
    ...(secrets.publicKeyPem ? { JWT_PUBLIC_KEY: secrets.publicKeyPem } : {}),
    LOG_LEVEL: config.LOG_LEVEL,
    NODE_ENV: config.NODE_ENV,
    ROUTER_PORT: String(config.ROUTER_PORT),
    ROUTER_METRICS_PORT: String(config.ROUTER_METRICS_PORT),
    WEB_PORT: String(config.WEB_PORT),
    WEB_METRICS_PORT: String(config.WEB_METRICS_PORT),
    // The dashboards' origin must be allowed to open the router's WebSocket (subscriptions).
    ROUTER_ALLOWED_ORIGINS: [
      `http://localhost:${config.WEB_PORT}`,
      `http://127.0.0.1:${config.WEB_PORT}`,
      'https://sandbox.embed.apollographql.com',
      'https://studio.apollographql.com',
    ].join(','),
    // Apps a clinician launches (authorization code + PKCE) get their consent screen from the web app.
    ROUTER_OAUTH_CONSENT_URL: `http://localhost:${config.WEB_PORT}/oauth/consent`,
    // KAFKA_BROKERS=… npm start: the services use Kafka; unset, events stay in PostgreSQL.
    ...eventBusEnv(process.env),
  };
}

/**
 * Starts the runnables tier by tier (services, subgraphs, router, web server), the members of a
 * tier side by side: a tier needs only the ones before it. Each service gets its own database
 * login when it has one.
 */
async function startChildren(db: LauncherDatabase, secrets: ReturnType<typeof loadSecrets>): Promise<void> {
  const tree = new ProcessTree(
    path.join(config.DATA_DIR, 'logs'),
    (name, code) => {
      console.error(`${name} stopped unexpectedly (exit ${code}); stopping everything.`);
      void shutdown(1);
    },
    { kind: config.LAUNCHER_RUNTIME, root },
  );
  closers.push(() => tree.stopAll());
  // The JWT signing key goes to the identity service only; the proxy secret, new on every start,
  // to the web server and the router only.
  const childSecrets = { jwtPrivateKeyPem: secrets.privateKeyPem, proxySecret: randomBytes(32).toString('base64url') };
  const specs = systemLayout(root, sharedChildEnv(db, secrets), childSecrets, config.departmentPorts).map((layout) => {
    const departmentUrl = db.departmentUrls.get(layout.name);
    return departmentUrl ? { ...layout, env: { ...layout.env, DATABASE_URL: departmentUrl } } : layout;
  });
  for (const tier of startTiers(specs)) {
    console.log(`Starting ${tier.map((spec) => spec.name).join(', ')} …`);
    await Promise.all(tier.map((spec) => tree.start(spec)));
  }
}

function printBanner(config: LauncherConfig, seeded: boolean): void {
  console.log(`
Hospital system is running.
  Web dashboards: http://localhost:${config.WEB_PORT}
  Router (GraphQL): http://localhost:${config.ROUTER_PORT}/graphql
  API explorer (works offline): http://localhost:${config.ROUTER_PORT}/explorer
  Logs: ${path.join(config.DATA_DIR, 'logs')}/<runnable>.log
  Metrics (Prometheus text format):
${metricsEndpoints(config.departmentPorts, config.ROUTER_METRICS_PORT, config.WEB_METRICS_PORT)
  .map(({ name, url }) => `    ${name.padEnd(26)} ${url}`)
  .join('\n')}
${
  seeded
    ? `  Demo accounts (password: ${config.DEMO_PASSWORD}):
    admin@hospital.local       ADMIN
    doctor@hospital.local      DOCTOR
    pharmacist@hospital.local  PHARMACIST
    finance@hospital.local     FINANCE
    ward@hospital.local        WARD_STAFF
`
    : ''
}Press Ctrl-C to stop.`);
}

async function main(): Promise<void> {
  // From the sources the web app is built while the database starts; dist/ already holds it.
  const webBuild = config.LAUNCHER_RUNTIME === 'source' ? (console.log('Building the web app …'), buildWebApp(root)) : Promise.resolve();
  // Awaited before the web server starts; a failure is reported there, not as an unhandled rejection.
  webBuild.catch(() => undefined);
  const db = await prepareDatabase(config, logger, (close) => closers.push(close));
  const secrets = loadSecrets();
  await webBuild;
  await startChildren(db, secrets);
  printBanner(config, db.seeded);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
