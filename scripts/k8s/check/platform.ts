/**
 * Whole-platform rules over a rendered overlay: what is exposed, that no Secret is written in
 * clear, that every multi-replica component has a disruption budget and the stateless tiers an
 * autoscaler, production replicas, and that Kafka's topics are the ones the code expects.
 */
import { z } from 'zod';
import type { TopicFamily } from '@hospital/grpc-contracts/departments';
import { topicFamilyEnv } from '@hospital/service-kit/events-env';
import { ofKind, type Rendered } from './render.ts';
import { podTemplates } from './pods.ts';

/** The only Services an Ingress (or a LoadBalancer/NodePort) may lead to. */
export const PUBLIC_SERVICES = ['web', 'router'];

const spec = (o: Rendered) => o['spec'] as Record<string, any>;
const data = (o: Rendered) => (o['data'] ?? {}) as Record<string, string>;

/** Nothing but web and router reachable from outside the cluster. */
export function exposureProblems(objects: Rendered[]): string[] {
  const problems: string[] = [];
  for (const s of ofKind(objects, 'Service')) {
    const type = spec(s)['type'] ?? 'ClusterIP';
    if (type !== 'ClusterIP' && !PUBLIC_SERVICES.includes(s.metadata.name)) problems.push(`Service/${s.metadata.name}: type ${type} exposes it`);
    if (type !== 'ClusterIP' && PUBLIC_SERVICES.includes(s.metadata.name)) problems.push(`Service/${s.metadata.name}: type ${type}: expose it through the Ingress`);
  }
  for (const ingress of ofKind(objects, 'Ingress')) {
    const backends = [spec(ingress)['defaultBackend'], ...(spec(ingress)['rules'] ?? []).flatMap((r: any) => r.http?.paths?.map((p: any) => p.backend) ?? [])].filter(Boolean);
    for (const b of backends)
      if (!PUBLIC_SERVICES.includes(b.service?.name)) problems.push(`Ingress/${ingress.metadata.name}: exposes ${b.service?.name ?? 'a non-Service backend'}`);
    if (!(spec(ingress)['tls'] ?? []).length) problems.push(`Ingress/${ingress.metadata.name}: no TLS`);
    const hosts = new Set((spec(ingress)['tls'] ?? []).flatMap((t: any) => t.hosts ?? []));
    for (const r of spec(ingress)['rules'] ?? []) if (!hosts.has(r.host)) problems.push(`Ingress/${ingress.metadata.name}: host ${r.host} not covered by TLS`);
  }
  for (const pod of podTemplates(objects)) {
    for (const c of pod.spec.containers) for (const p of (c.ports ?? []) as Array<{ hostPort?: number }>) if (p.hostPort) problems.push(`${pod.id}: hostPort ${p.hostPort}`);
  }
  return problems;
}

/** No Secret with its values in the manifests: they are referenced, created outside the repository. */
export function clearSecretProblems(objects: Rendered[]): string[] {
  return objects
    .filter((o) => o.kind === 'Secret' && (Object.keys((o['data'] as object) ?? {}).length > 0 || Object.keys((o['stringData'] as object) ?? {}).length > 0))
    .map((o) => `Secret/${o.metadata.name}: carries values in the repository`);
}

/** The Deployments the rules call stateless tiers (all of them). */
const deployments = (objects: Rendered[]) => ofKind(objects, 'Deployment');
const scaledBy = (objects: Rendered[], name: string) => [
  ...ofKind(objects, 'HorizontalPodAutoscaler').filter((h) => spec(h)['scaleTargetRef']?.name === name),
  ...ofKind(objects, 'ScaledObject').filter((s) => spec(s)['scaleTargetRef']?.name === name),
];
const minReplicas = (o: Rendered) => (o.kind === 'ScaledObject' ? spec(o)['minReplicaCount'] : spec(o)['minReplicas']) ?? 1;

/**
 * A PDB for every component that may run more than one pod; an autoscaler for router, subgraphs
 * and services; in production at least two replicas everywhere and NODE_ENV=production.
 * @param objects - a rendered overlay
 * @param production - the prod overlay
 */
export function scalingProblems(objects: Rendered[], production: boolean): string[] {
  const problems: string[] = [];
  const pdbs = ofKind(objects, 'PodDisruptionBudget');
  for (const d of deployments(objects)) {
    const name = d.metadata.name;
    const component = d.metadata.labels?.['app.kubernetes.io/component'];
    const scalers = scaledBy(objects, name);
    const multi = (spec(d)['replicas'] ?? 1) > 1 || scalers.some((s) => (s.kind === 'ScaledObject' ? spec(s)['maxReplicaCount'] : spec(s)['maxReplicas']) > 1);
    const labels = (spec(d)['template'].metadata?.labels ?? {}) as Record<string, string>;
    const covered = pdbs.some((p) => Object.entries(spec(p)['selector']?.matchLabels ?? {}).every(([k, v]) => labels[k] === v));
    if (multi && !covered) problems.push(`Deployment/${name}: runs several pods without a PodDisruptionBudget`);
    if (['router', 'subgraph', 'service'].includes(component ?? '') && scalers.length !== 1)
      problems.push(`Deployment/${name}: needs exactly one autoscaler (HPA or KEDA ScaledObject), has ${scalers.length}`);
    if (scalers.length > 0 && spec(d)['replicas'] !== undefined) problems.push(`Deployment/${name}: sets replicas, which every apply would reset under its autoscaler`);
    if (production) {
      if (scalers.length === 0 && (spec(d)['replicas'] ?? 1) < 2) problems.push(`Deployment/${name}: fewer than 2 replicas in production`);
      for (const s of scalers) if (minReplicas(s) < 2) problems.push(`${s.kind}/${s.metadata.name}: scales below 2 replicas in production`);
    }
  }
  if (production) {
    for (const c of ofKind(objects, 'ConfigMap')) {
      if ('NODE_ENV' in data(c) && data(c)['NODE_ENV'] !== 'production') problems.push(`ConfigMap/${c.metadata.name}: NODE_ENV=${data(c)['NODE_ENV']} in production`);
    }
    if (!ofKind(objects, 'ConfigMap').some((c) => data(c)['NODE_ENV'] === 'production')) problems.push('no ConfigMap sets NODE_ENV=production');
  }
  return problems;
}

/**
 * The topic families the code declares (the service kit's topicFamilyEnv, keyed by the department
 * table's TopicFamily): each one's variables, read as the code reads them.
 */
const TOPIC_FAMILIES = (Object.keys(topicFamilyEnv) as TopicFamily[]).map((name) => ({
  name,
  read: (d: Record<string, string>) => toFamily(z.object(topicFamilyEnv[name]).parse(d), name.toUpperCase()),
}));

/** A family's topic, dead-letter topic, partitions and retention from its parsed variables. */
function toFamily(e: Record<string, string | number>, prefix: string) {
  return {
    topic: String(e[`${prefix}_TOPIC`]),
    dlq: String(e[`${prefix}_DLQ_TOPIC`]),
    partitions: Number(e[`${prefix}_TOPIC_PARTITIONS`]),
    retentionMs: Number(e[`${prefix}_TOPIC_RETENTION_MS`]),
  };
}

/**
 * The KafkaTopics and KEDA's lag triggers agree with the events ConfigMap and the code's defaults
 * (service-kit/src/events/events-env.ts): topic names, partitions, retention, group, for
 * every topic family of the department table (appointments, clinical).
 * @param objects - a rendered overlay
 */
export function eventProblems(objects: Rendered[]): string[] {
  const problems: string[] = [];
  const events = ofKind(objects, 'ConfigMap').find((c) => 'APPOINTMENTS_TOPIC' in data(c));
  if (!events) return ['no ConfigMap carries the appointments topic settings'];
  const topics = ofKind(objects, 'KafkaTopic');
  const families = TOPIC_FAMILIES.map((family) => ({ name: family.name, ...family.read(data(events)) }));
  for (const family of families) {
    if (!(`${family.name.toUpperCase()}_TOPIC` in data(events)))
      problems.push(`ConfigMap/${events.metadata.name}: no ${family.name.toUpperCase()}_TOPIC (the ${family.name} topic's settings)`);
    for (const name of [family.topic, family.dlq]) {
      const topic = topics.find((t) => spec(t)['topicName'] === name);
      if (!topic) {
        problems.push(`no KafkaTopic for ${name}`);
        continue;
      }
      if (spec(topic)['partitions'] !== family.partitions) problems.push(`KafkaTopic ${name}: ${spec(topic)['partitions']} partitions, the code expects ${family.partitions}`);
      if (Number(spec(topic)['config']?.['retention.ms']) !== family.retentionMs) problems.push(`KafkaTopic ${name}: retention.ms differs from ${family.retentionMs}`);
    }
  }
  // Notifications scale on the lag of their consumer groups (k8s/base/keda.yaml): the appointments
  // topic's NOTIFY_KAFKA_GROUP and the clinical topic's `<NOTIFY_KAFKA_GROUP>-clinical`, one trigger each.
  const group = data(events)['NOTIFY_KAFKA_GROUP'] ?? 'notifications';
  const familyNamed = (name: TopicFamily) => families.find((family) => family.name === name)!;
  const watched = [
    { family: familyNamed('appointments'), group },
    { family: familyNamed('clinical'), group: `${group}-clinical` },
  ];
  for (const scaled of ofKind(objects, 'ScaledObject')) {
    const triggers = (spec(scaled)['triggers'] ?? []).filter((t: { type: string }) => t.type === 'kafka');
    if (triggers.length === 0) continue;
    const name = `ScaledObject/${scaled.metadata.name}`;
    for (const trigger of triggers) {
      const expected = watched.find((w) => w.family.topic === trigger.metadata.topic);
      if (!expected) problems.push(`${name}: watches topic ${trigger.metadata.topic}`);
      else if (trigger.metadata.consumerGroup !== expected.group)
        problems.push(`${name}: watches group ${trigger.metadata.consumerGroup} on ${expected.family.topic}, not the consumers' ${expected.group}`);
    }
    for (const { family } of watched) {
      if (!triggers.some((t: { metadata: { topic: string } }) => t.metadata.topic === family.topic)) problems.push(`${name}: no lag trigger for topic ${family.topic}`);
      if (spec(scaled)['maxReplicaCount'] > family.partitions) problems.push(`${name}: more replicas than ${family.topic}'s partitions would idle`);
    }
    if (new Set(triggers.map((t: { metadata: { bootstrapServers: string } }) => t.metadata.bootstrapServers)).size > 1) problems.push(`${name}: triggers name different brokers`);
  }
  return problems;
}
