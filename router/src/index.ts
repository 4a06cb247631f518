/** @hospital/router: the public entry of the GraphQL federation router. */
export { buildRouterApp, listen, startRouter, type RouterApp, type RouterConfig, type RunningRouter } from './router.ts';
export { loadConfig, type LoadedConfig } from './env.ts';
export { publicJwks, type PublicJwk, type VerificationKey } from './jwks.ts';
export { composeSupergraph, type CompositionOutcome, type SubgraphSource } from './compose.ts';
export { buildAuthRules, findAuthPolicyProblems, schemaFromSdl, type AuthRules, type FieldRule } from './auth-policy.ts';
export { SUBGRAPHS, defaultSubgraphUrl, subgraphUrlEnvName, type SubgraphName } from './subgraph-list.ts';
export { DEFAULT_PERSISTED_MANIFEST_PATH, DEFAULT_SUPERGRAPH_PATH } from './env.ts';
export { loadManifest, loadPersistedOperations, persistedOperationNamed, type PersistedOperations } from './persisted-operations.ts';
export { DEFAULT_WS_LIMITS } from './router-config.ts';
export { CLIENT_ERROR_CODES } from './format-error.ts';
export { LOAD_SHED_MESSAGE } from './admission/steps/load-shed.ts';
export { collectTouchedFields, decideAccess } from './operation-access.ts';
