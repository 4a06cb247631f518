/**
 * WebSocket connection budgets of registered apps: an app's connections, whether it acts as itself
 * (client credentials) or for a clinician (authorization code), count against the app's own cap
 * (connectionsPerApp), never against the clinician's per-user cap, and the app's cap holds across
 * every clinician it acts for.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { startRouter, type RunningRouter } from '../src/index.ts';
import { webSocketWithHeaders } from './support/router-ws-client.ts';
import { testJwt } from './support/test-jwt.ts';
import { tinyRouterConfig } from './support/tiny-router.ts';
import { startTinySubgraph, type TinySubgraph } from './support/tiny-subgraph.ts';

const signer = testJwt('app-budget-key');
const ORIGIN = 'http://localhost:3000';
const APP_ID = randomUUID();

let events: TinySubgraph;
let router: RunningRouter;
const clients: Client[] = [];

const sign = (claims: Record<string, unknown>) => signer.sign(claims);
/** A doctor's own token. */
const doctorToken = (userId: string) => sign({ sub: userId, role: 'doctor', email: `${userId}@hospital.local` });
/** The same doctor's token as issued to the app she launched (authorization code). */
const throughAppToken = (userId: string) =>
  sign({ sub: userId, role: 'doctor', email: `${userId}@hospital.local`, client_id: APP_ID, app_name: 'Budget Board', scope: 'user/Appointment.rs' });
/** The app's own token (client credentials). */
const appToken = () => sign({ sub: APP_ID, client_id: APP_ID, app_name: 'Budget Board', scope: 'system/Appointment.rs' });

/** Opens a connection; resolves 'open' once acknowledged, or the close code that refused it. */
function open(token: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const client = createClient({
      url: router.url.replace(/^http/, 'ws'),
      webSocketImpl: webSocketWithHeaders({ origin: ORIGIN }),
      lazy: false,
      retryAttempts: 0,
      // A refusal is the expected answer here, not an error to print.
      onNonLazyError: () => {},
      connectionParams: { authorization: `Bearer ${token}` },
      on: {
        connected: () => resolve('open'),
        closed: (event) => resolve((event as { code: number }).code),
      },
    });
    clients.push(client);
  });
}

beforeAll(async () => {
  events = await startTinySubgraph(
    'events',
    `type Visit @key(fields: "id") { id: ID! }
     type Query { visit(id: ID!): Visit @auth(requires: [ADMIN, DOCTOR]) }`,
    { Query: { visit: (_: unknown, { id }: { id: string }) => ({ id }) } },
  );
  router = await startRouter(
    {
      ...tinyRouterConfig([events], signer.routerJwt),
      production: false,
      allowedOrigins: [ORIGIN],
      wsLimits: { connectionsPerUser: 2, connectionsPerApp: 3 },
    },
    { logger: createLogger('ws-app-budget-test', 'silent') },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await router?.close();
  await events?.close();
});

describe("an app's WebSocket connections", () => {
  it("count against the app's own cap, not the clinician's, across every clinician it acts for", async () => {
    const doctor = randomUUID();
    // The doctor's own connections fill her cap.
    expect([await open(doctorToken(doctor)), await open(doctorToken(doctor))]).toEqual(['open', 'open']);
    expect(await open(doctorToken(doctor))).toBe(4429);
    // The app she launched still connects for her: its connections are the app's.
    expect(await open(throughAppToken(doctor))).toBe('open');
    // Another doctor through the same app, and the app itself, share the app's cap of 3.
    const colleague = randomUUID();
    expect(await open(throughAppToken(colleague))).toBe('open');
    expect(await open(appToken())).toBe('open');
    expect(await open(throughAppToken(randomUUID()))).toBe(4429);
    expect(await open(appToken())).toBe(4429);
    // The colleague's own cap is untouched by the app's connection made for her.
    expect([await open(doctorToken(colleague)), await open(doctorToken(colleague))]).toEqual(['open', 'open']);
  });
});
