/**
 * The launcher's database step: embedded PostgreSQL under DATA_DIR when no DATABASE_URL is given,
 * migrations as the owner, one login role per department on the embedded server, demo data.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { createPrismaClient, databaseUrlAs, departmentRole, ensureServiceRole, migrateDatabase, seedDemoData, startEmbeddedPostgres } from '@hospital/db';
import type { Logger } from '@hospital/service-kit';
import type { LauncherConfig } from './launcher-env.ts';
import { DEPARTMENT_NAMES } from './system-layout.ts';

/** What the services connect with. */
export interface LauncherDatabase {
  /** The owner's URL (migrations, demo data). */
  ownerUrl: string;
  /** One URL for every service (given DATABASE_URL), or undefined when each department has its own. */
  serviceUrl: string | undefined;
  /** `<dept>-service` → its own login (embedded server only). */
  departmentUrls: Map<string, string>;
  /** Whether demo data was loaded. */
  seeded: boolean;
}

/**
 * Starts or reaches the database, migrates it, creates department roles and loads demo data.
 * @param config - the launcher's configuration
 * @param logger - for warnings
 * @param onStop - registers a closer (the embedded server's stop)
 */
export async function prepareDatabase(config: LauncherConfig, logger: Logger, onStop: (close: () => Promise<void>) => void): Promise<LauncherDatabase> {
  // Migrations and demo data run as the owner; the services as a role with only their rights.
  let ownerUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
  const embedded = !ownerUrl;
  let serverUrl: string | undefined;
  if (!ownerUrl) {
    console.log(`Starting embedded PostgreSQL (data in ${path.join(config.DATA_DIR, 'postgres')}) …`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, 'postgres'), port: config.EMBEDDED_PG_PORT });
    onStop(() => pg.stop());
    ownerUrl = pg.url;
    serverUrl = pg.serverUrl;
  } else if (!config.MIGRATION_DATABASE_URL) {
    logger.warn('MIGRATION_DATABASE_URL is unset: migrating with DATABASE_URL, which the services then use too (give them a role without DDL rights)');
  }

  console.log('Applying migrations …');
  await migrateDatabase(ownerUrl);
  // On the embedded server each service logs in as its department's role (hospital_<dept>_service:
  // its own schema's rows, the audit trail's append path), with a fresh password each start.
  const departmentUrls = new Map<string, string>();
  if (serverUrl) {
    for (const department of DEPARTMENT_NAMES) {
      const password = randomBytes(18).toString('base64url');
      await ensureServiceRole(serverUrl, `hospital_${department}_service`, password, departmentRole(department));
      departmentUrls.set(runnableName(department, 'service'), databaseUrlAs(ownerUrl, `hospital_${department}_service`, password));
    }
  }

  const seeded = config.SEED_DEMO_DATA === 'true' || (config.SEED_DEMO_DATA === 'auto' && embedded);
  if (seeded) {
    const db = createPrismaClient(ownerUrl);
    try {
      console.log(`Demo data: ${JSON.stringify(await seedDemoData(db, { password: config.DEMO_PASSWORD }))}`);
    } finally {
      await db.$disconnect();
    }
  }
  return { ownerUrl, serviceUrl: departmentUrls.size === 0 ? (config.DATABASE_URL ?? ownerUrl) : undefined, departmentUrls, seeded };
}
