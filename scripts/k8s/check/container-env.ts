/**
 * The environment a container gets from its manifest: literal `env`, `envFrom` ConfigMaps and
 * Secret references, with the Secrets' values supplied by the caller (placeholders in the check,
 * real local values in the manifest-driven run). Shared by the check and scripts/k8s/local-run.ts.
 */
import { ofKind, type Rendered } from './render.ts';
import type { Container } from './pods.ts';

/** Supplies a Secret's value, or undefined when it has none for that key. */
export type SecretSource = (name: string, key: string) => string | undefined;

/**
 * The container's variables, and the problems resolving them (a missing ConfigMap, key or secret).
 * Later entries win, as in Kubernetes: envFrom first, then env.
 * @param container - the container
 * @param objects - the rendered overlay (its ConfigMaps)
 * @param secrets - Secret values
 */
export function containerEnv(container: Container, objects: Rendered[], secrets: SecretSource): { env: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const env: Record<string, string> = {};
  const configMap = (name: string) => ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === name)?.['data'] as Record<string, string> | undefined;
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) {
      const data = configMap(from.configMapRef.name);
      if (data) Object.assign(env, data);
      else problems.push(`ConfigMap ${from.configMapRef.name} is not in the overlay`);
    }
    if (from.secretRef) problems.push(`envFrom secretRef ${from.secretRef.name}: reference single keys (secretKeyRef) so the check can see them`);
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = variable.value;
    else if (variable.valueFrom?.secretKeyRef) {
      const { name, key, optional } = variable.valueFrom.secretKeyRef;
      const value = secrets(name, key);
      if (value !== undefined) env[variable.name] = value;
      else if (!optional) problems.push(`${variable.name}: no value for Secret ${name} key ${key}`);
    } else if (variable.valueFrom?.configMapKeyRef) {
      const { name, key } = variable.valueFrom.configMapKeyRef;
      const value = configMap(name)?.[key];
      if (value !== undefined) env[variable.name] = value;
      else problems.push(`${variable.name}: ConfigMap ${name} has no key ${key}`);
    }
  }
  return { env, problems };
}
