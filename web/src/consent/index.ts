/** The consent screen of apps a clinician launches (authorization code + PKCE). */
export { ConsentScreen } from './ConsentScreen.tsx';
export { CONSENT_PATH } from './consent-api.ts';
export { scopeInWords } from './scope-words.ts';
