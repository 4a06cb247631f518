/** Composition root of the appointments subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startAppointmentsSubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('appointments-subgraph', config.logLevel);
const subgraph = await startAppointmentsSubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
