/**
 * The database Jobs: migrations (base, every environment) and the demo data (dev overlay only).
 * Both run as the owner (CloudNativePG's hospital-db-app Secret) and are safe to run twice:
 * `prisma migrate deploy` applies only pending migrations under its advisory lock, and the seeder
 * upserts the demo accounts and adds patients only to an empty table.
 */
import { SHARED_CONFIG } from './components.ts';
import { IMAGE, SECRETS } from './topology.ts';
import { CONTAINER_SECURITY, POD_BASE, TMP_MOUNT, type K8sObject } from './workloads.ts';

/** Pod label the database-jobs NetworkPolicy admits to PostgreSQL. */
export const DATABASE_JOB = { 'hospital.io/job': 'database' };

/**
 * One Job running the image's `command`.
 * @param name - Job name
 * @param command - the entry point's command (migrate, seed-demo)
 * @param step - label for `kubectl apply -l hospital.io/step=…` (README, Deploy)
 * @param argoWave - Argo CD sync wave (data stores 0, migrations 1, tiers 2)
 */
function databaseJob(name: string, command: string, step: string, argoWave: string): K8sObject {
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'hospital', 'app.kubernetes.io/component': 'job', 'hospital.io/step': step };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      labels,
      // Argo CD runs it as a hook in its wave (re-created each sync); with kubectl, delete it first (README).
      annotations: { 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': argoWave },
    },
    spec: {
      backoffLimit: 4,
      activeDeadlineSeconds: 900,
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: { ...labels, ...DATABASE_JOB } },
        spec: {
          ...POD_BASE,
          restartPolicy: 'OnFailure',
          containers: [
            {
              name: command,
              image: IMAGE,
              args: [command],
              envFrom: [{ configMapRef: { name: SHARED_CONFIG } }],
              env: [
                { name: 'DATABASE_URL', valueFrom: { secretKeyRef: SECRETS.owner } },
                // The Prisma CLI and npm write caches under HOME; the root filesystem is read-only.
                { name: 'HOME', value: '/tmp' },
              ],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [TMP_MOUNT],
            },
          ],
        },
      },
    },
  };
}

/** `migrate`: before the tiers roll out. */
export const migrateJob = (): K8sObject => databaseJob('hospital-migrate', 'migrate', 'migrate', '1');
/** `seed-demo`: the demo accounts and patients (dev only). */
export const seedJob = (): K8sObject => databaseJob('hospital-seed-demo', 'seed-demo', 'seed', '2');
