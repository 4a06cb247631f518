/** Composition root of the web server: environment → logger → startWebServer → shutdown. */
import { createLogger, registerShutdown } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startWebServer } from './static-server.ts';

const config = loadConfig(process.env);
const logger = createLogger('web', config.logLevel);
const web = await startWebServer(config.server);
logger.info({ url: web.url, router: config.server.graphqlUrl }, 'web app listening');
console.log(`Web app ready at ${web.url}`);
registerShutdown(logger, [() => web.close()]);
