/**
 * Load shedding at the edge: at most `maxInFlight` operations run at once, at most `maxQueued`
 * wait for a slot, and none waits longer than `queueMaxWaitMs`. Past that the router answers 503
 * SERVICE_UNAVAILABLE with `Retry-After` at once, for almost no work, so the operations it did
 * admit keep their latency instead of every request slowing down until clients time out and the
 * subgraphs hang up. (429 stays for per-client budgets: this is the router's own capacity.)
 *
 * The step runs first among the document steps: after the caller's budgets AND after the body has
 * been read (HTTP), before the document is parsed, so a client trickling its body holds no slot
 * (the server's request timeout bounds it instead). It holds its slot until the transport says the
 * request is answered (`RequestFacts.onSettled`, HTTP: the response closed, or the client went
 * away); a waiter whose client goes away leaves the queue at once (`RequestFacts.signal`).
 * Anonymous callers share at most a quarter of the slots, so they cannot starve signed-in staff. A transport without that hook (a WebSocket handshake or subscribe)
 * waits its turn the same way but gives the slot back once admitted: a subscription is long-lived
 * and bounded by the WebSocket budgets, but it is not started while the router is saturated.
 */
import { refuse, type AdmissionRefusal } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/** The shedding limits (ROUTER_MAX_IN_FLIGHT, ROUTER_MAX_QUEUED, ROUTER_QUEUE_MAX_WAIT_MS, ROUTER_TARGET_LATENCY_MS). */
export interface LoadShedLimits {
  /** Operations running at once, at most; 0 turns shedding off. */
  maxInFlight: number;
  /**
   * The mean time an admitted operation should take, milliseconds: the in-flight limit adapts
   * (below `maxInFlight`) to keep it there; 0 keeps the limit fixed at `maxInFlight`.
   */
  targetLatencyMs: number;
  /** Operations waiting for a slot; beyond them a request is refused at once. */
  maxQueued: number;
  /** Longest wait for a slot, milliseconds; 0: never wait. */
  queueMaxWaitMs: number;
  /** The `Retry-After` of a shed request, seconds. */
  retryAfterSeconds: number;
}

/**
 * Defaults: a ceiling of 32 operations (about twice the connections at which the 2-core
 * development machine stops gaining throughput, bench/scenarios/overload.ts), adapted down to keep
 * the mean admitted operation near 500 ms, and a 1 s wait: an admitted request's p99 stays within
 * about 2 s however slow the machine is.
 */
export const DEFAULT_LOAD_SHED_LIMITS: LoadShedLimits = { maxInFlight: 32, targetLatencyMs: 500, maxQueued: 64, queueMaxWaitMs: 1_000, retryAfterSeconds: 1 };

/** The adaptive limit never goes below this (a slow machine still serves a few at once). */
const MIN_IN_FLIGHT = 4;
/** How often the adaptive limit is reconsidered, and on how few completions at least. */
const WINDOW_MS = 500;
const MIN_SAMPLES = 5;

/**
 * Gives a slot back (idempotent). `completed` false (the client went away mid-operation) keeps the
 * operation's time out of the adaptive limit's latency signal.
 */
export type Release = (completed?: boolean) => void;

/** Who asks for a slot, and when they stop waiting. */
export interface AcquireOptions {
  /** An anonymous caller: at most {@link ANONYMOUS_SHARE} of the slots and of the queue. */
  anonymous?: boolean;
  /** Aborted when the client goes away: a waiter leaves the queue at once. */
  signal?: AbortSignal;
}

/**
 * The share of slots (and queue places) anonymous callers may hold together, so a flood of
 * unauthenticated requests cannot take every slot from signed-in staff.
 */
export const ANONYMOUS_SHARE = 0.25;

type Waiter = { anonymous: boolean; grant: (release: Release | undefined) => void; timer: NodeJS.Timeout; cleanup: () => void };

/**
 * Counts slots and queues waiters, first come first served (an anonymous waiter past its share
 * lets signed-in waiters behind it go first). With a latency target the limit adapts (AIMD over
 * half-second windows): a window whose mean operation took longer than the target cuts the limit
 * by a fifth; one within it raises the limit by a quarter, up to `maxInFlight`. By Little's law the
 * limit then settles near throughput × target, whatever the machine manages. Only time spent
 * holding a slot counts: the wait in the queue and anything before admission do not.
 */
export class LoadShedder {
  private running = 0;
  private anonymousRunning = 0;
  private currentLimit: number;
  private windowStartedAt = Date.now();
  private windowTotalMs = 0;
  private windowCount = 0;
  private readonly waiting: Waiter[] = [];
  /** Requests refused so far (diagnostics and tests). */
  shed = 0;

  /** @param limits - the limits; `maxInFlight` 0 admits everything */
  constructor(readonly limits: LoadShedLimits) {
    this.currentLimit = limits.maxInFlight;
  }

  /** Operations allowed at once now (the adaptive limit). */
  get limit(): number {
    return this.currentLimit;
  }

  /** Operations holding a slot now. */
  get inFlight(): number {
    return this.running;
  }

  /** Operations waiting for one. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Slots anonymous callers may hold together now (at least one). */
  get anonymousLimit(): number {
    return Math.max(1, Math.floor(this.currentLimit * ANONYMOUS_SHARE));
  }

  /**
   * A slot (resolved when one is free), or undefined when the queue is full, the wait ran out or
   * the client went away.
   * @param options - anonymous caller, abort signal
   */
  acquire(options: AcquireOptions = {}): Promise<Release | undefined> {
    const { maxInFlight, maxQueued, queueMaxWaitMs } = this.limits;
    const anonymous = options.anonymous ?? false;
    if (maxInFlight === 0) return Promise.resolve(() => {});
    if (options.signal?.aborted) return Promise.resolve(undefined);
    if (this.mayRun(anonymous) && !this.waiting.some((waiter) => this.mayRun(waiter.anonymous))) return Promise.resolve(this.take(anonymous));
    const queueShare = anonymous ? Math.floor(maxQueued * ANONYMOUS_SHARE) : maxQueued;
    const queuedOfKind = anonymous ? this.waiting.filter((waiter) => waiter.anonymous).length : this.waiting.length;
    if (this.waiting.length >= maxQueued || queuedOfKind >= queueShare || queueMaxWaitMs === 0) return Promise.resolve(this.refused());
    return new Promise((resolve) => {
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index !== -1) this.waiting.splice(index, 1);
        waiter.cleanup();
      };
      const onAbort = () => {
        leave();
        resolve(undefined);
      };
      const waiter: Waiter = {
        anonymous,
        grant: (release) => resolve(release),
        timer: setTimeout(() => {
          leave();
          resolve(this.refused());
        }, queueMaxWaitMs),
        cleanup: () => {
          clearTimeout(waiter.timer);
          options.signal?.removeEventListener('abort', onAbort);
        },
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private mayRun(anonymous: boolean): boolean {
    return this.running < this.currentLimit && (!anonymous || this.anonymousRunning < this.anonymousLimit);
  }

  private refused(): undefined {
    this.shed += 1;
    return undefined;
  }

  private take(anonymous: boolean): Release {
    this.running += 1;
    if (anonymous) this.anonymousRunning += 1;
    const startedAt = Date.now();
    let released = false;
    return (completed = true) => {
      if (released) return;
      released = true;
      this.running -= 1;
      if (anonymous) this.anonymousRunning -= 1;
      if (completed) this.observe(Date.now() - startedAt);
      this.drain();
    };
  }

  /** Hands free slots to the longest waiters that may run. */
  private drain(): void {
    for (let index = 0; index < this.waiting.length && this.running < this.currentLimit;) {
      const next = this.waiting[index]!;
      if (!this.mayRun(next.anonymous)) {
        index += 1;
        continue;
      }
      this.waiting.splice(index, 1);
      next.cleanup();
      next.grant(this.take(next.anonymous));
    }
  }

  /** Counts one operation's time and, once a window is full, moves the limit. */
  private observe(durationMs: number): void {
    const { targetLatencyMs, maxInFlight } = this.limits;
    if (targetLatencyMs === 0) return;
    this.windowTotalMs += durationMs;
    this.windowCount += 1;
    const now = Date.now();
    if (now - this.windowStartedAt < WINDOW_MS || this.windowCount < MIN_SAMPLES) return;
    const mean = this.windowTotalMs / this.windowCount;
    const floor = Math.min(MIN_IN_FLIGHT, maxInFlight);
    this.currentLimit = mean > targetLatencyMs ? Math.max(floor, Math.floor(this.currentLimit * 0.8)) : Math.min(maxInFlight, Math.ceil(this.currentLimit * 1.25));
    this.windowStartedAt = now;
    this.windowTotalMs = 0;
    this.windowCount = 0;
    // A raised limit frees room for waiters at once.
    this.drain();
  }
}

/** What a shed request is told (clients and tests tell a shed request from other 503s by it). */
export const LOAD_SHED_MESSAGE = 'The system is busy; try again shortly.';

/**
 * The refusal of a shed request.
 * @param retryAfterSeconds - when to come back
 */
export function overloaded(retryAfterSeconds: number): AdmissionRefusal {
  return refuse('load-shed', 'SERVICE_UNAVAILABLE', LOAD_SHED_MESSAGE, { retryAfterSeconds });
}

/** Takes a slot for the request, or refuses it 503 when the router is saturated. */
export const loadShed: AdmissionStep = {
  name: 'load-shed',
  async run(state, deps) {
    const shedder = deps.loadShedder;
    if (!shedder) return undefined;
    const { signal } = state.facts;
    const release = await shedder.acquire({ anonymous: state.caller.kind !== 'user' && state.caller.kind !== 'app', signal });
    if (!release) return overloaded(shedder.limits.retryAfterSeconds);
    if (state.facts.onSettled) state.facts.onSettled(release);
    else release();
    return undefined;
  },
};
