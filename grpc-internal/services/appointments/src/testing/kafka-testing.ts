/**
 * Kafka helpers for integration tests: a private broker that a test may stop and start again (the
 * run's shared broker must stay up); reading a topic back is @hospital/test-support/kafka-topic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startBroker, stopBroker } from '../../../../../scripts/kafka/broker.ts';
import { defaultCacheDir, ensureKafkaJars } from '../../../../../scripts/kafka/jars.ts';

// Reading a topic back and polling live in @hospital/test-support/kafka-topic (every department's relay tests use them).
export { readTopic, waitFor } from '@hospital/test-support/kafka-topic';

async function portsFree(port: number): Promise<boolean> {
  const tryListen = (p: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(p, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  return (await tryListen(port)) && (await tryListen(port + 1));
}

/** A private single-node broker on free ports with a throw-away data folder. */
export interface PrivateBroker {
  brokers: string;
  /** Stops the JVM (the data folder stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes the data folder. */
  remove(): Promise<void>;
}

/**
 * Starts a private broker (jars from the project's cache, resolved by the run's global setup).
 * @param env - environment for the cache location (process.env in tests)
 */
export async function startPrivateBroker(env: Record<string, string | undefined>): Promise<PrivateBroker> {
  const libs = await ensureKafkaJars(defaultCacheDir(env));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hospital-kafka-private-'));
  let port = 0;
  // The controller takes port + 1: pick a random free pair below Linux's ephemeral range
  // (32768–60999), so no outgoing connection can take it while the broker is down and restarting.
  for (let attempt = 0; attempt < 50 && port === 0; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (await portsFree(candidate)) port = candidate;
  }
  if (port === 0) throw new Error('no free port pair for a private broker');
  const start = async () => void (await startBroker({ libs, dataDir, port, heap: '256m' }));
  await start();
  return {
    brokers: `127.0.0.1:${port}`,
    stop: async () => void (await stopBroker(dataDir)),
    start,
    async remove() {
      await stopBroker(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
