/**
 * The manifest-driven local run (`npm run k8s:local`): the dev overlay's Jobs and Deployments
 * started on this machine with exactly their manifest environments (addresses mapped to local
 * ports), a signed-in query through the router and a booking event to a WebSocket subscriber
 * through the web server. Proves the manifests and the code agree.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBuild } from '../../scripts/build/fresh-build.ts';
import { testKafkaBrokers, testServerUrl } from '../../test/helpers.ts';
import { PER_RUN_NAMES, runLocal } from '../../scripts/k8s/local-run.ts';
import { ofKind, renderOverlay } from '../../scripts/k8s/check/render.ts';
import { DEPARTMENTS } from '@hospital/grpc-contracts/departments';

// The image runs dist/: build it (once for every test file that needs it) from these sources.
beforeAll(() => ensureFreshBuild(path.resolve(import.meta.dirname, '../..')), 300_000);

describe('the dev overlay run locally', () => {
  it("gives every topic the overlay's ConfigMaps name (each family's topic and dead-letter topic) this run's suffix", () => {
    const topics = ofKind(renderOverlay('dev'), 'ConfigMap').flatMap((c) => Object.keys((c['data'] ?? {}) as Record<string, string>).filter((name) => name.endsWith('_TOPIC')));
    expect(topics).toEqual(expect.arrayContaining(['APPOINTMENTS_TOPIC', 'CLINICAL_TOPIC', 'CLINICAL_DLQ_TOPIC']));
    expect(PER_RUN_NAMES).toEqual(expect.arrayContaining([...new Set(topics), 'NOTIFY_KAFKA_GROUP']));
  });

  it('migrates, seeds, starts every Deployment, answers through the router and delivers a booking event', async () => {
    // The run maps the cluster's bootstrap address to 127.0.0.1:<port>: a broker on this machine.
    const kafka = testKafkaBrokers().split(',')[0];
    expect(kafka).toMatch(/^127\.0\.0\.1:\d+$/);
    const result = await runLocal({ serverUrl: testServerUrl(), kafka: kafka! });
    expect(result.me).toBe('doctor@hospital.local');
    expect(result.patients).toBeGreaterThan(0);
    expect(result.eventLatencyMs).toBeLessThan(3_000);
    // Each department's service and subgraph, the router and the web server.
    expect(result.usage.map((u) => u.name)).toHaveLength(DEPARTMENTS.length * 2 + 2);
  }, 420_000);
});
