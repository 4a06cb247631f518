/**
 * Strict schemas of the Strimzi (kafka.strimzi.io/v1beta2) and CloudNativePG
 * (postgresql.cnpg.io/v1) resources, limited to the fields this repository sets, with the value
 * sets the operators accept for them. No npm package carries these CRDs' schemas.
 */
import { z } from 'zod';

const metadata = z.object({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const quantity = z.union([z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|Ti|k|M|G)?$/), z.number()]);
const resources = z.strictObject({
  requests: z.strictObject({ cpu: quantity, memory: quantity }),
  limits: z.strictObject({ cpu: quantity, memory: quantity }),
});
const secretKey = z.strictObject({ name: z.string().min(1), key: z.string().min(1) });
const labelSelector = z.strictObject({ matchLabels: z.record(z.string(), z.string()) });
const kind = <K extends string>(apiVersion: string, k: K, spec: z.ZodType) => z.strictObject({ apiVersion: z.literal(apiVersion), kind: z.literal(k), metadata, spec });

const STRIMZI = 'kafka.strimzi.io/v1beta2';
const CNPG = 'postgresql.cnpg.io/v1';

const nodePool = kind(
  STRIMZI,
  'KafkaNodePool',
  z.strictObject({
    replicas: z.number().int().min(1),
    roles: z.array(z.enum(['controller', 'broker'])).min(1),
    storage: z.strictObject({
      type: z.enum(['jbod', 'persistent-claim', 'ephemeral']),
      volumes: z
        .array(
          z.strictObject({
            id: z.number().int().min(0),
            type: z.enum(['persistent-claim', 'ephemeral']),
            size: z.string().regex(/^\d+(Mi|Gi|Ti)$/),
            kraftMetadata: z.literal('shared').optional(),
            deleteClaim: z.boolean().optional(),
          }),
        )
        .min(1),
    }),
    resources: resources.optional(),
  }),
);

const peer = z.union([z.strictObject({ podSelector: labelSelector }), z.strictObject({ namespaceSelector: labelSelector })]);
const kafka = kind(
  STRIMZI,
  'Kafka',
  z.strictObject({
    kafka: z.strictObject({
      version: z.string().regex(/^\d+\.\d+\.\d+$/),
      metadataVersion: z.string().regex(/^\d+\.\d+-IV\d+$/),
      listeners: z
        .array(
          z.strictObject({
            name: z.string().regex(/^[a-z0-9]{1,11}$/),
            port: z.number().int().min(9092).max(65535),
            type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
            tls: z.boolean(),
            networkPolicyPeers: z.array(peer).optional(),
          }),
        )
        .min(1),
      config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
    entityOperator: z.strictObject({ topicOperator: z.strictObject({}).optional(), userOperator: z.strictObject({}).optional() }),
  }),
).refine((k) => k.metadata.annotations?.['strimzi.io/node-pools'] === 'enabled' && k.metadata.annotations?.['strimzi.io/kraft'] === 'enabled', {
  message: 'KRaft with node pools needs the strimzi.io/node-pools and strimzi.io/kraft annotations set to "enabled"',
});

const kafkaTopic = kind(
  STRIMZI,
  'KafkaTopic',
  z.strictObject({
    topicName: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/),
    partitions: z.number().int().min(1),
    replicas: z.number().int().min(1).max(32767),
    config: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
).refine((t) => t.metadata.labels?.['strimzi.io/cluster'], { message: 'a KafkaTopic needs the strimzi.io/cluster label' });

const managedRole = z.strictObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/),
  ensure: z.enum(['present', 'absent']),
  login: z.boolean().optional(),
  inherit: z.boolean().optional(),
  createrole: z.boolean().optional(),
  connectionLimit: z.number().int().min(-1).optional(),
  inRoles: z.array(z.string()).optional(),
  passwordSecret: z.strictObject({ name: z.string().min(1) }).optional(),
});
const cluster = kind(
  CNPG,
  'Cluster',
  z.strictObject({
    instances: z.number().int().min(1),
    imageName: z.string().regex(/:[\w.-]+$/, 'pin the PostgreSQL image'),
    primaryUpdateStrategy: z.enum(['unsupervised', 'supervised']),
    enableSuperuserAccess: z.boolean(),
    bootstrap: z.strictObject({ initdb: z.strictObject({ database: z.string(), owner: z.string() }) }),
    storage: z.strictObject({ size: z.string() }),
    walStorage: z.strictObject({ size: z.string() }).optional(),
    affinity: z
      .strictObject({
        enablePodAntiAffinity: z.boolean(),
        topologyKey: z.string(),
        podAntiAffinityType: z.enum(['preferred', 'required']),
      })
      .optional(),
    resources,
    postgresql: z.strictObject({ parameters: z.record(z.string(), z.string()) }).optional(),
    managed: z.strictObject({ roles: z.array(managedRole) }),
    backup: z.strictObject({
      retentionPolicy: z.string().regex(/^[1-9][0-9]*[dwm]$/),
      barmanObjectStore: z.strictObject({
        destinationPath: z.string().regex(/^(s3|gs|https):\/\//),
        endpointURL: z.string().optional(),
        s3Credentials: z.strictObject({ accessKeyId: secretKey, secretAccessKey: secretKey }),
        wal: z.strictObject({ compression: z.enum(['gzip', 'bzip2', 'snappy']), maxParallel: z.number().int().min(1) }),
        data: z.strictObject({ compression: z.enum(['gzip', 'bzip2', 'snappy']) }),
      }),
    }),
  }),
);
const scheduledBackup = kind(
  CNPG,
  'ScheduledBackup',
  z.strictObject({
    // Six fields: CloudNativePG's cron has seconds first.
    schedule: z.string().refine((s) => s.trim().split(/\s+/).length === 6, 'six cron fields, seconds first'),
    immediate: z.boolean().optional(),
    backupOwnerReference: z.enum(['none', 'self', 'cluster']),
    method: z.enum(['barmanObjectStore', 'volumeSnapshot', 'plugin']),
    cluster: z.strictObject({ name: z.string() }),
  }),
);

/** Schema by "apiVersion/kind". */
export const operatorSchemas: Record<string, z.ZodType> = {
  [`${STRIMZI}/KafkaNodePool`]: nodePool,
  [`${STRIMZI}/Kafka`]: kafka,
  [`${STRIMZI}/KafkaTopic`]: kafkaTopic,
  [`${CNPG}/Cluster`]: cluster,
  [`${CNPG}/ScheduledBackup`]: scheduledBackup,
};
