/** Composition root of the ward subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startWardSubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('ward-subgraph', config.logLevel);
const subgraph = await startWardSubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
