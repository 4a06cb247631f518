/** Composition root of the notifications subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startNotificationsSubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('notifications-subgraph', config.logLevel);
const subgraph = await startNotificationsSubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
