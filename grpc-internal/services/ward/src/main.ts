/** Composition root of the ward service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type WardEnvConfig } from './env.ts';
import { startWardService } from './ward-service.ts';

let config: WardEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('ward-service', config.logLevel);
const service = await startWardService(config, { logger });
registerShutdown(logger, [() => service.close()]);
