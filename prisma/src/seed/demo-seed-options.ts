/** What every department's demo seeder takes (seedDemoData hands the same options to each). */
import type { Logger } from '@hospital/service-kit';

/** Options of a department's demo seeder. */
export interface DemoSeedOptions {
  /** The reference instant the department's demo data is placed around (each seeder says how). */
  today: Date;
  /** Receives one summary line; nothing personal is logged. */
  logger?: Pick<Logger, 'info'>;
}
