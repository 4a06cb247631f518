/** Composition root of the finance subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startFinanceSubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('finance-subgraph', config.logLevel);
const subgraph = await startFinanceSubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
