/**
 * Access rules, neutral of any server runtime (only `graphql`): the role vocabulary, the
 * `@auth` / `@public` rules table keyed by schema coordinate, and the decision on one coordinate.
 * Router, subgraph kit and the README role table import it; third-party scopes belong here too.
 */
export * from './roles.ts';
export * from './rules.ts';
export * from './decide.ts';
export * from './scopes.ts';
export * from './oauth.ts';
