/** The persisted-operation safelist: a known hash becomes its text; enforcement refuses the rest. */
import { mayExploreFreely } from '../../explorer/origin.ts';
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
    // The safelist is the first-party web app's: a registered app (in a browser at its registered
    // origin or not, as itself or acting for a clinician) sends its own operations, held to its
    // scopes (and the clinician's role) instead.
    // The router's own explorer page may too, for admins and for signing in: over HTTP by POST only
    // (a GET can be a cross-site navigation), and over its WebSocket (the handshake's Origin).
    const explorer = facts.fromExplorer === true && (facts.method === 'POST' || facts.transport === 'ws') && mayExploreFreely(state.caller);
    const registeredApp = state.caller.kind === 'app' || (state.caller.kind === 'user' && state.caller.app !== undefined);
    const fromBrowser = !registeredApp && !explorer && (facts.origin !== undefined || facts.method === 'GET');
    const resolution = resolvePersistedOperation(deps.persisted, { query: facts.query, extensions: facts.extensions }, fromBrowser);
    if (!resolution.ok) return refuse('safelist', resolution.code, resolution.message);
    if (resolution.query === undefined) return refuse('safelist', 'BAD_REQUEST', 'Send the operation as a string in "query".');
    state.query = resolution.query;
    state.persisted = resolution.persisted;
    return undefined;
  },
};
