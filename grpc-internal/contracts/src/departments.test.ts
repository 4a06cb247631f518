import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DELIVERED_READ_REPORTERS } from './audit.ts';
import { DEPARTMENTS, defaultGrpcTarget, runnableName, subgraphDefaults, usesKafka } from './departments.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the department table', () => {
  it.each(DEPARTMENTS.map((d) => d.name))('%s has its service and subgraph folders', (name) => {
    expect(existsSync(path.join(root, 'grpc-internal/services', name, 'src/env.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'subgraphs', name, 'src/env.ts'))).toBe(true);
  });

  it('gives every department its own ports and calls only known departments', () => {
    const ports = DEPARTMENTS.flatMap((d) => [d.grpcPort, d.subgraphPort, d.metricsPort]);
    expect(new Set(ports).size).toBe(ports.length);
    const names: readonly string[] = DEPARTMENTS.map((d) => d.name);
    for (const d of DEPARTMENTS) for (const callee of d.calls) expect(names).toContain(callee);
  });

  it.each(DEPARTMENTS.map((d) => d.name))("%s: its kafka column matches what its service's and subgraph's env.ts read", (name) => {
    const row = DEPARTMENTS.find((d) => d.name === name)!;
    const runnables = [
      { runnable: 'service', folder: 'grpc-internal/services', families: [...row.kafka.servicePublishes, ...row.kafka.serviceConsumes] },
      { runnable: 'subgraph', folder: 'subgraphs', families: row.kafka.subgraphConsumes },
    ] as const;
    for (const { runnable, folder, families } of runnables) {
      const env = readFileSync(path.join(root, folder, name, 'src/env.ts'), 'utf8');
      expect(/KAFKA_BROKERS|kafkaEnv/.test(env), `${name} ${runnable} reads KAFKA_BROKERS`).toBe(usesKafka(row, runnable));
      for (const family of families) expect(env, `${name} ${runnable} reads the ${family} topic`).toMatch(new RegExp(`${family}TopicEnv|${family.toUpperCase()}_TOPIC`));
    }
  });

  it.each(DEPARTMENTS.map((d) => d.name))('%s: a subgraph that audits its deliveries reads IDENTITY_GRPC_TARGET and may report them', (name) => {
    const row = DEPARTMENTS.find((d) => d.name === name)!;
    const env = readFileSync(path.join(root, 'subgraphs', name, 'src/env.ts'), 'utf8');
    if (row.subgraphAuditsDeliveries) expect(env).toContain('IDENTITY_GRPC_TARGET');
    expect(DELIVERED_READ_REPORTERS.includes(runnableName(name, 'subgraph'))).toBe(row.subgraphAuditsDeliveries);
  });

  it('lets the router and the clinical subgraph report delivered reads, and no one else', () => {
    expect([...DELIVERED_READ_REPORTERS].sort()).toEqual(['clinical-subgraph', 'router']);
  });

  it('names each runnable <department>-service and <department>-subgraph', () => {
    expect(runnableName('ward', 'service')).toBe('ward-service');
    expect(runnableName('clinical', 'subgraph')).toBe('clinical-subgraph');
  });

  it('derives the local defaults from the row', () => {
    expect(defaultGrpcTarget('ward')).toBe('127.0.0.1:50057');
    expect(subgraphDefaults('identity')).toEqual({ port: 4001, grpcPort: 50051 });
  });
});
