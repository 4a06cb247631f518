/**
 * A fleet of subscribers for the `fanout` scenario, in a worker thread (its own event loop, like
 * clients on other machines): raw graphql-transport-ws over `ws`, one connection and one
 * subscription each. Each records, per event, when it arrived against the event's `occurredAt`
 * (the commit's time: commit-to-client latency on one clock), and how its connection ended.
 */
import { Worker } from 'node:worker_threads';

/** One subscriber: its token and document. */
export interface FleetMember {
  token: string;
  query: string;
}

/** What one subscriber received. */
export interface MemberReport {
  /** appointment id → latency ms (first arrival only). */
  received: Record<string, number>;
  /** Error payloads received (`next` with errors, `error` messages). */
  errors: number;
  /** Close code when the router closed the connection before the end (0: still open). */
  closedWith: number;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require('ws');
const reports = workerData.members.map(() => ({ received: {}, errors: 0, closedWith: 0 }));
const sockets = [];
let stopping = false;
function open(i) {
  return new Promise((resolve) => {
    const member = workerData.members[i];
    const report = reports[i];
    const socket = new WebSocket(workerData.url, 'graphql-transport-ws');
    sockets[i] = socket;
    let settled = false;
    const done = () => { if (!settled) { settled = true; resolve(); } };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + member.token } })));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: member.query } }));
        done();
      } else if (message.type === 'next') {
        const now = Date.now();
        if (message.payload.errors) report.errors += 1;
        const event = message.payload.data && message.payload.data.appointmentEvents;
        if (event && !(event.appointment.id in report.received)) report.received[event.appointment.id] = now - Date.parse(event.occurredAt);
      } else if (message.type === 'error') report.errors += 1;
      else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    });
    socket.on('close', (code) => { if (!stopping) report.closedWith = code; done(); });
    socket.on('error', () => done());
  });
}
async function connectAll() {
  const queue = workerData.members.map((_, i) => i);
  const lanes = Array.from({ length: 25 }, async () => { while (queue.length) await open(queue.shift()); });
  await Promise.all(lanes);
}
parentPort.on('message', async (command) => {
  if (command === 'connect') { await connectAll(); parentPort.postMessage({ type: 'connected' }); }
  else if (command === 'progress') parentPort.postMessage({ type: 'progress', counts: reports.map((r) => Object.keys(r.received).length) });
  else if (command === 'stop') {
    stopping = true;
    for (const socket of sockets) if (socket) socket.close(1000);
    parentPort.postMessage({ type: 'report', reports });
  }
});
`;

/** A running fleet. */
export interface Fleet {
  /** Opens every connection and subscription (25 at a time). */
  connect(): Promise<void>;
  /** How many distinct appointments each member has received so far. */
  progress(): Promise<number[]>;
  /** Closes every connection and returns what each received. */
  stop(): Promise<MemberReport[]>;
}

/**
 * Starts a fleet in a worker thread.
 * @param url - the router's ws:// URL
 * @param members - the subscribers
 */
export function startFleet(url: string, members: readonly FleetMember[]): Fleet {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, members } });
  const ask = <T>(command: string, type: string) =>
    new Promise<T>((resolve) => {
      const listener = (message: { type: string } & T) => {
        if (message.type !== type) return;
        worker.off('message', listener);
        resolve(message);
      };
      worker.on('message', listener);
      worker.postMessage(command);
    });
  return {
    connect: async () => void (await ask('connect', 'connected')),
    progress: async () => (await ask<{ counts: number[] }>('progress', 'progress')).counts,
    stop: async () => {
      const { reports } = await ask<{ reports: MemberReport[] }>('stop', 'report');
      await worker.terminate();
      return reports;
    },
  };
}
