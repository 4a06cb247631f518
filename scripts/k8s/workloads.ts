/**
 * One stateless component as Kubernetes objects: Deployment (hardened pod, probes, limits,
 * topology spread), Service, PodDisruptionBudget and, when it scales on CPU, a
 * HorizontalPodAutoscaler. Pure data: generate-base.ts writes it to k8s/base/generated.
 */
import { IMAGE } from './topology.ts';

/** A Kubernetes object as plain data. */
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> } } & Record<
  string,
  unknown
>;

/** One environment variable: a literal or a reference to a Secret key. */
export type EnvVar = { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string; optional?: boolean } } };

/** Resource requests and limits of one container. */
export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/** Everything that differs between components. */
export interface Workload {
  name: string;
  /** app.kubernetes.io/component: service, subgraph, router or web. */
  component: 'service' | 'subgraph' | 'router' | 'web';
  /** The image entry point's arguments, e.g. ["service", "ward"]. */
  args: string[];
  port: { name: 'grpc' | 'http'; number: number };
  /** A `/metrics` port of its own (container and Service port named `metrics`), if it has one. */
  metricsPort?: number;
  env: EnvVar[];
  /** ConfigMaps whose every key becomes an environment variable. */
  envFrom: string[];
  resources: Resources;
  /** Extra pod labels (NetworkPolicy peers for PostgreSQL and Kafka). */
  extraLabels?: Record<string, string>;
  /** A CPU HPA (generated here), KEDA (k8s/base/keda.yaml), or fixed replicas. */
  autoscaler: 'hpa' | 'keda' | 'none';
}

/** Labels every object of a component carries; the selector uses the first two. */
export function labelsOf(w: Pick<Workload, 'name' | 'component'>): Record<string, string> {
  return { 'app.kubernetes.io/name': w.name, 'app.kubernetes.io/part-of': 'hospital', 'app.kubernetes.io/component': w.component };
}

/** The selector of a component's pods. */
export function selectorOf(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'hospital' };
}

/** gRPC health (grpc.health.v1, the server's "" entry) or HTTP /health and /ready. */
function probes(w: Workload): Record<string, unknown> {
  if (w.port.name === 'grpc') {
    const grpc = { port: w.port.number };
    return {
      startupProbe: { grpc, periodSeconds: 2, failureThreshold: 60 },
      readinessProbe: { grpc, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
      livenessProbe: { grpc, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 },
    };
  }
  const http = (path: string) => ({ path, port: w.port.name });
  return {
    startupProbe: { httpGet: http('/health'), periodSeconds: 2, failureThreshold: 60 },
    readinessProbe: { httpGet: http('/ready'), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
    livenessProbe: { httpGet: http('/health'), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 },
  };
}

/** The hardened pod: non-root, read-only root, no capabilities, RuntimeDefault seccomp, /tmp in memory. */
export const POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};
export const CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};
export const TMP_VOLUME = { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } };
export const TMP_MOUNT = { name: 'tmp', mountPath: '/tmp' };

/**
 * The pod spec fields every pod of the platform shares: no API token, no service-link variables
 * (a Service named "router" would otherwise inject ROUTER_PORT=tcp://… into every pod).
 */
export const POD_BASE = { automountServiceAccountToken: false, enableServiceLinks: false, securityContext: POD_SECURITY, volumes: [TMP_VOLUME] };

/** Spread replicas over nodes (hard) and zones (soft). */
function topologySpread(name: string): unknown[] {
  const labelSelector = { matchLabels: selectorOf(name) };
  return [
    { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector, matchLabelKeys: ['pod-template-hash'] },
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector, matchLabelKeys: ['pod-template-hash'] },
  ];
}

/**
 * The component's objects.
 * @param w - the component
 */
export function workloadObjects(w: Workload): K8sObject[] {
  const labels = labelsOf(w);
  const deployment: K8sObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, labels },
    spec: {
      // An autoscaler owns the count of a scaled Deployment: a replicas field would reset it on every apply.
      replicas: w.autoscaler === 'none' ? 2 : undefined,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(w.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...labels, ...w.extraLabels } },
        spec: {
          ...POD_BASE,
          // 5 s preStop + SHUTDOWN_GRACE_MS (20 s, hospital-config) of draining, inside this.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: topologySpread(w.name),
          containers: [
            {
              name: w.component,
              image: IMAGE,
              args: w.args,
              ports: [
                { name: w.port.name, containerPort: w.port.number, protocol: 'TCP' },
                ...(w.metricsPort ? [{ name: 'metrics', containerPort: w.metricsPort, protocol: 'TCP' }] : []),
              ],
              envFrom: w.envFrom.map((name) => ({ configMapRef: { name } })),
              env: w.env,
              resources: w.resources,
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [TMP_MOUNT],
              // Endpoints drop the pod while it still serves; then SIGTERM starts the drain.
              lifecycle: { preStop: { sleep: { seconds: 5 } } },
              ...probes(w),
            },
          ],
        },
      },
    },
  };
  const service: K8sObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: w.name, labels },
    spec: {
      type: 'ClusterIP',
      selector: selectorOf(w.name),
      ports: [
        { name: w.port.name, port: w.port.number, targetPort: w.port.name, protocol: 'TCP', appProtocol: w.port.name === 'grpc' ? 'grpc' : undefined },
        ...(w.metricsPort ? [{ name: 'metrics', port: w.metricsPort, targetPort: 'metrics', protocol: 'TCP', appProtocol: 'http' }] : []),
      ],
    },
  };
  // maxUnavailable (not minAvailable) never blocks a node drain, at one replica or many.
  const pdb: K8sObject = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: w.name, labels },
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(w.name) } },
  };
  const hpa: K8sObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: w.name, labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: w.name },
      minReplicas: 2,
      maxReplicas: 6,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
  return w.autoscaler === 'hpa' ? [deployment, service, pdb, hpa] : [deployment, service, pdb];
}
