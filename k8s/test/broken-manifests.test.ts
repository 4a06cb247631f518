/**
 * The check fails on broken manifests: each case takes the rendered dev (or prod) overlay, breaks
 * one thing the way an edit could, and expects the matching rule to name it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { envProblems, resolveContainers, servicePortProblems } from '../../scripts/k8s/check/env-rules.ts';
import { networkProblems } from '../../scripts/k8s/check/network-rules.ts';
import { imageProblems, podProblems, podTemplates } from '../../scripts/k8s/check/pods.ts';
import { placeholderSecrets } from '../../scripts/k8s/check/placeholder-secrets.ts';
import { clearSecretProblems, eventProblems, exposureProblems, scalingProblems } from '../../scripts/k8s/check/platform.ts';
import { renderOverlay, type Rendered } from '../../scripts/k8s/check/render.ts';
import { schemaProblems } from '../../scripts/k8s/check/schemas.ts';

let dev: Rendered[];
let prod: Rendered[];
beforeAll(() => {
  dev = renderOverlay('dev');
  prod = renderOverlay('prod');
});

/** A deep copy of an overlay with `edit` applied to the named object. */
function broken(objects: Rendered[], kind: string, name: string, edit: (o: any) => void): Rendered[] {
  const copy = structuredClone(objects);
  const target = copy.find((o) => o.kind === kind && o.metadata.name === name);
  if (!target) throw new Error(`${kind}/${name} is not in the overlay`);
  edit(target);
  return copy;
}
const container = (o: any) => o.spec.template.spec.containers[0];
const envVar = (o: any, name: string) => container(o).env.find((e: { name: string }) => e.name === name);

describe('the k8s check on a broken manifest', () => {
  it('refuses an object its schema refuses (a port as a string, a misspelt Strimzi field)', async () => {
    const port = broken(dev, 'Deployment', 'router', (o) => (container(o).ports[0].containerPort = '4000'));
    expect((await Promise.all(port.map(schemaProblems))).flat().join('\n')).toMatch(/Deployment\/router: .*containerPort must be integer/);
    const topic = broken(dev, 'KafkaTopic', 'appointments', (o) => (o.spec.partition = 6));
    expect((await Promise.all(topic.map(schemaProblems))).flat().join('\n')).toMatch(/KafkaTopic\/appointments/);
  });

  it('names a container without probes, limits or a read-only root', () => {
    const objects = broken(dev, 'Deployment', 'ward-service', (o) => {
      delete container(o).readinessProbe;
      delete container(o).resources.limits;
      container(o).securityContext.readOnlyRootFilesystem = false;
      o.spec.template.spec.enableServiceLinks = true;
    });
    const problems = podTemplates(objects).flatMap(podProblems).join('\n');
    expect(problems).toContain('Deployment/ward-service: container service: no readinessProbe');
    expect(problems).toContain('no cpu limit');
    expect(problems).toContain('readOnlyRootFilesystem must be true');
    expect(problems).toContain('enableServiceLinks must be false');
  });

  it('refuses a moving tag, and a tag instead of a digest in production', () => {
    const latest = broken(dev, 'Deployment', 'web', (o) => (container(o).image = 'ghcr.io/hospital-system/hospital:latest'));
    expect(imageProblems(podTemplates(latest), false)).toEqual(['Deployment/web: image ghcr.io/hospital-system/hospital:latest has no fixed tag']);
    expect(imageProblems(podTemplates(dev), true).length).toBeGreaterThan(0);
  });

  it('finds a subgraph exposed through a LoadBalancer or the Ingress', () => {
    const lb = broken(dev, 'Service', 'patients-subgraph', (o) => (o.spec.type = 'LoadBalancer'));
    expect(exposureProblems(lb)).toEqual(['Service/patients-subgraph: type LoadBalancer exposes it']);
    const ingress = broken(dev, 'Ingress', 'hospital', (o) => (o.spec.rules[1].http.paths[0].backend.service.name = 'identity-service'));
    expect(exposureProblems(ingress)).toEqual(['Ingress/hospital: exposes identity-service']);
  });

  it('finds a Secret written in clear', () => {
    const withSecret = [...dev, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'hospital-jwt' }, stringData: { 'private-key': 'x' } } as Rendered];
    expect(clearSecretProblems(withSecret)).toEqual(['Secret/hospital-jwt: carries values in the repository']);
  });

  it('finds a renamed variable: the runnable falls back to its loopback default', async () => {
    const objects = broken(dev, 'Deployment', 'appointments-service', (o) => (envVar(o, 'IDENTITY_GRPC_TARGET').name = 'IDENTITY_TARGET'));
    expect((await envProblems(objects, placeholderSecrets())).join('\n')).toContain(
      'Deployment/appointments-service (service): a loopback default survives (a variable the manifest does not set?): identityTarget = 127.0.0.1:50051',
    );
  });

  it("finds a value the runnable's env.ts refuses, and a subgraph left on loopback", async () => {
    const bad = broken(dev, 'Deployment', 'router', (o) => (envVar(o, 'ROUTER_PORT').value = 'http'));
    expect((await envProblems(bad, placeholderSecrets())).join('\n')).toMatch(/Deployment\/router \(router\): its env.ts refuses .*ROUTER_PORT/s);
    const loopback = broken(dev, 'Deployment', 'ward-subgraph', (o) => {
      container(o).env = container(o).env.filter((e: { name: string }) => e.name !== 'WARD_SUBGRAPH_HOST');
    });
    expect((await envProblems(loopback, placeholderSecrets())).join('\n')).toContain('Deployment/ward-subgraph (subgraph): listens on 127.0.0.1');
  });

  it('finds a Service or container port that is not where the runnable listens', async () => {
    const service = broken(dev, 'Service', 'finance-service', (o) => (o.spec.ports[0].port = 50099));
    expect(servicePortProblems(service).join('\n')).toContain('Service/finance-service: port 50099 leads to 50055');
    expect((await envProblems(service, placeholderSecrets())).join('\n')).toContain('FINANCE_GRPC_TARGET names port 50055 of finance-service, which serves 50099');
    const declared = broken(dev, 'Deployment', 'pharmacy-service', (o) => (container(o).ports[0].containerPort = 50099));
    expect((await envProblems(declared, placeholderSecrets())).join('\n')).toContain('listens on 50056 but the container declares 50099');
  });

  it('finds a connection the policies block, one they allow for nothing, and an uncovered pod', () => {
    const blocked = broken(dev, 'NetworkPolicy', 'ward-service', (o) => (o.spec.ingress[0].from = o.spec.ingress[0].from.slice(1)));
    expect(networkProblems(blocked, resolveContainers(blocked, placeholderSecrets()))).toContain(
      'Deployment/ward-subgraph cannot reach Deployment/ward-service on 50057 (WARD_GRPC_TARGET)',
    );
    // Both ends opened: the service admits any pod, and the web server may go anywhere.
    const wide = broken(dev, 'NetworkPolicy', 'pharmacy-service', (o) => o.spec.ingress[0].from.push({ podSelector: {} }));
    const open = broken(wide, 'NetworkPolicy', 'web', (o) => o.spec.egress.push({ to: [{ podSelector: {} }] }));
    const problems = networkProblems(open, resolveContainers(open, placeholderSecrets()));
    expect(problems).toContain('Deployment/web may reach Deployment/pharmacy-service on 50056, which nothing in its environment needs');
    const uncovered = dev.filter((o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'kafka'));
    expect(networkProblems(uncovered, resolveContainers(uncovered, placeholderSecrets()))).toContain('Strimzi broker/controller: no NetworkPolicy of its own covers it');
  });

  it('finds a single production replica, a missing budget and topics the code does not expect', () => {
    const single = broken(prod, 'Deployment', 'web', (o) => (o.spec.replicas = 1));
    expect(scalingProblems(single, true)).toEqual(['Deployment/web: fewer than 2 replicas in production']);
    const noBudget = prod.filter((o) => !(o.kind === 'PodDisruptionBudget' && o.metadata.name === 'router'));
    expect(scalingProblems(noBudget, true)).toEqual(['Deployment/router: runs several pods without a PodDisruptionBudget']);
    const pinned = broken(prod, 'Deployment', 'router', (o) => (o.spec.replicas = 3));
    expect(scalingProblems(pinned, true)).toEqual(['Deployment/router: sets replicas, which every apply would reset under its autoscaler']);
    const topic = broken(prod, 'KafkaTopic', 'appointments-dlq', (o) => (o.spec.partitions = 3));
    expect(eventProblems(topic)).toEqual(['KafkaTopic appointments.dlq: 3 partitions, the code expects 6']);
    const noClinical = prod.filter((o) => !(o.kind === 'KafkaTopic' && o.metadata.name === 'clinical'));
    expect(eventProblems(noClinical)).toEqual(['no KafkaTopic for clinical']);
    const shortRetention = broken(prod, 'KafkaTopic', 'clinical-dlq', (o) => (o.spec.config['retention.ms'] = 3_600_000));
    expect(eventProblems(shortRetention)).toEqual(['KafkaTopic clinical.dlq: retention.ms differs from 604800000']);
  });

  it('names a KEDA lag trigger missing for the clinical topic, or watching the appointments group there', () => {
    const appointmentsOnly = broken(dev, 'ScaledObject', 'notifications-service', (o) => (o.spec.triggers = o.spec.triggers.slice(0, 1)));
    expect(eventProblems(appointmentsOnly)).toEqual(['ScaledObject/notifications-service: no lag trigger for topic clinical']);
    const wrongGroup = broken(prod, 'ScaledObject', 'notifications-service', (o) => (o.spec.triggers[1].metadata.consumerGroup = 'notifications'));
    expect(eventProblems(wrongGroup)).toEqual(["ScaledObject/notifications-service: watches group notifications on clinical, not the consumers' notifications-clinical"]);
  });
});
