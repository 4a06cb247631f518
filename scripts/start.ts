/**
 * `npm start`: the whole system in one process tree on embedded defaults.
 * Embedded PostgreSQL under .data/ when DATABASE_URL is unset → migrations → demo data on an
 * empty database → gRPC services → subgraphs → router. Ctrl-C stops everything in reverse.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLogger, parseEnv, port } from '@hospital/service-kit';
import { createPrismaClient, databaseUrlAs, DEFAULT_DEMO_PASSWORD, departmentRole, ensureServiceRole, migrateDatabase, seedDemoData, startEmbeddedPostgres } from '@hospital/db';
import { loadOrCreateDevKeys, loadOrCreateDevSecret } from './launcher/dev-keys.ts';
import { ProcessTree } from './launcher/process-tree.ts';
import { DEPARTMENT_NAMES, eventBusEnv, systemLayout } from './launcher/system-layout.ts';
import { buildWebApp } from './launcher/web-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const env = parseEnv(
  z.object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
    // The owner's URL, for migrations and demo data; DATABASE_URL is then the services' role.
    MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
    DATA_DIR: z.string().default(path.join(root, '.data')),
    EMBEDDED_PG_PORT: port(54329),
    ROUTER_PORT: port(4000),
    WEB_PORT: port(3000),
    DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default(DEFAULT_DEMO_PASSWORD),
    SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
    INTERNAL_SECRET: z.string().min(32).optional(),
    JWT_PRIVATE_KEY: z.string().optional(),
    JWT_PUBLIC_KEY: z.string().optional(),
    // A JWKS of public keys for the router (key rotation); children read it from the inherited environment.
    JWT_PUBLIC_KEYS: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  }),
  process.env,
);

const logger = createLogger('launcher', env.LOG_LEVEL);
const closers: Array<() => Promise<void>> = [];
let shuttingDown = false;

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
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  // Migrations and demo data run as the owner; the services as a role with only their rights.
  let ownerUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  const serviceUrl = env.DATABASE_URL;
  const embedded = !ownerUrl;
  let embeddedServer: { serverUrl: string } | undefined;
  if (!ownerUrl) {
    console.log(`Starting embedded PostgreSQL (data in ${path.join(env.DATA_DIR, 'postgres')}) …`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, 'postgres'), port: env.EMBEDDED_PG_PORT });
    closers.push(() => pg.stop());
    ownerUrl = pg.url;
    embeddedServer = pg;
  } else if (!env.MIGRATION_DATABASE_URL) {
    logger.warn('MIGRATION_DATABASE_URL is unset: migrating with DATABASE_URL, which the services then use too (give them a role without DDL rights)');
  }

  // Built while the database starts up: the web server serves web/dist.
  console.log('Building the web app …');
  const webBuild = buildWebApp(root);
  // Awaited before the web server starts; a failure is reported there, not as an unhandled rejection.
  webBuild.catch(() => undefined);

  console.log('Applying migrations …');
  await migrateDatabase(ownerUrl);
  // On the embedded server each service logs in as its department's role (hospital_<dept>_service:
  // its own schema's rows, the audit trail's append path), with a fresh password each start.
  const departmentUrls = new Map<string, string>();
  if (embeddedServer) {
    for (const department of DEPARTMENT_NAMES) {
      const password = randomBytes(18).toString('base64url');
      await ensureServiceRole(embeddedServer.serverUrl, `hospital_${department}_service`, password, departmentRole(department));
      departmentUrls.set(`${department}-service`, databaseUrlAs(ownerUrl, `hospital_${department}_service`, password));
    }
  }

  const wantSeed = env.SEED_DEMO_DATA === 'true' || (env.SEED_DEMO_DATA === 'auto' && embedded);
  if (wantSeed) {
    const db = createPrismaClient(ownerUrl);
    try {
      const seeded = await seedDemoData(db, { password: env.DEMO_PASSWORD });
      console.log(`Demo data: ${JSON.stringify(seeded)}`);
    } finally {
      await db.$disconnect();
    }
  }

  const keysDir = path.join(env.DATA_DIR, 'keys');
  // A given signing key with its public key(s) replaces the dev pair; during a rotation the public
  // keys may come as a JWKS alone (JWT_PUBLIC_KEYS), with JWT_KEY_ID naming the signing key.
  const keys: { privateKeyPem: string; publicKeyPem?: string } =
    env.JWT_PRIVATE_KEY && (env.JWT_PUBLIC_KEY || env.JWT_PUBLIC_KEYS)
      ? { privateKeyPem: env.JWT_PRIVATE_KEY, ...(env.JWT_PUBLIC_KEY ? { publicKeyPem: env.JWT_PUBLIC_KEY } : {}) }
      : loadOrCreateDevKeys(keysDir);
  const internalSecret = env.INTERNAL_SECRET ?? loadOrCreateDevSecret(keysDir);

  const tree = new ProcessTree(path.join(env.DATA_DIR, 'logs'), (name, code) => {
    console.error(`${name} stopped unexpectedly (exit ${code}); stopping everything.`);
    void shutdown(1);
  });
  closers.push(() => tree.stopAll());

  const shared = {
    // One login for every service when given DATABASE_URL; per department on the embedded server (below).
    ...(departmentUrls.size === 0 ? { DATABASE_URL: serviceUrl ?? ownerUrl } : {}),
    INTERNAL_SECRET: internalSecret,
    ...(keys.publicKeyPem ? { JWT_PUBLIC_KEY: keys.publicKeyPem } : {}),
    LOG_LEVEL: env.LOG_LEVEL,
    NODE_ENV: env.NODE_ENV,
    ROUTER_PORT: String(env.ROUTER_PORT),
    WEB_PORT: String(env.WEB_PORT),
    // The dashboards' origin must be allowed to open the router's WebSocket (subscriptions).
    ROUTER_ALLOWED_ORIGINS: [
      `http://localhost:${env.WEB_PORT}`,
      `http://127.0.0.1:${env.WEB_PORT}`,
      'https://sandbox.embed.apollographql.com',
      'https://studio.apollographql.com',
    ].join(','),
    // KAFKA_BROKERS=… npm start: the services use Kafka; unset, events stay in PostgreSQL.
    ...eventBusEnv(process.env),
  };
  await webBuild;
  // The JWT signing key goes to the identity service only; the proxy secret, new on every start,
  // to the web server and the router only.
  const secrets = { jwtPrivateKeyPem: keys.privateKeyPem, proxySecret: randomBytes(32).toString('base64url') };
  for (const layout of systemLayout(root, shared, secrets)) {
    const departmentUrl = departmentUrls.get(layout.name);
    const spec = departmentUrl ? { ...layout, env: { ...layout.env, DATABASE_URL: departmentUrl } } : layout;
    process.stdout.write(`Starting ${spec.name} … `);
    await tree.start(spec);
    process.stdout.write('ready\n');
  }

  const url = `http://localhost:${env.ROUTER_PORT}/graphql`;
  console.log(`
Hospital system is running.
  Web dashboards: http://localhost:${env.WEB_PORT}
  Router (GraphQL, Apollo Sandbox in a browser): ${url}
  Logs: ${path.join(env.DATA_DIR, 'logs')}/<runnable>.log
${wantSeed ? `  Demo accounts (password: ${env.DEMO_PASSWORD}):
    admin@hospital.local       ADMIN
    doctor@hospital.local      DOCTOR
    pharmacist@hospital.local  PHARMACIST
    finance@hospital.local     FINANCE
    ward@hospital.local        WARD_STAFF
` : ''}Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
