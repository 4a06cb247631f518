/**
 * The WebSocket endpoint's connection-time admission (handshake and connection_init) through the
 * one admission pipeline; ws-connection.ts turns its refusals into HTTP statuses and close codes.
 */
import type { IncomingMessage } from 'node:http';
import { clientAddressKey } from '@hospital/service-kit';
import { rateLimited, refuse, signInFirst, type AdmissionRefusal } from '../admission/refusal.ts';
import { budgetOf } from '../admission/steps/caller.ts';
import type { AdmissionState, RequestFacts } from '../admission/types.ts';
import { mintRequestId } from '../context.ts';
import type { VerifiedSession } from '../jwt.ts';
import type { WsEndpointOptions } from './ws-connection.ts';
import { upgradeHeaderFacts } from './ws-headers.ts';

/** A connection that passed its connection_init: its state, and the session's expiry and issue time. */
export type OpenedConnection = { state: AdmissionState; session: VerifiedSession; authorization: string };

/**
 * The connection-time admission: the handshake runs the pipeline's caller steps (the address's
 * budget, before any socket is held, and load shedding: no new socket while saturated) and the
 * connection-attempt budget; connection_init checks the Origin, then runs the token check (and
 * revocation warm-up) on the token it carries, then requires a signed-in user within their attempt budget. Every refusal goes through the
 * pipeline's one refusal hook.
 * @param options - the endpoint's options (pipeline, limiter, address rule, admitted origins, token reader)
 */
export function connectionAdmission(options: WsEndpointOptions) {
  const { pipeline, rateLimiter } = options;
  // What each handshake established (memoised per request), for the connection it opens.
  const handshakes = new WeakMap<IncomingMessage, AdmissionState>();
  const handshake = async (request: IncomingMessage): Promise<AdmissionRefusal | undefined> => {
    const facts: RequestFacts = {
      transport: 'ws',
      clientAddress: options.clientAddress(request),
      ...upgradeHeaderFacts(request),
      requestId: mintRequestId(),
    };
    const caller = await pipeline.admitCaller(facts, { handshake: true });
    if ('refused' in caller) return caller.refused;
    const verdict = await rateLimiter.take('ws-connect-ip', clientAddressKey(facts.clientAddress));
    if (!verdict.allowed) return pipeline.refuse(caller.state, rateLimited('connection', verdict));
    handshakes.set(request, caller.state);
    return undefined;
  };
  const connect = async (request: IncomingMessage, params: Record<string, unknown>): Promise<OpenedConnection | { refused: AdmissionRefusal }> => {
    const handshook = handshakes.get(request);
    if (!handshook) return { refused: refuse('connection', 'BAD_REQUEST', 'No handshake for this connection') };
    const origin = handshook.facts.origin;
    if (origin !== undefined && !options.origins.has(origin)) {
      return { refused: await pipeline.refuse(handshook, refuse('connection', 'FORBIDDEN', 'Origin not allowed')) };
    }
    // An empty token is no token: the caller is anonymous and refused below.
    const authorization = typeof params['authorization'] === 'string' && params['authorization'] !== '' ? params['authorization'] : undefined;
    const caller = await pipeline.admitCaller({ ...handshook.facts, authorization }, { addressCharged: true });
    if ('refused' in caller) return caller;
    const { state } = caller;
    // Staff and registered apps (whose subscriptions are then held to their scopes) may connect.
    const budget = budgetOf(state.caller);
    if (!budget || !authorization) {
      return { refused: await pipeline.refuse(state, signInFirst('connection', 'Sign in first: send connectionParams.authorization')) };
    }
    const attempt = await rateLimiter.take('ws-connect-user', budget.key);
    if (!attempt.allowed) return { refused: await pipeline.refuse(state, rateLimited('connection', attempt)) };
    try {
      return { state, session: options.verifySession(authorization), authorization };
    } catch {
      // Expired between the two reads of the token.
      return { refused: await pipeline.refuse(state, signInFirst('connection', 'Invalid or expired token')) };
    }
  };
  return { handshake, connect, handshakeOf: (request: IncomingMessage) => handshakes.get(request) };
}
