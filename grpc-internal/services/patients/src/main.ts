/** Composition root of the patients service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type PatientsEnvConfig } from './env.ts';
import { startPatientsService } from './patients-service.ts';

let config: PatientsEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('patients-service', config.logLevel);
const service = await startPatientsService(config, { logger });
registerShutdown(logger, [() => service.close()]);
