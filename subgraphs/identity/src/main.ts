/** Composition root of the identity subgraph: env → logger → start → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startIdentitySubgraph } from './index.ts';

const config = loadConfig(process.env);
const logger = createLogger('identity-subgraph', config.logLevel);
const subgraph = await startIdentitySubgraph(config, { logger });
registerShutdown(logger, [() => subgraph.close()]);
