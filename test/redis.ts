/**
 * A real Redis for the run's rate-limit tests: REDIS_URL when set, else the local server on
 * 127.0.0.1:6379 (the CI step "Redis" starts one), else a throw-away `redis-server` on a free port
 * when the binary is installed. When none answers, the run goes on and only the tests that need
 * Redis fail, with the reason (see testRedisUrl in test/helpers.ts).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from '@hospital/service-kit';

/** The outcome: a URL to use, or why there is none. */
export interface TestRedis {
  url?: string;
  problem?: string;
  stop(): Promise<void>;
}

/** Sends PING and resolves true on +PONG within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * Finds or starts the run's Redis.
 * @param env - REDIS_URL, if the run should use a given server
 * @param local - where a machine-wide Redis would answer
 */
export async function findTestRedis(env: Record<string, string | undefined>, local = 'redis://127.0.0.1:6379'): Promise<TestRedis> {
  const none = async () => {};
  const given = env['REDIS_URL'];
  if (given) {
    return (await redisAnswers(given)) ? { url: given, stop: none } : { problem: `REDIS_URL=${given} does not answer PING`, stop: none };
  }
  if (await redisAnswers(local)) return { url: local, stop: none };
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<string>((resolve) => server.once('error', (error) => resolve(error.message)));
  const url = `redis://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const problem = await Promise.race([failed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 100))]);
    if (problem) break;
    if (await redisAnswers(url)) return { url, stop };
  }
  await stop();
  return {
    problem: `no Redis answers on ${local} and redis-server could not be started: install redis-server (the CI step "Redis" does) or set REDIS_URL`,
    stop: none,
  };
}
