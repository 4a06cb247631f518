/**
 * Offline schema validation of rendered objects: Kubernetes' own kinds through `kubernetes-models`
 * (the OpenAPI schemas of the API server), KEDA through `@kubernetes-models/keda`, the Prometheus
 * operator's PodMonitor and PrometheusRule through `@kubernetes-models/prometheus-operator`. Strimzi and
 * CloudNativePG publish no such package on npm, so their resources are checked against strict zod
 * schemas of the fields this repository uses, written from the operators' API references
 * (strict: a misspelt field fails, as the API server's structural schema would prune or refuse it).
 */
import type { Rendered } from './render.ts';
import { operatorSchemas } from './operator-schemas.ts';

type Validatable = { validate(): void };
type ModelClass = new (data: unknown) => Validatable;

/** The kubernetes-models module for an apiVersion ("v1", "apps/v1", "keda.sh/v1alpha1"). */
async function modelModule(apiVersion: string): Promise<Record<string, unknown> | undefined> {
  if (apiVersion.startsWith('keda.sh/')) return import(/* @vite-ignore */ `@kubernetes-models/keda/${apiVersion}`);
  if (apiVersion.startsWith('monitoring.coreos.com/')) return import(/* @vite-ignore */ `@kubernetes-models/prometheus-operator/${apiVersion}`);
  return import(/* @vite-ignore */ `kubernetes-models/${apiVersion}`).catch(() => undefined);
}

/**
 * Problems of one object against its schema, as "Kind/name: message" lines (none when valid).
 * @param object - a rendered object
 */
export async function schemaProblems(object: Rendered): Promise<string[]> {
  const id = `${object.kind}/${object.metadata?.name ?? '?'}`;
  const operator = operatorSchemas[`${object.apiVersion}/${object.kind}`];
  if (operator) {
    const result = operator.safeParse(object);
    return result.success ? [] : result.error.issues.map((i) => `${id}: ${i.path.join('.')}: ${i.message}`);
  }
  const module = await modelModule(object.apiVersion);
  const Model = module?.[object.kind] as ModelClass | undefined;
  if (!Model) return [`${id}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${id}: ${(error as Error).message}`];
  }
}
