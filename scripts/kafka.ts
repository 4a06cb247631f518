/**
 * Apache Kafka for local work and tests, without Docker:
 *   npm run kafka -- start     resolve the jars (once, cached), format KRaft storage, start, wait
 *   npm run kafka -- stop      controlled shutdown
 *   npm run kafka -- status    running or not
 * KAFKA_PORT (9092; the controller uses +1), KAFKA_DATA_DIR (.data/kafka), KAFKA_CACHE_DIR,
 * KAFKA_HEAP (512m).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portAnswers, runningPid, startBroker, stopBroker } from './kafka/broker.ts';
import { defaultCacheDir, ensureKafkaJars } from './kafka/jars.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const port = Number(env['KAFKA_PORT'] ?? 9092);
const dataDir = env['KAFKA_DATA_DIR'] ?? path.join(root, '.data', 'kafka');
const command = process.argv[2] ?? 'status';

if (!Number.isInteger(port) || port <= 0 || port >= 65535) {
  console.error(`KAFKA_PORT must be a port number, got ${env['KAFKA_PORT']}`);
  process.exit(2);
}

switch (command) {
  case 'start': {
    const libs = await ensureKafkaJars(defaultCacheDir(env), (line) => console.log(line));
    const started = await startBroker({ libs, dataDir, port, heap: env['KAFKA_HEAP'] ?? '512m' });
    console.log(`Kafka ${started.brokers} (pid ${started.pid}, data ${dataDir})`);
    break;
  }
  case 'stop':
    console.log((await stopBroker(dataDir)) ? 'Kafka stopped' : 'Kafka was not running');
    break;
  case 'status': {
    const pid = runningPid(dataDir);
    const answering = await portAnswers(port);
    console.log(pid && answering ? `running (pid ${pid}) on 127.0.0.1:${port}` : 'not running');
    process.exitCode = pid && answering ? 0 : 1;
    break;
  }
  default:
    console.error(`unknown command "${command}"; use start, stop or status`);
    process.exit(2);
}
