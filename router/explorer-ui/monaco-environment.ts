/**
 * Where Monaco (GraphiQL 5's editor) finds its web workers: the router's own bundled files, never
 * a CDN. GraphiQL's own setup-workers modules assume Vite, webpack or esm.sh.
 */
import { ASSETS_PATH } from './paths.ts';

const WORKERS: Record<string, string> = { graphql: 'graphql.worker.js', json: 'json.worker.js' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(`${ASSETS_PATH}/${WORKERS[label] ?? 'editor.worker.js'}`, { name: label });
  },
};
