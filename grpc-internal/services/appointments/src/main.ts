/** Composition root of the appointments service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { startAppointmentsService } from './appointments-service.ts';
import { loadConfig, type AppointmentsEnvConfig } from './env.ts';

let config: AppointmentsEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('appointments-service', config.logLevel);
const service = await startAppointmentsService(config, { logger });
registerShutdown(logger, [() => service.close()]);
