/**
 * A real Apache Kafka broker for the test run: the project's own scripts resolve the jars with
 * Maven (cached) and start a single KRaft node on a free port with a throw-away data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startBroker, stopBroker } from '../scripts/kafka/broker.ts';
import { defaultCacheDir, ensureKafkaJars } from '../scripts/kafka/jars.ts';

async function freePortPair(): Promise<number> {
  // The controller takes port + 1, so look for two free ports in a row.
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as net.AddressInfo;
        server.close(() => resolve(p));
      });
    });
    const next = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (next && port < 65534) return port;
  }
  throw new Error('no two consecutive free ports found');
}

/**
 * Starts a broker for this run.
 * @param env - environment (cache folder overrides)
 */
export async function startTestKafka(env: Record<string, string | undefined>): Promise<{ brokers: string; stop(): Promise<void> }> {
  const libs = await ensureKafkaJars(defaultCacheDir(env), (line) => console.log(line));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hospital-kafka-'));
  const port = await freePortPair();
  const { brokers } = await startBroker({ libs, dataDir, port, heap: '384m' });
  return {
    brokers,
    async stop() {
      await stopBroker(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
