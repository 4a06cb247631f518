/** Composition root of the web server: environment → logger → startWebServer → shutdown. */
import { createLogger, loadConfigOrExit, metricsPortOf, registerShutdown, serveProcessMetrics, shutdownGraceMs } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startWebServer } from './static-server.ts';

// Every variable is checked before the port is bound: a bad one is listed plainly and the process exits 1.
const { config, metricsPort, graceMs } = loadConfigOrExit({
  config: () => loadConfig(process.env),
  metricsPort: () => metricsPortOf(process.env),
  graceMs: () => shutdownGraceMs(process.env),
});
const logger = createLogger('web', config.logLevel);
const web = await startWebServer(config.server);
logger.info({ url: web.url, router: config.server.graphqlUrl }, 'web app listening');
console.log(`Web app ready at ${web.url}`);
// Prometheus scrapes METRICS_PORT (unset: not served), as for the services; README, Observability.
const metrics = await serveProcessMetrics('web', metricsPort);
registerShutdown(logger, [() => web.close(), () => metrics.close()], { graceMs });
