/**
 * Password hashing with scrypt (memory-hard, in Node's crypto: no native addon to build).
 * Format: scrypt$N$r$p$salt$hash (base64), so parameters can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { rateLimited, serviceBusy } from './errors.ts';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Hashes a password with a fresh salt.
 * @param password - the clear password
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * A stored hash no password matches (random salt, random key), with the current parameters: checking
 * a password against it costs the same scrypt work as checking a real account's, and making it costs
 * none (sign-in checks unknown emails against it, so timing does not reveal which emails exist).
 */
export function decoyPasswordHash(): string {
  return ['scrypt', N, R, P, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');
}

/**
 * Checks a password against a stored hash in constant time.
 * @param password - the clear password
 * @param stored - the stored hash
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** How many password hashes may run at once, and how many may wait for a turn. */
export interface HashingLimits {
  /** Hashes running at once (scrypt runs on libuv's thread pool; more than the cores only queues there). */
  concurrency: number;
  /** Hashes waiting for a turn; one more is refused with SERVICE_UNAVAILABLE instead of waiting. */
  queueLimit: number;
  /**
   * Longest wait for a turn, ms (default 1000); past it the hash is refused with SERVICE_UNAVAILABLE,
   * so a loaded machine answers 503 well within the callers' deadlines instead of timing out (a 500).
   */
  maxWaitMs?: number;
  /**
   * Queue places one client (by its address key) may hold once every slot is busy (default 2); one
   * more is refused with RATE_LIMITED, so one address cannot fill the shared queue. While a slot
   * is free anyone gets it.
   */
  perKeyLimit?: number;
}

/** Password hashing with bounded concurrency: sign-in stays responsive under a flood of guesses. */
export interface PasswordHashing {
  /** {@link hashPassword} within the limits. */
  hash(password: string): Promise<string>;
  /**
   * {@link verifyPassword} within the limits.
   * @param key - the client's address key: its hashes in flight are capped by `perKeyLimit`
   */
  verify(password: string, stored: string, key?: string): Promise<boolean>;
}

/** Message of the refusal when every slot and queue place is taken. */
export const HASHING_BUSY_MESSAGE = 'Sign-in is busy; retry in a moment.';
/** Message of the refusal when one client already has its share of hashes in flight. */
export const HASHING_PER_CLIENT_MESSAGE = 'Too many sign-ins at once from your address; retry in a moment.';

/**
 * Wraps hashing in a semaphore with a bounded queue. A request that finds the queue full is refused
 * at once with SERVICE_UNAVAILABLE (HTTP 503, Retry-After 1) rather than waiting past its deadline
 * (which used to surface as INTERNAL_SERVER_ERROR) or piling up memory. A verify carrying a
 * client key is first held to that client's share (`perKeyLimit`), answered RATE_LIMITED past it.
 * @param limits - concurrency and queue bound
 */
export function createPasswordHashing(limits: HashingLimits): PasswordHashing {
  const maxWaitMs = limits.maxWaitMs ?? 1_000;
  const perKeyLimit = limits.perKeyLimit ?? 2;
  const queuedByKey = new Map<string, number>();
  let running = 0;
  const waiting: Array<() => void> = [];
  /** Waits for a slot handed over by a finishing hash, or gives up after maxWaitMs. */
  const turn = () =>
    new Promise<void>((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(wake), 1);
        reject(serviceBusy(HASHING_BUSY_MESSAGE, 1));
      }, maxWaitMs);
      waiting.push(wake);
    });
  /** Runs `work` in a slot, waiting for one if need be; `onTurn` is told when the slot is taken. */
  const run = async <T>(work: () => Promise<T>, onTurn?: () => void): Promise<T> => {
    if (running >= limits.concurrency) {
      if (waiting.length >= limits.queueLimit) throw serviceBusy(HASHING_BUSY_MESSAGE, 1);
      // The slot is handed over by the finishing hash, so `running` never drops in between.
      await turn();
    } else {
      running += 1;
    }
    onTurn?.();
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
  /**
   * Runs at once while a slot is free, whoever asks (staff behind one NAT sign in together at a
   * shift change); a client that has to wait may hold at most `perKeyLimit` queue places, so one
   * address cannot fill the queue, and freed slots go to the queue first, in order.
   */
  const runFor = async <T>(key: string | undefined, work: () => Promise<T>): Promise<T> => {
    if (key === undefined || running < limits.concurrency) return run(work);
    const queued = queuedByKey.get(key) ?? 0;
    if (queued >= perKeyLimit) throw rateLimited(HASHING_PER_CLIENT_MESSAGE, 1);
    queuedByKey.set(key, queued + 1);
    let left = false;
    const leaveQueue = () => {
      if (left) return;
      left = true;
      const rest = (queuedByKey.get(key) ?? 1) - 1;
      if (rest > 0) queuedByKey.set(key, rest);
      else queuedByKey.delete(key);
    };
    try {
      return await run(work, leaveQueue);
    } finally {
      leaveQueue();
    }
  };
  return {
    hash: (password) => run(() => hashPassword(password)),
    verify: (password, stored, key) => runFor(key, () => verifyPassword(password, stored)),
  };
}
