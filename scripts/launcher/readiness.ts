/** Knowing when a started runnable answers: a TCP port that accepts, or an HTTP URL that says 2xx. */
import net from 'node:net';

/** How to know a runnable is up. */
export type Readiness = { tcp: { host: string; port: number } } | { http: string };

/**
 * One probe: true when the port accepts a connection or the URL answers 2xx within a second.
 * @param ready - what to probe
 */
export async function isReady(ready: Readiness): Promise<boolean> {
  if ('tcp' in ready) {
    return new Promise((resolve) => {
      const socket = net.connect(ready.tcp.port, ready.tcp.host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
  try {
    const response = await fetch(ready.http, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Probes every 200 ms until ready; throws when `failed()` says the process is gone or on timeout.
 * @param name - for the error message
 * @param ready - what to probe
 * @param failed - returns a reason once waiting is pointless (the process exited), else undefined
 * @param timeoutMs - how long to wait
 */
export async function waitUntilReady(name: string, ready: Readiness, failed: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isReady(ready))) {
    const reason = failed();
    if (reason) throw new Error(`${name} ${reason}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
