/**
 * The manifests against the code: every container's rendered environment is parsed by its
 * runnable's own env.ts (so a renamed or missing variable fails), no loopback default survives
 * (a target the manifest forgot), every runnable listens on all interfaces on the port its
 * container and Service name, and every address in an environment is a Service port that exists.
 */
import { containerEnv, type SecretSource } from './container-env.ts';
import { podTemplates, type Container, type PodTemplate } from './pods.ts';
import { ofKind, type Rendered } from './render.ts';
import { runnableFor } from './runnables.ts';
import { KAFKA_BOOTSTRAP, POSTGRES_RW_SERVICE } from '../topology.ts';

/** A container with the environment its manifest gives it. */
export interface ResolvedContainer {
  pod: PodTemplate;
  container: Container;
  env: Record<string, string>;
  problems: string[];
}

/**
 * Every container of every pod, with its environment.
 * @param objects - a rendered overlay
 * @param secrets - Secret values (placeholders in the check)
 */
export function resolveContainers(objects: Rendered[], secrets: SecretSource): ResolvedContainer[] {
  return podTemplates(objects).flatMap((pod) => pod.spec.containers.map((container) => ({ pod, container, ...containerEnv(container, objects, secrets) })));
}

const LOOPBACK = /(^|\/\/|@)(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/;

/** Paths of every string in a configuration that points at loopback. */
function loopbackValues(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return LOOPBACK.test(value) ? [`${at || '(value)'} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => loopbackValues(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => loopbackValues(v, at ? `${at}.${k}` : k));
  return [];
}

/** host:port addresses named in an environment (targets, URLs, broker lists). */
export function addressesIn(env: Record<string, string>): Array<{ variable: string; host: string; port: number }> {
  const found: Array<{ variable: string; host: string; port: number }> = [];
  for (const [variable, value] of Object.entries(env)) {
    for (const part of value.split(',')) {
      const match = /^(?:[a-z]+:\/\/(?:[^@/]*@)?)?([a-z0-9.-]+):(\d{1,5})(?:[/?].*)?$/i.exec(part.trim());
      // Cluster names only: a bare Service name or <name>.<namespace>.svc; outside hosts (SMTP) are not ours.
      const host = match?.[1];
      if (host && (!host.includes('.') || /\.svc(\.cluster\.local)?$/.test(host))) found.push({ variable, host, port: Number(match[2]) });
    }
  }
  return found;
}

/** The Services an address may name: the overlay's, and the operators' (CloudNativePG, Strimzi). */
export function servicePorts(objects: Rendered[]): Map<string, number[]> {
  const ports = new Map<string, number[]>(ofKind(objects, 'Service').map((s) => [s.metadata.name, ((s['spec'] as any).ports ?? []).map((p: { port: number }) => p.port)]));
  ports.set(POSTGRES_RW_SERVICE, [5432]);
  ports.set(KAFKA_BOOTSTRAP.split(':')[0]!, [Number(KAFKA_BOOTSTRAP.split(':')[1])]);
  return ports;
}

/**
 * All environment problems of an overlay.
 * @param objects - a rendered overlay
 * @param secrets - Secret values (placeholders in the check)
 */
export async function envProblems(objects: Rendered[], secrets: SecretSource): Promise<string[]> {
  const problems: string[] = [];
  const services = servicePorts(objects);
  for (const { pod, container, env, problems: resolving } of resolveContainers(objects, secrets)) {
    const id = `${pod.id} (${container.name})`;
    problems.push(...resolving.map((p) => `${id}: ${p}`));
    const runnable = runnableFor(container.args ?? []);
    if (!runnable) {
      problems.push(`${id}: the image has no command ${JSON.stringify(container.args ?? [])}`);
      continue;
    }
    let config: unknown;
    try {
      config = await runnable.load(env);
    } catch (error) {
      problems.push(`${id}: its env.ts refuses the manifest's environment: ${(error as Error).message}`);
      continue;
    }
    for (const line of loopbackValues(config)) problems.push(`${id}: a loopback default survives (a variable the manifest does not set?): ${line}`);
    for (const a of addressesIn(env)) {
      const host = a.host.replace(/\.[a-z0-9-]+\.svc(\.cluster\.local)?$/, '');
      const known = services.get(host);
      if (!known) problems.push(`${id}: ${a.variable} names ${a.host}, which no Service provides`);
      else if (!known.includes(a.port)) problems.push(`${id}: ${a.variable} names port ${a.port} of ${host}, which serves ${known.join(', ')}`);
    }
    if (runnable.listen) {
      const { port, host } = runnable.listen(config);
      const declared = container.ports?.[0]?.containerPort;
      if (port !== declared) problems.push(`${id}: listens on ${port} but the container declares ${declared}`);
      if (LOOPBACK.test(host) || host === '127.0.0.1') problems.push(`${id}: listens on ${host}, which probes and Services cannot reach`);
    }
  }
  return problems;
}

/**
 * Every Service port leads to a port a selected container declares, under the same number.
 * @param objects - a rendered overlay
 */
export function servicePortProblems(objects: Rendered[]): string[] {
  const problems: string[] = [];
  const pods = podTemplates(objects);
  for (const service of ofKind(objects, 'Service')) {
    const spec = service['spec'] as { selector?: Record<string, string>; ports: Array<{ port: number; targetPort?: number | string; name?: string }> };
    const selected = pods.filter((p) => Object.entries(spec.selector ?? {}).every(([k, v]) => p.labels[k] === v));
    if (selected.length === 0) problems.push(`Service/${service.metadata.name}: selects no pod`);
    for (const port of spec.ports) {
      for (const pod of selected) {
        const declared = pod.spec.containers.flatMap((c) => c.ports ?? []);
        const target = declared.find((p) => (typeof port.targetPort === 'string' ? p.name === port.targetPort : p.containerPort === (port.targetPort ?? port.port)));
        if (!target) problems.push(`Service/${service.metadata.name}: port ${port.port} targets ${port.targetPort ?? port.port}, which ${pod.id} does not declare`);
        else if (target.containerPort !== port.port)
          problems.push(`Service/${service.metadata.name}: port ${port.port} leads to ${target.containerPort}; addresses in env use the Service port, keep them equal`);
      }
    }
    for (const pod of selected) {
      for (const c of pod.spec.containers) {
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe] as Array<Record<string, any> | undefined>) {
          const port = probe?.['grpc']?.port ?? probe?.['httpGet']?.port;
          if (port === undefined) continue;
          const ok = (c.ports ?? []).some((p) => p.containerPort === port || p.name === port);
          if (!ok) problems.push(`${pod.id}: a probe targets port ${port}, which the container does not declare`);
        }
      }
    }
  }
  return problems;
}
