/**
 * Closed-loop HTTP load from a worker thread (its own event loop, like clients on another
 * machine): `connections` loops over keep-alive sockets, each posting its next body as soon as the
 * previous answer arrived. Only answers completed after the warm-up count; `onMeasureStart` and the
 * resolved report bracket the measured window, so a caller can read a process's CPU time around
 * exactly that window. One worker for every scenario: the report holds both views of the answers,
 * good-answer latency (router) and outcomes by HTTP status and error code (overload, flood).
 *
 * A body may hold `__STARTS__` / `__ENDS__`: each request gets its own 10-minute slot there (a
 * booking that never clashes with another), counted from `slotBase`.
 */
import { Worker } from 'node:worker_threads';

/** Outcomes by status and code (rounds of one variant add up: {@link mergeStatusReports}). */
export interface StatusReport {
  /** Answers by HTTP status, or by socket error code (ECONNRESET: a hang-up; TIMEOUT: no answer in 30 s). */
  statuses: Record<string, number>;
  /** Answers by the first error's `extensions.code` (`none` for an answer without errors). */
  codes: Record<string, number>;
  /** 429 and 503 answers without a `Retry-After` header. */
  refusalsWithoutRetryAfter: number;
  /** Latencies of answers that were not refused (not 429/503, not a socket error), ms. */
  admittedTimes: number[];
  /** Latencies of 429/503 answers, ms. */
  refusedTimes: number[];
  /** Length of the measured window, ms. */
  windowMs: number;
}

/** What one run got back. */
export interface LoadReport extends StatusReport {
  /** Answers in the measured window. */
  completed: number;
  /** Answers that were not HTTP 200 with data and no errors (or failed on the socket). */
  errors: number;
  /** A few distinct failures, for the notes. */
  errorSamples: string[];
  /** Latencies of every measured answer, ms. */
  times: number[];
}

/** Where and how hard to load. */
export interface LoadTarget {
  url: string;
  /** Extra headers (authorization). */
  headers: Record<string, string>;
  /** Request bodies, cycled. */
  bodies: string[];
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** The first booking slot's start (ms since the epoch) for `__STARTS__` bodies. */
  slotBase?: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, connections, warmupMs, durationMs, headers, slotBase } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const statuses = {}, codes = {}, admittedTimes = [], refusedTimes = [], times = [], samples = new Set();
let refusalsWithoutRetryAfter = 0, completed = 0, errors = 0, measuring = false, running = true, next = 0, slot = 0;
const count = (map, key) => { map[key] = (map[key] || 0) + 1; };
const fixed = workerData.bodies.map((body) => Buffer.from(body));
function bodyOf(i) {
  const template = workerData.bodies[i];
  if (!template.includes('__STARTS__')) return fixed[i];
  const starts = slotBase + (slot++) * 600000;
  return Buffer.from(template.replace('__STARTS__', new Date(starts).toISOString()).replace('__ENDS__', new Date(starts + 600000).toISOString()));
}
function once(body) {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let code = 'none', ok = false;
        try {
          const json = JSON.parse(text);
          if (json.errors && json.errors.length) code = String((json.errors[0].extensions || {}).code);
          ok = res.statusCode === 200 && !json.errors && json.data != null;
        } catch { code = 'unparsable'; }
        resolve({ status: String(res.statusCode), code, retryAfter: res.headers['retry-after'] !== undefined, failure: ok ? undefined : res.statusCode + ' ' + text.slice(0, 200) });
      });
      res.on('error', (error) => resolve({ status: error.code || 'error', code: 'socket', failure: error.code || String(error) }));
    });
    req.setTimeout(30000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => resolve({ status: error.code || String(error), code: 'socket', failure: error.code || String(error) }));
    req.end(body);
  });
}
async function loop() {
  while (running) {
    const body = bodyOf(next++ % fixed.length);
    const started = performance.now();
    const answer = await once(body);
    if (!measuring) continue;
    const ms = performance.now() - started;
    completed += 1;
    times.push(ms);
    if (answer.failure !== undefined) { errors += 1; if (samples.size < 5) samples.add(answer.failure); }
    count(statuses, answer.status);
    count(codes, answer.code);
    const refused = answer.status === '429' || answer.status === '503';
    if (refused && !answer.retryAfter) refusalsWithoutRetryAfter += 1;
    if (refused) refusedTimes.push(ms);
    else if (answer.code !== 'socket') admittedTimes.push(ms);
  }
}
let measureStart = 0;
setTimeout(() => { measuring = true; measureStart = performance.now(); parentPort.postMessage({ measuring: true }); }, warmupMs);
setTimeout(() => { running = false; }, warmupMs + durationMs);
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ completed, errors, errorSamples: [...samples], times, statuses, codes, refusalsWithoutRetryAfter, admittedTimes, refusedTimes, windowMs: performance.now() - measureStart });
});
`;

/**
 * Runs one closed-loop load and resolves with its report.
 * @param target - URL, headers, bodies, connections, warm-up and measured time, first slot
 * @param onMeasureStart - called when the measured window opens
 */
export function closedLoop(target: LoadTarget, onMeasureStart: () => void = () => undefined): Promise<LoadReport> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { slotBase: 0, ...target } });
  return new Promise<LoadReport>((resolve, reject) => {
    worker.on('message', (message: { measuring?: true } & LoadReport) => {
      if (message.measuring) return onMeasureStart();
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
}

/**
 * Two reports of the same load added up (rounds of one variant).
 * @param a - one
 * @param b - the other
 */
export function mergeStatusReports(a: StatusReport, b: StatusReport): StatusReport {
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [key, n] of Object.entries(y)) out[key] = (out[key] ?? 0) + n;
    return out;
  };
  return {
    statuses: add(a.statuses, b.statuses),
    codes: add(a.codes, b.codes),
    refusalsWithoutRetryAfter: a.refusalsWithoutRetryAfter + b.refusalsWithoutRetryAfter,
    admittedTimes: [...a.admittedTimes, ...b.admittedTimes],
    refusedTimes: [...a.refusedTimes, ...b.refusedTimes],
    windowMs: a.windowMs + b.windowMs,
  };
}
