/**
 * Apps registered with identity in the router's end-to-end tests: the system with a gRPC client of
 * its identity service, an admin's call metadata for the registrations, a client-credentials
 * token for a registered app, and the whole authorization-code launch (PKCE S256) of a public app
 * by a signed-in clinician.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createIdentityClient, type IdentityClient } from '@hospital/grpc-contracts';
import { signIdentity, type RoleName } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { postTokenForm, type TokenAnswer } from './oauth-token.ts';
import { registerPatient, type PatientInput } from './patients.ts';

/** The consent screen URL the OAuth tests start the system with (the router then serves the code flow). */
export const TEST_CONSENT_URL = 'https://web.hospital.test/oauth/consent';

/** A running system, a client of its identity service and the router's origin. */
export interface SystemWithIdentity {
  system: TestSystem;
  identity: IdentityClient;
  /** The router's URL without `/graphql`. */
  base: string;
  /** Closes the identity client, then the system. */
  close(): Promise<void>;
}

/**
 * Starts the system and opens a gRPC client of its identity service (`close` ends both, in afterAll).
 * @param databaseUrl - the test run's database
 * @param options - as startTestSystem takes them
 */
export async function startSystemWithIdentity(databaseUrl: string, options?: Parameters<typeof startTestSystem>[1]): Promise<SystemWithIdentity> {
  const system = await startTestSystem(databaseUrl, options);
  const identity = createIdentityClient({ target: system.grpcTargets.identity, deadlineMs: TEST_CALL_DEADLINE_MS });
  const close = async () => {
    identity.close();
    await system.close();
  };
  return { system, identity, base: routerOrigin(system), close };
}

/**
 * A file of app-launch tests: the system serving the code flow ({@link TEST_CONSENT_URL}) with
 * an identity client, started before the file with one patient registered by an admin, and
 * closed after it.
 * @param patient - the file's patient
 * @param started - receives the harness and the patient's id, before any test runs
 */
export function appLaunchSystem(patient: PatientInput, started: (harness: SystemWithIdentity, patientId: string) => void): void {
  let harness: SystemWithIdentity | undefined;
  beforeAll(async () => {
    harness = await startSystemWithIdentity(testDatabaseUrl(), { oauthConsentUrl: TEST_CONSENT_URL });
    started(harness, await registerPatient(harness.system, patient, await harness.system.tokenFor('admin')));
  }, 120_000);
  afterAll(() => harness?.close());
}

/**
 * The router's origin: its URL without `/graphql`.
 * @param system - the running system
 */
export function routerOrigin(system: Pick<TestSystem, 'routerUrl'>): string {
  return system.routerUrl.replace(/\/graphql$/, '');
}

/**
 * gRPC metadata of a fresh admin, signed with the system's internal secret (app registration is an admin's).
 * @param system - the running system
 */
export function adminCallMetadata(system: Pick<TestSystem, 'internalSecret'>): ReturnType<typeof callMetadata> {
  return callMetadata(signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'admin@test.local' }, system.internalSecret), randomUUID());
}

/**
 * The access token `POST /oauth/token` answers a confidential app's client_credentials request
 * (client_secret_basic); fails the test unless it answers 200.
 * @param system - the running system
 * @param clientId - the app's id
 * @param clientSecret - its secret
 */
export async function clientCredentialsToken(system: Pick<TestSystem, 'routerUrl'>, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${routerOrigin(system)}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Registers a confidential app with these scopes and returns its client-credentials access token.
 * @param system - the running system
 * @param identity - a gRPC client of its identity service
 * @param scopes - SMART v2 system scopes
 * @param name - the app's name
 */
export async function systemAppToken(system: TestSystem, identity: IdentityClient, scopes: string[], name = 'FHIR app'): Promise<string> {
  const { app, clientSecret } = await identity.registerClientApp(
    { name, contact: 'dev@ehr.test', allowedScopes: scopes, allowedOrigins: [], jwksJson: '' },
    { metadata: adminCallMetadata(system) },
  );
  return clientCredentialsToken(system, app!.id, clientSecret);
}

/** A public app a clinician launches. */
export interface UserAppLaunch {
  /** The app's name. */
  name: string;
  /** Its one registered redirect URI. */
  redirectUri: string;
  /** The scopes it is registered with and asks for. */
  scopes: string[];
  /** The clinician's role (doctor by default). */
  role?: RoleName;
}

/**
 * A clinician launches a public app: registration, the consent decision (PKCE S256), and the
 * code's redemption, which must answer 200. Returns the app's id and the redemption's answer.
 * @param harness - the system and its identity client
 * @param launch - the app and who launches it
 */
export async function launchUserApp({ system, identity, base }: SystemWithIdentity, launch: UserAppLaunch): Promise<{ clientId: string; first: TokenAnswer }> {
  const { name, redirectUri, scopes, role = 'doctor' } = launch;
  const { app } = await identity.registerClientApp(
    { name, contact: 'dev@board.test', allowedScopes: scopes, allowedOrigins: [], jwksJson: '', redirectUris: [redirectUri], publicClient: true },
    { metadata: adminCallMetadata(system) },
  );
  const verifier = randomBytes(32).toString('base64url');
  const query = {
    response_type: 'code',
    client_id: app!.id,
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state: 'st',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  };
  const decision = await fetch(`${base}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await system.tokenFor(role)}` },
    body: JSON.stringify({ ...query, approve: true }),
  });
  const code = new URL(((await decision.json()) as { redirectTo: string }).redirectTo).searchParams.get('code')!;
  const redeemed = await postTokenForm(base, { grant_type: 'authorization_code', redirect_uri: redirectUri, client_id: app!.id, code, code_verifier: verifier });
  expect(redeemed.status).toBe(200);
  return { clientId: app!.id, first: redeemed.body };
}
