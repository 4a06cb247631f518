/**
 * Every server command of the entry point with the environment it needs to start alone on a free
 * port, and how to know it is up: for the start-up measurement and the every-command test.
 */
import { generateKeyPairSync } from 'node:crypto';
import { TEST_RUN_SEND_CHANNELS } from '@hospital/test-support/departments/notifications';
import { DEPARTMENTS } from '../hospital/commands.ts';
import type { Readiness } from '../launcher/readiness.ts';

/** One runnable: its command, environment and readiness probe, given its port. */
export interface Target {
  command: string[];
  env: (port: number) => Record<string, string>;
  ready: (port: number) => Readiness;
}

/**
 * The server commands: each department's service and subgraph, the router and the web server.
 * @param databaseUrl - the database the services use
 * @param grpcTargets - `<DEPT>_GRPC_TARGET` for every department, so nothing reaches a default port
 *   another system may hold
 */
export function serverTargets(databaseUrl: string, grpcTargets: Record<string, string> = {}): Target[] {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const shared = { INTERNAL_SECRET: 'runnable-targets-internal-secret-0123456789', JWT_PUBLIC_KEY: keys.publicKey, LOG_LEVEL: 'warn', ...grpcTargets };
  return [
    ...DEPARTMENTS.map((dept): Target => ({
      command: ['service', dept],
      env: (port) => ({
        ...shared,
        [`${dept.toUpperCase()}_GRPC_PORT`]: String(port),
        [`${dept.toUpperCase()}_GRPC_HOST`]: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        // Never email: on the run's database the notifications service would claim (and skip, with
        // no SMTP server) the deliveries another file's test is waiting for.
        NOTIFY_SEND_CHANNELS: TEST_RUN_SEND_CHANNELS.join(','),
        // eslint-disable-next-line house/conditional-spread -- a child's environment (string values only): only identity may hold the signing key
        ...(dept === 'identity' ? { JWT_PRIVATE_KEY: keys.privateKey } : {}),
      }),
      ready: (port) => ({ tcp: { host: '127.0.0.1', port } }),
    })),
    ...DEPARTMENTS.map((dept): Target => ({
      command: ['subgraph', dept],
      env: (port) => ({ ...shared, [`${dept.toUpperCase()}_SUBGRAPH_PORT`]: String(port), [`${dept.toUpperCase()}_SUBGRAPH_HOST`]: '127.0.0.1' }),
      ready: (port) => ({ http: `http://127.0.0.1:${port}/health` }),
    })),
    { command: ['router'], env: (port) => ({ ...shared, ROUTER_PORT: String(port), ROUTER_HOST: '127.0.0.1' }), ready: (port) => ({ http: `http://127.0.0.1:${port}/health` }) },
    {
      command: ['web'],
      env: (port) => ({ LOG_LEVEL: 'warn', WEB_PORT: String(port), WEB_HOST: '127.0.0.1' }),
      ready: (port) => ({ http: `http://127.0.0.1:${port}/config.json` }),
    },
  ];
}
