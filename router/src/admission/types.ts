/**
 * The admission pipeline's data: what a transport knows about a request ({@link RequestFacts}),
 * what the steps learn on the way ({@link AdmissionState}), and what an admitted request carries
 * to execution ({@link AdmittedOperation}).
 */
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Caller, Logger, RequestOrigin } from '@hospital/service-kit';
import type { AuthRules } from '../auth-policy.ts';
import type { AccessTokenVerifier } from '../jwt.ts';
import type { OperationLimits } from '../operation-limits.ts';
import type { PersistedOperations } from '../persisted-operations.ts';
import type { RateLimiter } from '../rate-limit/rate-limiter.ts';
import type { ValidDocumentCache } from './document-cache.ts';
import type { AdmissionRefusal, StepName } from './refusal.ts';
import type { LoadShedder } from './steps/load-shed.ts';

/** A request as any transport sees it, before anything is checked. */
export interface RequestFacts {
  transport: 'http' | 'ws';
  /** HTTP method (GET requests count as a browser's under `enforce-browser`). */
  method?: 'GET' | 'POST';
  /** The client address, with the router's trusted-proxy rule applied. */
  clientAddress: string;
  userAgent?: string;
  /** The Authorization header (HTTP) or `connectionParams.authorization` (WebSocket). */
  authorization?: string;
  /** The browser's Origin header, when there is one. */
  origin?: string;
  /** Sent from the router's own explorer page (explorer/origin.ts), when the explorer is on. */
  fromExplorer?: boolean;
  /** The request's `query` as sent (any type: the safelist step judges it). */
  query?: unknown;
  /** The request's `extensions` as sent (persisted-operation hash). */
  extensions?: unknown;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The request id the transport already chose (HTTP: the access log's). */
  requestId: string;
  /**
   * Runs a callback once the request is answered (HTTP: the response closed), with `completed`
   * false when the client went away first; load shedding frees its slot there.
   */
  onSettled?: (callback: (completed: boolean) => void) => void;
  /** Aborted when the client goes away (HTTP: the connection closed before the answer). */
  signal?: AbortSignal;
}

/** What the steps have established so far. */
export interface AdmissionState {
  facts: RequestFacts;
  caller: Caller;
  /** The document text to run (the safelisted one for a hash). */
  query?: string;
  /** The text came from the safelist. */
  persisted: boolean;
  document?: DocumentNode;
  /** The document is known valid (from the cache): budget and validation are skipped. */
  validated?: boolean;
  operation?: OperationDefinitionNode;
  /** Variables as execution will see them (coerced; defaults applied). */
  coercedVariables?: Record<string, unknown>;
}

/** A request that passed every step, ready to execute. */
export interface AdmittedOperation {
  caller: Caller;
  requestId: string;
  /** The document text (resolved from the safelist when a hash was sent). */
  query: string;
  persisted: boolean;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string;
  /** Variables as sent (execution coerces them again). */
  variables: Record<string, unknown>;
  /** Client address, User-Agent and operation name, for the audit trail. */
  origin: RequestOrigin;
}

/** The pipeline's verdict. */
export type Admission = { admitted: AdmittedOperation } | { refused: AdmissionRefusal };

/** Everything the steps need; built once per router. */
export interface AdmissionDeps {
  schema: () => GraphQLSchema;
  rules: AuthRules;
  /** Schema introspection and "Did you mean" hints allowed (not in production). */
  introspection: boolean;
  verifyAccessToken: AccessTokenVerifier;
  /** False until the first revocation list has arrived (signed-in users then wait: 503). */
  revocationsLoaded: () => boolean;
  rateLimiter: RateLimiter;
  persisted: PersistedOperations;
  limits: OperationLimits;
  maxOperationCost: number;
  /** Most tokens a signed-in caller's document may have. */
  maxTokens: number;
  /** What an anonymous caller may send: only small documents of public root fields. */
  anonymous: { maxDocumentChars: number; maxTokens: number };
  /** Documents already known valid. */
  validDocuments: ValidDocumentCache;
  /** Bounds operations in flight and waiting (load-shed step); none: no shedding. */
  loadShedder?: LoadShedder;
  /** Called once for every refusal (the audit trail); awaited before the answer. */
  onRefusal?: (state: AdmissionState, refusal: AdmissionRefusal) => Promise<void>;
  logger: Logger;
}

/** One step: refuses, or lets the request on (possibly adding to the state). */
export interface AdmissionStep {
  name: StepName;
  run(state: AdmissionState, deps: AdmissionDeps): AdmissionRefusal | undefined | Promise<AdmissionRefusal | undefined>;
}
