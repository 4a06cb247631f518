/** Composition root of the patients subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startPatientsSubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('patients-subgraph', config.logLevel);
const subgraph = await startPatientsSubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
