/** Builds the web dashboards (vite build into web/dist) for the web server to serve. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs `vite build` in web/; rejects with the build output when it fails.
 * @param root - repository root
 */
export async function buildWebApp(root: string): Promise<void> {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    await run(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'web'), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the web app failed:\n${detail.stdout ?? ''}${detail.stderr ?? ''}`, { cause: error });
  }
}
