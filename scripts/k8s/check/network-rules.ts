/**
 * NetworkPolicies evaluated the way a CNI would (within one namespace): which pod may open a
 * connection to which pod on which port. The check compares that with the connections the
 * rendered environments name, both ways: every needed connection is allowed, no other is.
 */
import { KAFKA_BOOTSTRAP, KAFKA_POD_LABELS, POSTGRES_POD_LABELS, POSTGRES_RW_SERVICE } from '../topology.ts';
import { addressesIn, type ResolvedContainer } from './env-rules.ts';
import { ofKind, type Rendered } from './render.ts';

/** A pod as a policy sees it. */
export interface PodIdentity {
  id: string;
  labels: Record<string, string>;
  /** Ports it listens on. */
  ports: number[];
}

type Selector = { matchLabels?: Record<string, string> };
type Peer = { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: { cidr: string } };
type PolicyRule = { from?: Peer[]; to?: Peer[]; ports?: Array<{ port?: number | string }> };
type PolicySpec = { podSelector: Selector; policyTypes?: string[]; ingress?: PolicyRule[]; egress?: PolicyRule[] };

const matches = (selector: Selector | undefined, labels: Record<string, string>) => Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

/** The pods the operators make, which the policies must also cover. */
export const OPERATOR_PODS: PodIdentity[] = [
  { id: 'CloudNativePG instance', labels: POSTGRES_POD_LABELS, ports: [5432, 8000] },
  { id: 'Strimzi broker/controller', labels: KAFKA_POD_LABELS, ports: [9090, 9091, 9092] },
];

/** A peer admits a pod of this namespace: a pod selector that matches (namespace selectors name other namespaces). */
function peerAdmits(peer: Peer, labels: Record<string, string>): boolean {
  if (peer.ipBlock) return true;
  if (peer.namespaceSelector) return false;
  return matches(peer.podSelector, labels);
}

function ruleAdmits(rule: PolicyRule, peers: Peer[] | undefined, labels: Record<string, string>, port: number): boolean {
  const peerOk = peers === undefined || peers.length === 0 || peers.some((p) => peerAdmits(p, labels));
  const portOk = !rule.ports?.length || rule.ports.some((p) => p.port === undefined || p.port === port);
  return peerOk && portOk;
}

/**
 * Whether `from` may connect to `to` on `port` under the policies.
 * @param policies - the overlay's NetworkPolicy specs
 */
export function allowed(policies: PolicySpec[], from: PodIdentity, to: PodIdentity, port: number): boolean {
  const egress = policies.filter((p) => matches(p.podSelector, from.labels) && (p.policyTypes ?? ['Ingress']).includes('Egress'));
  const ingress = policies.filter((p) => matches(p.podSelector, to.labels) && (p.policyTypes ?? ['Ingress']).includes('Ingress'));
  const out = egress.length === 0 || egress.some((p) => (p.egress ?? []).some((r) => ruleAdmits(r, r.to, to.labels, port)));
  const inn = ingress.length === 0 || ingress.some((p) => (p.ingress ?? []).some((r) => ruleAdmits(r, r.from, from.labels, port)));
  return out && inn;
}

/** The policies' specs. */
export const policySpecs = (objects: Rendered[]): PolicySpec[] => ofKind(objects, 'NetworkPolicy').map((p) => p['spec'] as PolicySpec);

/** The pods behind an address's host: a Service's selector, or an operator's pods. */
function podsBehind(host: string, objects: Rendered[], pods: PodIdentity[]): PodIdentity[] {
  const name = host.replace(/\.[a-z0-9-]+\.svc(\.cluster\.local)?$/, '');
  if (name === POSTGRES_RW_SERVICE) return [OPERATOR_PODS[0]!];
  if (name === KAFKA_BOOTSTRAP.split(':')[0]) return [OPERATOR_PODS[1]!];
  const service = ofKind(objects, 'Service').find((s) => s.metadata.name === name);
  const selector = (service?.['spec'] as { selector?: Record<string, string> } | undefined)?.selector;
  return selector ? pods.filter((p) => matches({ matchLabels: selector }, p.labels)) : [];
}

/**
 * Connection problems: a connection an environment names that the policies block, any other
 * connection between the platform's pods that they allow, and a pod no policy but deny-all covers.
 * @param objects - a rendered overlay
 * @param containers - its containers with their environments
 */
export function networkProblems(objects: Rendered[], containers: ResolvedContainer[]): string[] {
  const problems: string[] = [];
  const policies = policySpecs(objects);
  const pods: PodIdentity[] = [...containers.map((c) => ({ id: c.pod.id, labels: c.pod.labels, ports: (c.container.ports ?? []).map((p) => p.containerPort) })), ...OPERATOR_PODS];
  const needed = new Set<string>();
  for (const c of containers) {
    const from = pods.find((p) => p.id === c.pod.id)!;
    for (const a of addressesIn(c.env)) {
      for (const to of podsBehind(a.host, objects, pods)) {
        needed.add(`${from.id} -> ${to.id}:${a.port}`);
        if (!allowed(policies, from, to, a.port)) problems.push(`${from.id} cannot reach ${to.id} on ${a.port} (${a.variable})`);
      }
    }
  }
  // Nothing else: among the platform's own pods (Deployments, Jobs, the data stores' client ports).
  const ours = pods.filter((p) => !OPERATOR_PODS.includes(p));
  for (const from of ours) {
    for (const to of pods) {
      if (from === to) continue;
      for (const port of to === OPERATOR_PODS[1] ? [9092] : to === OPERATOR_PODS[0] ? [5432] : to.ports) {
        if (allowed(policies, from, to, port) && !needed.has(`${from.id} -> ${to.id}:${port}`))
          problems.push(`${from.id} may reach ${to.id} on ${port}, which nothing in its environment needs`);
      }
    }
  }
  // Isolation: deny-all selects every pod, and each pod has a policy of its own.
  const specificPolicies = policies.filter((p) => Object.keys(p.podSelector.matchLabels ?? {}).length > 0);
  const denyAll = policies.some(
    (p) =>
      Object.keys(p.podSelector.matchLabels ?? {}).length === 0 &&
      !p.ingress?.length &&
      !p.egress?.length &&
      p.policyTypes?.includes('Ingress') &&
      p.policyTypes.includes('Egress'),
  );
  if (!denyAll) problems.push('no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)');
  for (const pod of pods) if (!specificPolicies.some((p) => matches(p.podSelector, pod.labels))) problems.push(`${pod.id}: no NetworkPolicy of its own covers it`);
  return problems;
}
