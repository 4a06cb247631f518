/**
 * Access tokens of an app acting for a signed-in user (authorization code + PKCE, issue 16), as
 * the router reads them: the user plus the app with user/ scopes only, never confused with an
 * app's own token, and ended by the user's or the app's revocation.
 */
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createAccessTokenVerifier } from '../jwt.ts';
import { es256KeyPair, refusalReason } from '../../test/support/test-jwt.ts';

const pair = es256KeyPair();
const config = { keys: [{ keyId: 'k1', publicKeyPem: pair.publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' };
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: object) =>
  `Bearer ${jwt.sign({ iat: now() - 10, exp: now() + 300, ...claims }, pair.privateKey, { algorithm: 'ES256', keyid: 'k1', issuer: config.issuer, audience: config.audience })}`;
const userApp = { sub: 'user-1', role: 'doctor', email: 'doc@hospital.local', client_id: 'app-1', app_name: 'Bedside', scope: 'user/Patient.rs' };

const refusal = refusalReason;

describe('a user app token', () => {
  it('reads as the user with the acting app', () => {
    expect(createAccessTokenVerifier(config)(sign(userApp))).toEqual({
      kind: 'user',
      userId: 'user-1',
      role: 'doctor',
      email: 'doc@hospital.local',
      app: { clientId: 'app-1', name: 'Bedside', scopes: ['user/Patient.rs'] },
    });
  });

  it('is refused with a system/ scope, no scope, or client_id equal to sub', () => {
    const verify = createAccessTokenVerifier(config);
    expect(refusal(verify, sign({ ...userApp, scope: 'user/Patient.rs system/Invoice.rs' }))).toMatch(/only user\/ scopes/);
    expect(refusal(verify, sign({ ...userApp, scope: '' }))).toMatch(/only user\/ scopes/);
    expect(refusal(verify, sign({ ...userApp, client_id: 'user-1' }))).toMatch(/not an app acting/);
  });

  it('ends when either the user or the app is revoked', () => {
    const revoked = new Set<string>();
    const verify = createAccessTokenVerifier(config, (subject) => revoked.has(subject));
    expect(verify(sign(userApp))).toMatchObject({ kind: 'user' });
    revoked.add('app-1');
    expect(refusal(verify, sign(userApp))).toMatch(/revoked/);
    revoked.clear();
    revoked.add('user-1');
    expect(refusal(verify, sign(userApp))).toMatch(/revoked/);
  });

  it("leaves an app's own token and a plain user's token as they were", () => {
    const verify = createAccessTokenVerifier(config);
    expect(verify(sign({ sub: 'app-1', client_id: 'app-1', app_name: 'EHR', scope: 'system/Patient.rs' }))).toEqual({
      kind: 'app',
      clientId: 'app-1',
      name: 'EHR',
      scopes: ['system/Patient.rs'],
    });
    expect(verify(sign({ sub: 'user-1', role: 'doctor', email: 'doc@hospital.local' }))).toEqual({ kind: 'user', userId: 'user-1', role: 'doctor', email: 'doc@hospital.local' });
  });
});
