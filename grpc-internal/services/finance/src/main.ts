/** Composition root of the finance service: env → logger → start → shutdown. */
import { createLogger, EnvError, registerShutdown } from '@hospital/service-kit';
import { loadConfig, type FinanceEnvConfig } from './env.ts';
import { startFinanceService } from './finance-service.ts';

let config: FinanceEnvConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  // A configuration problem is the operator's to fix: list it plainly, without a stack trace.
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('finance-service', config.logLevel);
const service = await startFinanceService(config, { logger });
registerShutdown(logger, [() => service.close()]);
