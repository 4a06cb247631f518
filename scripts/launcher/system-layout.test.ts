import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalSecretEnv } from '@hospital/service-kit';
import { DEPARTMENTS, runnableName } from '@hospital/grpc-contracts/departments';
import { childEnvironment, DEFAULT_DEPARTMENT_PORTS, eventBusEnv, metricsEndpoints, startTiers, systemLayout } from './system-layout.ts';
import { loadLauncherConfig } from './launcher-env.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { privateKey, publicKey } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const secrets = { jwtPrivateKeyPem: privateKey, proxySecret: 'p'.repeat(43) };
const shared = {
  DATABASE_URL: 'postgresql://hospital@127.0.0.1:5432/hospital',
  INTERNAL_SECRET: 's'.repeat(43),
  JWT_PUBLIC_KEY: publicKey,
  LOG_LEVEL: 'silent',
  ROUTER_PORT: '4000',
  WEB_PORT: '3000',
};

describe('eventBusEnv', () => {
  it('passes nothing without KAFKA_BROKERS: npm start stays on the PostgreSQL event path', () => {
    expect(eventBusEnv({ APPOINTMENTS_TOPIC: 'x', PATH: '/bin' })).toEqual({});
  });

  it('passes the Kafka variables that are set, and nothing else', () => {
    expect(eventBusEnv({ KAFKA_BROKERS: '127.0.0.1:9092', APPOINTMENTS_TOPIC_PARTITIONS: '3', APPOINTMENTS_TOPIC: '', CLINICAL_TOPIC: 'clin', HOME: '/root' })).toEqual({
      KAFKA_BROKERS: '127.0.0.1:9092',
      APPOINTMENTS_TOPIC_PARTITIONS: '3',
      CLINICAL_TOPIC: 'clin',
    });
  });
});

describe('systemLayout: each secret reaches only the child that needs it', () => {
  const layout = systemLayout(root, shared, secrets);
  const holders = (name: string) => layout.filter((spec) => spec.env[name] !== undefined).map((spec) => spec.name);

  it('hands the JWT private key to the identity service only', () => {
    expect(holders('JWT_PRIVATE_KEY')).toEqual(['identity-service']);
  });

  it('hands the proxy secret to the router and the web server only, and trusts no proxy by address', () => {
    expect(holders('ROUTER_PROXY_SECRET')).toEqual(['router']);
    expect(holders('WEB_PROXY_SECRET')).toEqual(['web']);
    expect(holders('ROUTER_TRUST_PROXY')).toEqual([]);
  });

  it('gives the web server neither the database nor the internal secret', () => {
    const web = layout.find((spec) => spec.name === 'web');
    expect(web?.env['DATABASE_URL']).toBeUndefined();
    expect(web?.env['INTERNAL_SECRET']).toBeUndefined();
  });

  it('does not let children inherit the launcher’s own copies of those secrets', () => {
    const env = childEnvironment({ PATH: '/bin', JWT_PRIVATE_KEY: 'k', ROUTER_PROXY_SECRET: 'r', WEB_PROXY_SECRET: 'w', INTERNAL_SECRET: 'i' }, { LOG_LEVEL: 'info' });
    expect(env).toEqual({ PATH: '/bin', LOG_LEVEL: 'info' });
  });
});

describe('every runnable refuses the public development INTERNAL_SECRET in production', () => {
  const devSecret = internalSecretEnv.INTERNAL_SECRET.parse(undefined);
  // Each runnable's env.ts sits beside its main.ts and exports loadConfig.
  const runnables = systemLayout(root, shared, secrets).map((spec) => ({ name: spec.name, envModule: path.join(path.dirname(spec.entry), 'env.ts'), env: spec.env }));
  const load = async (envModule: string) => ((await import(envModule)) as { loadConfig: (env: Record<string, string | undefined>) => unknown }).loadConfig;

  it("covers every department's service and subgraph, the router and the web server", () => {
    expect(runnables).toHaveLength(DEPARTMENTS.length * 2 + 2);
  });

  it.each(runnables)('$name', async ({ envModule, env }) => {
    const loadConfig = await load(envModule);
    expect(() => loadConfig({ ...env, NODE_ENV: 'production' })).not.toThrow();
    if (env['INTERNAL_SECRET'] === undefined) return;
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', INTERNAL_SECRET: devSecret })).toThrow(/INTERNAL_SECRET/);
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', INTERNAL_SECRET: undefined })).toThrow(/INTERNAL_SECRET/);
    expect(() => loadConfig({ ...env, NODE_ENV: 'development', INTERNAL_SECRET: undefined })).not.toThrow();
  });
});

describe('metrics ports under npm start', () => {
  it("gives each service its METRICS_PORT from the department table, and lists every runnable's /metrics", () => {
    const layout = systemLayout(root, { ...shared, ROUTER_METRICS_PORT: '9460' }, secrets);
    for (const d of DEPARTMENTS) expect(layout.find((spec) => spec.name === `${d.name}-service`)?.env['METRICS_PORT']).toBe(String(d.metricsPort));
    expect(layout.find((spec) => spec.name === 'router')?.env['ROUTER_METRICS_PORT']).toBe('9460');
    const endpoints = metricsEndpoints(DEFAULT_DEPARTMENT_PORTS, 9460, 9468);
    expect(endpoints).toHaveLength(DEPARTMENTS.length * 2 + 2);
    expect(endpoints.at(-1)).toEqual({ name: 'web', url: 'http://127.0.0.1:9468/metrics' });
    const ports = endpoints.map((e) => new URL(e.url).port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(endpoints[0]).toEqual({ name: 'router', url: 'http://127.0.0.1:9460/metrics' });
  });

  it('moves with <DEPT>_METRICS_PORT and ROUTER_METRICS_PORT; 0 turns one off', () => {
    const config = loadLauncherConfig(root, { WARD_METRICS_PORT: '19467', ROUTER_METRICS_PORT: '0' });
    expect(config.departmentPorts['ward']?.metricsPort).toBe(19467);
    const names = metricsEndpoints(config.departmentPorts, config.ROUTER_METRICS_PORT).map((e) => e.name);
    expect(names).not.toContain('router');
    expect(metricsEndpoints(config.departmentPorts, 0).find((e) => e.name === 'ward-service')?.url).toBe('http://127.0.0.1:19467/metrics');
    expect(() => loadLauncherConfig(root, { WARD_METRICS_PORT: 'x' })).toThrow(/WARD_METRICS_PORT/);
  });

  it('hands the web server WEB_METRICS_PORT as its METRICS_PORT; 0 serves none', () => {
    const web = (extra: Record<string, string>) => systemLayout(root, { ...shared, ...extra }, secrets).find((child) => child.name === 'web')!;
    expect(web({ WEB_METRICS_PORT: '9468' }).env['METRICS_PORT']).toBe('9468');
    expect(web({ WEB_METRICS_PORT: '0' }).env['METRICS_PORT']).toBeUndefined();
    expect(loadLauncherConfig(root, {}).WEB_METRICS_PORT).toBe(9468);
    expect(metricsEndpoints(DEFAULT_DEPARTMENT_PORTS, 9460, 0).map((e) => e.name)).not.toContain('web');
  });
});

describe('start tiers', () => {
  it('starts every service, then every subgraph, then the router, then the web server, each runnable once', () => {
    const layout = systemLayout(root, shared, secrets);
    const tiers = startTiers(layout);
    expect(tiers.map((tier) => tier.map((spec) => spec.name))).toEqual([
      DEPARTMENTS.map((d) => runnableName(d.name, 'service')),
      DEPARTMENTS.map((d) => runnableName(d.name, 'subgraph')),
      ['router'],
      ['web'],
    ]);
    expect(tiers.flat()).toEqual(layout);
  });
});
