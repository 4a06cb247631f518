/**
 * A single-node Apache Kafka (KRaft, combined broker + controller) on 127.0.0.1: format the
 * storage once, start the JVM detached with a pid file, wait until it accepts connections, stop it.
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where and how to run the broker. */
export interface BrokerOptions {
  /** Folder with the broker's jars (see ensureKafkaJars). */
  libs: string;
  /** Data folder: KRaft metadata, logs, pid file, broker log. */
  dataDir: string;
  /** Client port; the controller listens on port + 1. */
  port: number;
  /** JVM heap, e.g. "512m". */
  heap?: string;
}

const classpath = (libs: string) => `${libs}/*`;
const pidFile = (dataDir: string) => path.join(dataDir, 'broker.pid');

function serverProperties(options: BrokerOptions): string {
  const controllerPort = options.port + 1;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${options.port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${options.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${path.join(options.dataDir, 'log')}`,
    // One node: internal topics cannot be replicated.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are created by the project with explicit settings, never by accident.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/**
 * True when something accepts TCP connections on 127.0.0.1:port.
 * @param port - the port to probe
 */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * The pid of a broker started from dataDir that is still alive, if any.
 * @param dataDir - the broker's data folder
 */
export function runningPid(dataDir: string): number | undefined {
  if (!existsSync(pidFile(dataDir))) return undefined;
  const pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Formats (first time only) and starts the broker; resolves once it accepts connections.
 * @param options - jars, data folder, port
 * @param timeoutMs - how long start-up may take
 */
export async function startBroker(options: BrokerOptions, timeoutMs = 90_000): Promise<{ pid: number; brokers: string }> {
  const brokers = `127.0.0.1:${options.port}`;
  const existing = runningPid(options.dataDir);
  if (existing && (await portAnswers(options.port))) return { pid: existing, brokers };
  if (await portAnswers(options.port)) throw new Error(`Port ${options.port} is taken by something that is not this broker`);
  mkdirSync(options.dataDir, { recursive: true });
  const properties = path.join(options.dataDir, 'server.properties');
  writeFileSync(properties, serverProperties(options));
  if (!existsSync(path.join(options.dataDir, 'log', 'meta.properties'))) {
    await run('java', ['-cp', classpath(options.libs), 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', properties]);
  }
  const logFd = openSync(path.join(options.dataDir, 'broker.log'), 'a');
  const child = spawn(
    'java',
    [`-Xmx${options.heap ?? '512m'}`, '-XX:+UseSerialGC', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', classpath(options.libs), 'kafka.Kafka', properties],
    { detached: true, stdio: ['ignore', logFd, logFd] },
  );
  child.unref();
  if (!child.pid) throw new Error('java did not start');
  writeFileSync(pidFile(options.dataDir), String(child.pid));
  const deadline = Date.now() + timeoutMs;
  while (!(await portAnswers(options.port))) {
    if (runningPid(options.dataDir) === undefined) throw new Error(`Kafka exited during start-up; see ${path.join(options.dataDir, 'broker.log')}`);
    if (Date.now() > deadline) throw new Error(`Kafka not accepting connections on ${brokers} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { pid: child.pid, brokers };
}

/**
 * Stops the broker started from dataDir (SIGTERM, then SIGKILL after graceMs).
 * @param dataDir - the broker's data folder
 * @param graceMs - time for a controlled shutdown
 */
export async function stopBroker(dataDir: string, graceMs = 20_000): Promise<boolean> {
  const pid = runningPid(dataDir);
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (runningPid(dataDir) !== undefined) {
    if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
  }
  rmSync(pidFile(dataDir), { force: true });
  return true;
}

/**
 * A KRaft cluster id: 16 random bytes, base64url without padding (what StorageTool random-uuid
 * prints). One starting with "-" would be read as a command-line option, so draw again.
 */
function clusterId(): string {
  for (;;) {
    const id = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
