/** Composition root of the identity service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type IdentityEnvConfig } from './env.ts';
import { startIdentityService } from './identity-service.ts';

let config: IdentityEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('identity-service', config.logLevel);
const service = await startIdentityService(config, { logger });
registerShutdown(logger, [() => service.close()]);
