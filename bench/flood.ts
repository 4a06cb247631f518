/**
 * A closed-loop flood from a worker thread (its own event loop, like a client on another machine):
 * `clients` loops over keep-alive connections, each posting one prebuilt body anonymously as soon
 * as the previous answer arrived, so the attacker's own CPU stays small.
 */
import { Worker } from 'node:worker_threads';

/** What a flood got back: answers by HTTP status (or socket error code) and how long each took. */
export interface FloodReport {
  statuses: Record<string, number>;
  times: number[];
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.clients });
const body = Buffer.from(workerData.body);
let running = true;
const statuses = {};
const times = [];
parentPort.on('message', () => { running = false; });
function once() {
  return new Promise((resolve) => {
    const req = http.request(workerData.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (error) => resolve(error.code ?? 'error'));
    req.end(body);
  });
}
async function loop() {
  while (running) {
    const started = performance.now();
    const status = await once();
    statuses[status] = (statuses[status] ?? 0) + 1;
    times.push(performance.now() - started);
  }
}
Promise.all(Array.from({ length: workerData.clients }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ statuses, times }); });
`;

/**
 * Runs `work` while `clients` anonymous loops post `body` to `url`; the flood starts 300 ms before
 * `work` so it is at full speed, and stops after it.
 * @param target - the URL, the request body, how many parallel clients
 * @param work - what to measure meanwhile
 */
export async function duringFlood<T>(target: { url: string; body: string; clients: number }, work: () => Promise<T>): Promise<[T, FloodReport]> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: target });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const result = await work();
  const report = new Promise<FloodReport>((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  const flood = await report;
  await worker.terminate();
  return [result, flood];
}
