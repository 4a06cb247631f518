/**
 * Composition root of the router: environment → logger → supergraph file → startRouter → shutdown.
 */
import { readFileSync } from 'node:fs';
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startRouter } from './router.ts';

const config = loadConfig(process.env);
const logger = createLogger('router', config.logLevel);
const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
const router = await startRouter({ ...config.router, supergraphSdl }, { logger });
logger.info({ url: router.url }, 'router listening');
console.log(`Router ready at ${router.url}`);
registerShutdown(logger, [() => router.close()]);
