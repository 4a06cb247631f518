/**
 * The pods the rendered objects would make (Deployment and Job templates), and what every one of
 * their containers must carry: probes (long-running pods), requests and limits, the hardened
 * security context, a writable /tmp, no service links and no API token.
 */
import type { Rendered } from './render.ts';

/** A container as the checks read it. */
export interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown>;
  volumeMounts?: Array<{ name: string; mountPath: string }>;
  readinessProbe?: Record<string, unknown>;
  livenessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
}

/** A pod template with its owner. */
export interface PodTemplate {
  owner: Rendered;
  /** "Deployment/router" */
  id: string;
  labels: Record<string, string>;
  spec: {
    containers: Container[];
    initContainers?: Container[];
    securityContext?: Record<string, unknown>;
    volumes?: Array<{ name: string; emptyDir?: unknown }>;
    enableServiceLinks?: boolean;
    automountServiceAccountToken?: boolean;
    hostNetwork?: boolean;
    topologySpreadConstraints?: unknown[];
  };
  longRunning: boolean;
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** Every pod template in the objects. */
export function podTemplates(objects: Rendered[]): PodTemplate[] {
  return objects
    .filter((o) => WORKLOAD_KINDS.includes(o.kind))
    .map((o) => {
      const spec = o['spec'] as Record<string, any>;
      const template = o.kind === 'CronJob' ? spec['jobTemplate'].spec.template : spec['template'];
      return {
        owner: o,
        id: `${o.kind}/${o.metadata.name}`,
        labels: template.metadata?.labels ?? {},
        spec: template.spec,
        longRunning: o.kind !== 'Job' && o.kind !== 'CronJob',
      };
    });
}

/**
 * Problems of one pod: each line names the pod and container.
 * @param pod - a pod template
 */
export function podProblems(pod: PodTemplate): string[] {
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${pod.id}: ${what}`);
  const podSecurity = pod.spec.securityContext ?? {};
  if (podSecurity['runAsNonRoot'] !== true) say('pod securityContext.runAsNonRoot must be true');
  if ((podSecurity['seccompProfile'] as { type?: string } | undefined)?.type !== 'RuntimeDefault') say('pod seccompProfile must be RuntimeDefault');
  if (pod.spec.enableServiceLinks !== false) say('enableServiceLinks must be false (Service env vars would shadow ours, e.g. ROUTER_PORT)');
  if (pod.spec.automountServiceAccountToken !== false) say('automountServiceAccountToken must be false (no pod calls the API)');
  if (pod.spec.hostNetwork) say('hostNetwork is not allowed');
  if (pod.longRunning && !pod.spec.topologySpreadConstraints?.length) say('topologySpreadConstraints missing');
  const tmp = pod.spec.volumes?.find((v) => v.emptyDir !== undefined && v.name === 'tmp');
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const where = `container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc['allowPrivilegeEscalation'] !== false) say(`${where}: allowPrivilegeEscalation must be false`);
    if (sc['readOnlyRootFilesystem'] !== true) say(`${where}: readOnlyRootFilesystem must be true`);
    if (sc['privileged'] === true) say(`${where}: privileged`);
    const drop = (sc['capabilities'] as { drop?: string[]; add?: string[] } | undefined) ?? {};
    if (!drop.drop?.includes('ALL')) say(`${where}: capabilities must drop ALL`);
    if (drop.add?.length) say(`${where}: adds capabilities ${drop.add.join(',')}`);
    for (const field of ['cpu', 'memory'] as const) {
      if (!c.resources?.requests?.[field]) say(`${where}: no ${field} request`);
      if (!c.resources?.limits?.[field]) say(`${where}: no ${field} limit`);
    }
    if (!tmp || !c.volumeMounts?.some((m) => m.name === tmp.name && m.mountPath === '/tmp')) say(`${where}: needs an emptyDir mounted at /tmp (read-only root)`);
    if (pod.longRunning) {
      if (!c.readinessProbe) say(`${where}: no readinessProbe`);
      if (!c.livenessProbe) say(`${where}: no livenessProbe`);
    }
  }
  return problems;
}

/**
 * Image problems: a tag that moves (none, or `latest`), and in production anything but a digest.
 * @param pods - pod templates
 * @param requireDigest - prod: every image pinned by sha256 digest
 */
export function imageProblems(pods: PodTemplate[], requireDigest: boolean): string[] {
  return pods.flatMap((pod) =>
    pod.spec.containers.flatMap((c) => {
      const digest = /@sha256:[0-9a-f]{64}$/.test(c.image);
      const tag = c.image.replace(/@.*$/, '').split('/').pop()!.split(':')[1];
      if (requireDigest && !digest) return [`${pod.id}: image ${c.image} is not pinned by digest`];
      if (!digest && (!tag || tag === 'latest')) return [`${pod.id}: image ${c.image} has no fixed tag`];
      return [];
    }),
  );
}
