/**
 * A TCP port nobody listens on right now: for a child process or a test server that must know its
 * port before it starts (the launcher, the local k8s run, test harnesses).
 *
 * The port is drawn below the kernel's ephemeral range. A port the OS hands out for `listen(0)`
 * comes from that range, which is also where every outgoing connection takes its local port: on a
 * busy machine one of them took the port between the probe and the child's bind (EADDRINUSE in
 * the launcher's and the browser harness's start-ups). Below the range only listeners compete.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

/** Lowest port drawn from (above the registered services most hosts run). */
const LOWEST = 20_000;
/** Draws before falling back to a port the OS picks. */
const ATTEMPTS = 40;

/** The first port of the kernel's ephemeral range (Linux), or undefined where it cannot be read. */
export function ephemeralRangeStart(): number | undefined {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > 0 ? start : undefined;
  } catch {
    return undefined;
  }
}

/** Binds `port` (0: the OS picks) and closes again; resolves the port bound, or null if it was taken. */
function probe(port: number, host: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(null) : reject(error)));
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => {
        resolve(bound);
      });
    });
  });
}

/** The next candidate of this process: it walks its own stretch of the range, one port after another. */
let cursor: number | undefined;

/**
 * A port free a moment ago, below the ephemeral range when there is room there (else one the OS
 * picks); another listener may still take it in between, so callers bind it soon after.
 *
 * Each process starts at a point of the range drawn from its pid and walks up from there, so one
 * process never hands out the same port twice (a test reserving 25 ports before its children
 * bind them), and two processes (test files running side by side) only meet if their stretches
 * overlap, instead of whenever two random draws coincide.
 * @param host - interface to probe (127.0.0.1 by default)
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const highest = (ephemeralRangeStart() ?? 32_768) - 1;
  const size = highest - LOWEST + 1;
  if (size >= 1_000) {
    cursor ??= (process.pid * 7_919 + Math.floor(Math.random() * 97)) % size;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const candidate = LOWEST + (cursor % size);
      cursor += 1;
      const port = await probe(candidate, host);
      if (port !== null) return port;
    }
  }
  const port = await probe(0, host);
  if (port === null) throw new Error(`no free port on ${host}`);
  return port;
}
