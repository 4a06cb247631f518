/**
 * Structured JSON logs (pino) with the request id and caller bound from AsyncLocalStorage,
 * and secrets redacted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import { nonBlockingDestination } from './log-destination.ts';
import { currentTraceId } from './tracing/spans.ts';

/** What follows a request through router, subgraph and service. */
export interface RequestContext {
  /** The request id (x-request-id). */
  requestId: string;
  /** Caller's user id, when signed in. */
  userId?: string;
}

/** Holds the current request's context for log lines and outgoing calls. */
export const requestContextStore = new AsyncLocalStorage<RequestContext>();

/** Paths never written to logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hospital-identity"]',
  'headers.authorization',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.refresh_token',
  '*.access_token',
  'password',
  'token',
];

/**
 * Creates the root logger of one runnable.
 * @param name - the runnable's name, e.g. "patients-service"
 * @param level - minimum level
 * @param destination - where to write (stdout by default, never blocking: see log-destination.ts; tests pass a stream)
 */
export function createLogger(name: string, level: LevelWithSilent = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const ctx = requestContextStore.getStore();
        // With tracing on, the trace id joins a log line to its trace (the request id stays as it was).
        const traceId = currentTraceId();
        const ids = ctx ? { requestId: ctx.requestId, userId: ctx.userId } : {};
        return traceId ? { ...ids, traceId } : ids;
      },
    },
    destination ?? nonBlockingDestination(),
  );
}

export type { Logger, LevelWithSilent };
