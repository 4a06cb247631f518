/**
 * The admission pipeline: ONE ordered list of checks every operation passes at the edge, whatever
 * the transport (HTTP through Express and Apollo Server, WebSocket through graphql-ws). A step
 * refuses with a typed {@link AdmissionRefusal} or lets the request on; the first refusal is
 * reported once (audit trail) and logged, and nothing reaches a subgraph.
 *
 * Identity is decided before any document is parsed (availability before authentication), and
 * anonymous callers only ever get their small, public documents parsed and validated.
 */
import type { AdmissionRefusal } from './refusal.ts';
import { addressRateLimit, identity, userRateLimit } from './steps/caller.ts';
import { anonymousGate } from './steps/anonymous-gate.ts';
import { loadShed } from './steps/load-shed.ts';
import { access, cost, variables } from './steps/decision.ts';
import { operationStep } from './steps/operation.ts';
import { documentBudget, parseStep } from './steps/parse.ts';
import { safelist } from './steps/safelist.ts';
import { validateStep } from './steps/validate.ts';
import type { Admission, AdmissionDeps, AdmissionState, AdmissionStep, AdmittedOperation, RequestFacts } from './types.ts';

/**
 * Steps that need no document: HTTP runs them before reading the body. Load shedding is not among
 * them: a slot is taken only once the body has arrived (a trickled body must not hold one).
 */
export const CALLER_STEPS: readonly AdmissionStep[] = [addressRateLimit, identity, userRateLimit];
/** A WebSocket handshake: the caller steps, then a slot's worth of capacity (given back once admitted). */
const HANDSHAKE_STEPS: readonly AdmissionStep[] = [...CALLER_STEPS, loadShed];
/**
 * The token check alone, for a WebSocket's connection_init: its handshake spent the address's
 * budget, and connection attempts spend their own budget, not the user's request budget.
 */
const IDENTITY_STEPS: readonly AdmissionStep[] = [identity];

/** Steps over the document, in order (load shedding first: a saturated router parses nothing; 429 came before). */
export const OPERATION_STEPS: readonly AdmissionStep[] = [loadShed, safelist, anonymousGate, parseStep, documentBudget, validateStep, operationStep, access, variables, cost];

/** The pipeline bound to one router's dependencies. */
export interface AdmissionPipeline {
  /**
   * Runs the caller steps (address budget, token, user budget); with `addressCharged`, the token
   * check alone (a WebSocket connection_init, whose handshake already spent the address's budget);
   * with `handshake`, the caller steps and load shedding (a WebSocket handshake while saturated: 503).
   */
  admitCaller(facts: RequestFacts, options?: { addressCharged?: boolean; handshake?: boolean }): Promise<{ state: AdmissionState } | { refused: AdmissionRefusal }>;
  /** Logs and reports a transport's own refusal (WebSocket origin, connection budgets) through the one refusal hook. */
  refuse(state: AdmissionState, refusal: AdmissionRefusal): Promise<AdmissionRefusal>;
  /** Runs the document steps on a state the caller steps admitted, with the request's document facts. */
  admitOperation(state: AdmissionState, document: Pick<RequestFacts, 'query' | 'extensions' | 'operationName' | 'variables'>): Promise<Admission>;
  /** Both, for a transport that has every fact at once (WebSocket subscribe). */
  admit(facts: RequestFacts): Promise<Admission>;
  /** How often each step ran (tests and diagnostics: proof that a refusal came before parsing). */
  readonly stepRuns: Readonly<Record<string, number>>;
  /** Slots held and requests waiting now (tests and diagnostics); zeros without a load shedder. */
  load(): { inFlight: number; queued: number; limit: number };
}

/**
 * Builds the pipeline.
 * @param deps - schema, rules, verifier, limiter, limits, refusal hook, logger
 */
export function createAdmission(deps: AdmissionDeps): AdmissionPipeline {
  const stepRuns: Record<string, number> = {};
  const refuse: AdmissionPipeline['refuse'] = async (state, refusal) => {
    // The access log has every request's status; anonymous floods add no second line at info.
    const level = state.caller.kind === 'user' ? 'info' : 'debug';
    deps.logger[level]({ requestId: state.facts.requestId, step: refusal.step, code: refusal.code, transport: state.facts.transport }, 'operation refused at the edge');
    // The one refusal hook: every edge refusal, anonymous or not, is reported once.
    await deps.onRefusal?.(state, refusal);
    return refusal;
  };
  const run = async (state: AdmissionState, steps: readonly AdmissionStep[]): Promise<AdmissionRefusal | undefined> => {
    for (const step of steps) {
      stepRuns[step.name] = (stepRuns[step.name] ?? 0) + 1;
      const refusal = await step.run(state, deps);
      if (refusal) return refuse(state, refusal);
    }
    return undefined;
  };
  const admitCaller: AdmissionPipeline['admitCaller'] = async (facts, options = {}) => {
    const state: AdmissionState = { facts, caller: { kind: 'anonymous' }, persisted: false };
    const refused = await run(state, options.addressCharged ? IDENTITY_STEPS : options.handshake ? HANDSHAKE_STEPS : CALLER_STEPS);
    return refused ? { refused } : { state };
  };
  const admitOperation: AdmissionPipeline['admitOperation'] = async (callerState, document) => {
    const state: AdmissionState = { ...callerState, facts: { ...callerState.facts, ...document } };
    const refused = await run(state, OPERATION_STEPS);
    return refused ? { refused } : { admitted: admittedOperationOf(state) };
  };
  return {
    admitCaller,
    admitOperation,
    refuse,
    async admit(facts) {
      const caller = await admitCaller(facts);
      return 'refused' in caller ? caller : admitOperation(caller.state, facts);
    },
    stepRuns,
    load: () => {
      const shedder = deps.loadShedder;
      return shedder ? { inFlight: shedder.inFlight, queued: shedder.queued, limit: shedder.limit } : { inFlight: 0, queued: 0, limit: 0 };
    },
  };
}

/** The admitted operation of a state every step passed. */
function admittedOperationOf(state: AdmissionState): AdmittedOperation {
  const { facts, document, operation } = state;
  if (!document || !operation || state.query === undefined) throw new Error('admission finished without an operation');
  const operationName = operation.name?.value;
  return {
    caller: state.caller,
    requestId: facts.requestId,
    query: state.query,
    persisted: state.persisted,
    document,
    operation,
    operationName,
    variables: facts.variables ?? {},
    origin: { ip: facts.clientAddress, userAgent: facts.userAgent, operation: operationName },
  };
}
