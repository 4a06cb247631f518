/**
 * Raw graphql-transport-ws traffic for the WebSocket fuzz: frames that break the protocol at every
 * layer (bytes that are not UTF-8, text that is not JSON, JSON of the wrong shape, messages out of
 * order, duplicate ids, payloads around the size limit, hostile connection_init payloads), and a
 * socket helper that records everything the server answers until it closes or falls quiet.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { anyJson, hostileString } from './hostile-values.ts';

/** One frame to send: text, binary, or a text frame whose bytes are not UTF-8. */
export type Frame = { kind: 'text'; data: string } | { kind: 'binary'; data: Uint8Array } | { kind: 'raw-text'; data: Buffer };

/** A whole raw session: how the socket opens, how it signs in, then the frames. */
export interface RawSession {
  subprotocol: string | undefined;
  origin: string | undefined;
  /** undefined: no connection_init; 'valid': a real token; otherwise the hostile payload as sent. */
  init: undefined | 'valid' | { payload: unknown };
  frames: Frame[];
}

/** What the server did with a raw session. */
export interface RawOutcome {
  messages: string[];
  closeCode?: number;
  closeReason?: string;
  /** Why the client gave up on the socket, if it did (e.g. the server chose no subprotocol). */
  clientError?: string;
  /** The client closed first (the server fell quiet); closeCode is then the echo of ours. */
  closedByClient: boolean;
  /** The session exceeded its time limit without closing or falling quiet. */
  timedOut: boolean;
}

const MESSAGE_TYPES = ['connection_init', 'connection_ack', 'ping', 'pong', 'subscribe', 'next', 'error', 'complete', 'start', 'stop', 'connection_terminate', 'ka'];

/** A subscription the router accepts for admins, doctors and ward staff (quiet until an event). */
export const VALID_SUBSCRIPTION = 'subscription { appointmentEvents { id type } }';

const text = (data: string): Frame => ({ kind: 'text', data });
const json = (value: unknown): Frame => text(JSON.stringify(value) ?? 'null');
const DUPLICATE = json({ type: 'subscribe', id: 'dup', payload: { query: VALID_SUBSCRIPTION } });

/**
 * A subscribe message of about `bytes` bytes (the query padded with spaces, which parse away).
 * @param bytes - the message's size in bytes
 */
export function subscribeOfSize(bytes: number): string {
  const shell = JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: VALID_SUBSCRIPTION } });
  return JSON.stringify({ id: 'big', type: 'subscribe', payload: { query: VALID_SUBSCRIPTION + ' '.repeat(Math.max(0, bytes - shell.length)) } });
}

/**
 * Frames that break the protocol at every layer.
 * @param limitBytes - the server's largest accepted message
 */
export function hostileFrame(limitBytes: number): fc.Arbitrary<Frame> {
  const bytes = fc.uint8Array({ maxLength: 300 });
  const notJson = fc.oneof(
    hostileString.filter((s) => s.length < 20_000),
    fc.constantFrom('{', '{"type":', '{"type":"subscribe","id":"1","payload":{"query":', '[]', '""', 'null', '1e999', '{"type":"ping"}}', '\u0000'),
  );
  const wrongShape = fc
    .record(
      {
        type: fc.oneof(
          fc.constantFrom(...MESSAGE_TYPES),
          hostileString.filter((s) => s.length < 200),
          anyJson,
        ),
        id: fc.oneof(
          fc.constantFrom('1', '', 'dup'),
          hostileString.filter((s) => s.length < 200),
          anyJson,
        ),
        payload: fc.oneof(
          anyJson,
          fc.record(
            {
              query: fc.oneof(
                hostileString.filter((s) => s.length < 20_000),
                anyJson,
              ),
              variables: anyJson,
              operationName: anyJson,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .map(json);
  const protocol = fc.constantFrom(
    json({ type: 'subscribe', id: 'dup', payload: { query: VALID_SUBSCRIPTION } }),
    json({ type: 'subscribe', id: 'q', payload: { query: '{ me { id } }' } }),
    json({ type: 'subscribe', id: 'm', payload: { query: 'mutation { logout }' } }),
    json({ type: 'complete', id: 'never-subscribed' }),
    json({ type: 'complete', id: 'dup' }),
    json({ type: 'ping' }),
    json({ type: 'ping', payload: { x: 1 } }),
    json({ type: 'pong' }),
    json({ type: 'connection_init' }),
    json({ type: 'next', id: 'dup', payload: { data: {} } }),
    json({ type: 'start', id: '1', payload: { query: VALID_SUBSCRIPTION } }),
  );
  // Around the limit: just under is parsed (and refused as too large a document or accepted),
  // just above is cut off by the WebSocket layer.
  const sized = fc.integer({ min: limitBytes - 512, max: limitBytes + 512 }).map((n) => text(subscribeOfSize(n)));
  const bigBinary = fc.integer({ min: limitBytes - 16, max: limitBytes + 16 }).map((n): Frame => ({ kind: 'binary', data: new Uint8Array(n).fill(0x7b) }));
  return fc.oneof(
    { arbitrary: bytes.map((data): Frame => ({ kind: 'binary', data })), weight: 2 },
    { arbitrary: bytes.map((data): Frame => ({ kind: 'raw-text', data: Buffer.concat([Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(data)]) })), weight: 1 },
    { arbitrary: notJson.map(text), weight: 3 },
    { arbitrary: wrongShape, weight: 4 },
    { arbitrary: protocol, weight: 4 },
    { arbitrary: anyJson.map(json), weight: 2 },
    { arbitrary: sized, weight: 1 },
    { arbitrary: bigBinary, weight: 1 },
  );
}

/**
 * Whole raw sessions: mostly the right subprotocol and a valid sign-in, then hostile frames.
 * @param limitBytes - the server's largest accepted message
 */
export function rawSession(limitBytes: number): fc.Arbitrary<RawSession> {
  const hostileInit = fc.oneof(
    anyJson,
    fc.record({ authorization: fc.oneof(hostileString, anyJson) }),
    hostileString.map((s) => ({ authorization: `Bearer ${s}` })),
    fc.constantFrom<unknown>({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, { Authorization: 'x' }, { authorization: ['Bearer a'] }),
  );
  return fc.record({
    subprotocol: fc.oneof({ arbitrary: fc.constant('graphql-transport-ws'), weight: 12 }, { arbitrary: fc.constantFrom(undefined, 'graphql-ws', 'nope'), weight: 1 }),
    origin: fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: fc.constantFrom('http://evil.example', 'null'), weight: 1 }),
    init: fc.oneof(
      { arbitrary: fc.constant<'valid'>('valid'), weight: 6 },
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: hostileInit.map((payload) => ({ payload })), weight: 3 },
    ),
    // Sometimes opened by an id reused while its subscription is live (4409) or after it completed.
    frames: fc
      .tuple(
        fc.constantFrom<Frame[]>([], [], [DUPLICATE, DUPLICATE], [DUPLICATE, json({ type: 'complete', id: 'dup' }), DUPLICATE]),
        fc.array(hostileFrame(limitBytes), { minLength: 1, maxLength: 5 }),
      )
      .map(([opening, rest]) => [...opening, ...rest]),
  });
}

/**
 * Plays one raw session against the endpoint and records the answers. It ends when the server
 * closes, when nothing arrives for `quietMs` after the last frame, or after `limitMs` (a hang).
 * @param url - ws:// URL of the endpoint
 * @param session - what to send
 * @param initPayload - the payload of a 'valid' connection_init
 * @param timing - quiet time and overall limit
 */
export async function playRawSession(url: string, session: RawSession, initPayload: unknown, timing: { quietMs: number; limitMs: number }): Promise<RawOutcome> {
  const socket = new WebSocket(url, session.subprotocol ? [session.subprotocol] : [], session.origin ? { headers: { origin: session.origin } } : {});
  const outcome: RawOutcome = { messages: [], closedByClient: false, timedOut: false };
  let lastActivity = Date.now();
  const closed = new Promise<void>((resolve) => {
    socket.on('close', (code, reason) => {
      outcome.closeCode = code;
      outcome.closeReason = reason.toString();
      resolve();
    });
  });
  socket.on('message', (data) => {
    lastActivity = Date.now();
    outcome.messages.push(String(data));
  });
  socket.on('error', (error) => (outcome.clientError = error.message));
  const deadline = Date.now() + timing.limitMs;
  const isOpen = () => socket.readyState === WebSocket.OPEN;
  await Promise.race([new Promise((resolve) => socket.once('open', resolve)), closed]);
  const send = (frame: Frame) =>
    new Promise<void>((resolve) => {
      if (!isOpen()) return resolve();
      const done = () => resolve();
      if (frame.kind === 'text') socket.send(frame.data, done);
      else socket.send(frame.data, { binary: frame.kind === 'binary' }, done);
    });
  if (session.init !== undefined && isOpen()) {
    await send(json({ type: 'connection_init', payload: session.init === 'valid' ? initPayload : session.init.payload }));
    // Wait for the acknowledgement (or the refusal) so the frames meet a settled connection.
    while (isOpen() && outcome.messages.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  }
  for (const frame of session.frames) {
    await send(frame);
    lastActivity = Date.now();
  }
  while (isOpen() && Date.now() - lastActivity < timing.quietMs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  if (isOpen() && Date.now() >= deadline) outcome.timedOut = true;
  if (socket.readyState !== WebSocket.CLOSED) {
    if (socket.readyState === WebSocket.OPEN) {
      outcome.closedByClient = true;
      socket.close(1000);
    }
    // A server that never completes the closing handshake would hang here: give it a bound.
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000))]);
    // (Read again: the await above may have changed it.)
    if ((socket.readyState as number) !== WebSocket.CLOSED) {
      outcome.timedOut = true;
      socket.terminate();
    }
  }
  return outcome;
}
