/**
 * Load shedding inside a service: at most `limit` unary calls run at once in one server process
 * (they share its database pool); one more is answered at once with UNAVAILABLE and an
 * `x-retry-after` of one second, which the subgraphs turn into SERVICE_UNAVAILABLE (503 with
 * `Retry-After`) by the error registry's rule. (Not RESOURCE_EXHAUSTED: with a retry delay that
 * status means a per-client refusal, RATE_LIMITED.) The router sheds first; this bound protects a
 * department from the sum of several routers, or from a caller that skips the router.
 */
import { Metadata, status as GrpcStatus, type ServiceDefinition, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { RETRY_AFTER_METADATA_KEY } from './errors.ts';

/** Unary calls one server process runs at once by default (well above what the router lets through). */
export const DEFAULT_MAX_CONCURRENT_CALLS = 128;

/** The message of a shed call (safe to show). */
export const BUSY_MESSAGE = 'The department is busy; try again shortly.';

/** Counts calls in flight for one server process. */
export class CallGate {
  /** Calls running now. */
  inFlight = 0;
  /** Calls refused so far. */
  shed = 0;

  /** @param limit - calls at once; 0 = no limit */
  constructor(readonly limit: number) {}
}

type UnaryCallback = (error: unknown, value?: unknown, trailer?: Metadata, flags?: number) => void;
type UnaryHandler = (call: unknown, callback: UnaryCallback) => void;

/**
 * The implementation with every unary handler behind the gate (streaming handlers are left alone).
 * @param definition - the generated service definition (tells unary methods apart)
 * @param implementation - the handlers by method name
 * @param gate - the process's gate
 */
export function shedUnaryCalls(definition: ServiceDefinition, implementation: UntypedServiceImplementation, gate: CallGate): UntypedServiceImplementation {
  if (gate.limit === 0) return implementation;
  const wrapped: UntypedServiceImplementation = { ...implementation };
  for (const [name, method] of Object.entries(definition)) {
    const handler = implementation[name] as UnaryHandler | undefined;
    if (!handler || method.requestStream || method.responseStream) continue;
    wrapped[name] = ((call: unknown, callback: UnaryCallback) => {
      if (gate.inFlight >= gate.limit) {
        gate.shed += 1;
        const metadata = new Metadata();
        metadata.set(RETRY_AFTER_METADATA_KEY, '1');
        callback({ code: GrpcStatus.UNAVAILABLE, details: BUSY_MESSAGE, metadata });
        return;
      }
      gate.inFlight += 1;
      let finished = false;
      handler(call, (error, value, trailer, flags) => {
        if (!finished) {
          finished = true;
          gate.inFlight -= 1;
        }
        callback(error, value, trailer, flags);
      });
    }) as UntypedServiceImplementation[string];
  }
  return wrapped;
}
