/** The persisted-operation safelist: a known hash becomes its text; enforcement refuses the rest. */
import { resolvePersistedOperation } from '../../persisted-operations.ts';
import { refuse } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/** Resolves the document text to run, or refuses what the mode forbids. */
export const safelist: AdmissionStep = {
  name: 'safelist',
  run(state, deps) {
    const { facts } = state;
    // Browsers leave Origin off same-origin GETs, so a script in the page could pass for a server
    // there: every GET counts as a browser's (integrators POST).
    const fromBrowser = facts.origin !== undefined || facts.method === 'GET';
    const resolution = resolvePersistedOperation(deps.persisted, { query: facts.query, extensions: facts.extensions }, fromBrowser);
    if (!resolution.ok) return refuse('safelist', resolution.code, resolution.message);
    if (resolution.query === undefined) return refuse('safelist', 'BAD_REQUEST', 'Send the operation as a string in "query".');
    state.query = resolution.query;
    state.persisted = resolution.persisted;
    return undefined;
  },
};
