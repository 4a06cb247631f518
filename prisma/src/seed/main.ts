/**
 * `npm run seed -w @hospital/db`: seeds demo accounts and patients into DATABASE_URL
 * (migrate first with `npm run db:migrate`).
 */
import { createLogger, loadConfigOrExit } from '@hospital/service-kit';
import { createPrismaClient } from '../prisma-client.ts';
import { loadConfig } from './env.ts';
import { seedDemoData } from './seed-demo-data.ts';

const { config } = loadConfigOrExit({ config: () => loadConfig(process.env) });
const logger = createLogger('seed', config.LOG_LEVEL);
const db = createPrismaClient(config.DATABASE_URL, { poolSize: 2 });
try {
  await seedDemoData(db, { password: config.DEMO_PASSWORD, patientCount: config.SEED_PATIENT_COUNT, logger });
} catch (error) {
  logger.error({ err: error }, 'seeding failed');
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
