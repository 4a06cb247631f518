/** Composition root of the pharmacy subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPharmacySubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('pharmacy-subgraph', config.logLevel);
const subgraph = await startPharmacySubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
