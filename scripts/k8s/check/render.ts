/**
 * Rendering the overlays the way a cluster would get them: `kubectl kustomize` (kustomize built
 * into kubectl), parsed into plain objects.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object. */
export type Rendered = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
} & Record<string, unknown>;

/** The repository's k8s/ folder. */
export const K8S_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../k8s');

/** The overlays, each a full environment. */
export const OVERLAYS = ['dev', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/**
 * Renders an overlay (or any kustomization folder).
 * @param dir - a folder under k8s/, e.g. "overlays/prod"
 */
export function renderKustomization(dir: string): Rendered[] {
  const result = spawnSync('kubectl', ['kustomize', path.join(K8S_DIR, dir)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`kubectl is needed to render ${dir} (kubectl kustomize): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as Rendered | null)
    .filter((o): o is Rendered => o !== null);
}

/** @param overlay - dev or prod */
export const renderOverlay = (overlay: Overlay): Rendered[] => renderKustomization(`overlays/${overlay}`);

/** The objects of one kind. */
export function ofKind(objects: Rendered[], kind: string): Rendered[] {
  return objects.filter((o) => o.kind === kind);
}
