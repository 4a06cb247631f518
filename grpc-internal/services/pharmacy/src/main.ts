/** Composition root of the pharmacy service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type PharmacyEnvConfig } from './env.ts';
import { startPharmacyService } from './pharmacy-service.ts';

let config: PharmacyEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('pharmacy-service', config.logLevel);
const service = await startPharmacyService(config, { logger });
registerShutdown(logger, [() => service.close()]);
