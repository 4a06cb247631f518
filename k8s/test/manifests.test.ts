/**
 * `npm run k8s:check`: every overlay rendered by `kubectl kustomize`, validated offline against
 * the Kubernetes (and operators') schemas, and held to the deployment rules: probes, limits and
 * a hardened security context everywhere; only web and router exposed; NetworkPolicies that allow
 * exactly the connections the environments name; no Secret in clear; pinned images; the env each
 * Deployment sets accepted by its runnable's own env.ts; Service ports = listening ports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEPARTMENTS } from '@hospital/grpc-contracts/departments';
import { staleGeneratedFiles } from '../../scripts/k8s/generate-base.ts';
import { envProblems, resolveContainers, servicePortProblems } from '../../scripts/k8s/check/env-rules.ts';
import { networkProblems } from '../../scripts/k8s/check/network-rules.ts';
import { imageProblems, podProblems, podTemplates } from '../../scripts/k8s/check/pods.ts';
import { placeholderSecrets } from '../../scripts/k8s/check/placeholder-secrets.ts';
import { clearSecretProblems, eventProblems, exposureProblems, scalingProblems } from '../../scripts/k8s/check/platform.ts';
import { K8S_DIR, OVERLAYS, renderOverlay, type Rendered } from '../../scripts/k8s/check/render.ts';
import { schemaProblems } from '../../scripts/k8s/check/schemas.ts';

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let objects: Rendered[];
  beforeAll(() => {
    objects = renderOverlay(overlay);
  });

  it('renders the whole platform', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'Ingress',
      'Job',
      'ConfigMap',
      'Kafka',
      'KafkaNodePool',
      'KafkaTopic',
      'Cluster',
      'ScheduledBackup',
      'ScaledObject',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    // Each department's service and subgraph, the router and the web server.
    expect(objects.filter((o) => o.kind === 'Deployment')).toHaveLength(DEPARTMENTS.length * 2 + 2);
  });

  it('validates every object against its schema', async () => {
    const problems = (await Promise.all(objects.map(schemaProblems))).flat();
    expect(problems).toEqual([]);
  });

  it('gives every container probes, requests and limits and the hardened security context', () => {
    expect(podTemplates(objects).flatMap(podProblems)).toEqual([]);
  });

  it(`pins images${overlay === 'prod' ? ' by digest' : ' (no latest)'}`, () => {
    expect(imageProblems(podTemplates(objects), overlay === 'prod')).toEqual([]);
  });

  it('exposes only web and router, over TLS', () => {
    expect(exposureProblems(objects)).toEqual([]);
  });

  it('holds no Secret values', () => {
    expect(clearSecretProblems(objects)).toEqual([]);
  });

  it(`has budgets and autoscalers${overlay === 'prod' ? ', two replicas or more and NODE_ENV=production' : ''}`, () => {
    expect(scalingProblems(objects, overlay === 'prod')).toEqual([]);
  });

  it('creates the topics the code expects and scales notifications on their lag', () => {
    expect(eventProblems(objects)).toEqual([]);
  });

  it("sets an environment each runnable's own env.ts accepts, with no loopback default left", async () => {
    expect(await envProblems(objects, placeholderSecrets())).toEqual([]);
  });

  it('has every Service port lead to the port its runnable listens on', () => {
    expect(servicePortProblems(objects)).toEqual([]);
  });

  it('allows exactly the connections the environments name (default deny, DNS aside)', () => {
    expect(networkProblems(objects, resolveContainers(objects, placeholderSecrets()))).toEqual([]);
  });
});

describe('the repository', () => {
  it('has the generated manifests up to date with scripts/k8s/topology.ts (npm run k8s:generate)', () => {
    expect(staleGeneratedFiles()).toEqual([]);
  });

  it("runs the image as its Dockerfile builds it: the entry point's command in args, its USER as runAsUser", () => {
    const dockerfile = readFileSync(path.join(K8S_DIR, '..', 'Dockerfile'), 'utf8');
    const user = Number(/^USER (\d+)/m.exec(dockerfile)?.[1]);
    expect(/^ENTRYPOINT \["node", "dist\/hospital\.js"\]/m.test(dockerfile)).toBe(true);
    for (const overlay of OVERLAYS) {
      for (const pod of podTemplates(renderOverlay(overlay))) {
        expect(pod.spec.securityContext?.['runAsUser'], pod.id).toBe(user);
        for (const c of pod.spec.containers) expect((c as { command?: unknown }).command, `${pod.id} must not override the entry point`).toBeUndefined();
      }
    }
  });

  it('contains no Secret with values under k8s/', () => {
    const files = (readdirSync(K8S_DIR, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f));
    const objects = files
      .flatMap((f) => parseAllDocuments(readFileSync(path.join(K8S_DIR, f), 'utf8')).map((d) => d.toJS() as Rendered | null))
      .filter((o): o is Rendered => o !== null);
    expect(files.length).toBeGreaterThan(5);
    expect(clearSecretProblems(objects)).toEqual([]);
  });
});
