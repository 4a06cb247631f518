/**
 * @hospital/subgraph-kit: what every department subgraph shares — the server, the verified
 * per-request context, `@auth` enforcement, error mapping, scalars, loaders and pagination.
 */
export * from './server.ts';
export * from './context.ts';
export * from './auth-directive.ts';
export * from './errors.ts';
export * from './scalars.ts';
export * from './json-scalar.ts';
export * from './proto-enums.ts';
export * from './proto-strings.ts';
export * from './minor-units.ts';
export * from './loaders.ts';
export * from './pagination.ts';
export * from './roles.ts';
export * from './schema-prelude.ts';
export * from './department-subgraph.ts';
