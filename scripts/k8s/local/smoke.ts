/**
 * The manifest-driven run's proof: a signed-in query through the router (router → subgraphs →
 * services → PostgreSQL), and a booking whose event reaches a graphql-ws subscriber connected
 * through the web server (appointments service → outbox → Kafka → appointments subgraph → router
 * → web server → client).
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_DEMO_PASSWORD } from '@hospital/db';

type Result<T> = { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Result<T>> {
  const response = await fetch(url, {
    method: 'POST',
    // eslint-disable-next-line house/conditional-spread -- an HTTP header set to undefined is sent as the text "undefined"
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

function must<T>(result: Result<T>, what: string): T {
  if (result.errors?.length || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** What the smoke run saw. */
export interface SmokeResult {
  /** The demo doctor's email, as the router answered `me`. */
  me: string;
  patients: number;
  /** Milliseconds from the booking's answer to its event at the subscriber. */
  eventLatencyMs: number;
}

/**
 * Runs the smoke query and the booking event.
 * @param routerUrl - the router's /graphql
 * @param webUrl - the web server's base URL (its /graphql is the WebSocket endpoint)
 * @param origin - an Origin the router allows (ROUTER_ALLOWED_ORIGINS)
 */
export async function smoke(routerUrl: string, webUrl: string, origin: string): Promise<SmokeResult> {
  const login = must(
    await gql<{ login: { accessToken: string } }>(routerUrl, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
      e: 'doctor@hospital.local',
      p: DEFAULT_DEMO_PASSWORD,
    }),
    'login',
  );
  const token = login.login.accessToken;
  const page = must(
    await gql<{ me: { email: string }; patients: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      routerUrl,
      '{ me { email } patients(first: 5) { totalCount edges { node { id } } } }',
      {},
      token,
    ),
    'smoke query',
  );
  const patientId = page.patients.edges[0]?.node.id;
  if (!patientId) throw new Error('the demo data has no patient');

  const wsUrl = new URL('/graphql', webUrl).href.replace(/^http/, 'ws');
  const client = createClient({
    url: wsUrl,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { origin } });
      }
    },
  });
  try {
    const events: Array<{ id: string; at: number }> = [];
    let failure: unknown;
    client.subscribe<{ appointmentEvents: { appointment: { id: string } } }>(
      { query: 'subscription { appointmentEvents { type appointment { id } } }' },
      {
        next: (r) => (r.data ? events.push({ id: r.data.appointmentEvents.appointment.id, at: performance.now() }) : (failure = r.errors)),
        error: (e) => (failure = e),
        complete: () => {},
      },
    );
    // The subscription reaches the appointments subgraph asynchronously: book until one booking's
    // event arrives (a booking made before the upstream stream opened is not replayed).
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 2);
    day.setUTCHours(9, 0, 0, 0);
    for (let attempt = 0; attempt < 8; attempt++) {
      if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
      const start = day.getTime() + (Math.floor(Math.random() * 90) * 5 + attempt * 7) * 60_000;
      const booked = await gql<{ bookAppointment: { id: string } }>(
        routerUrl,
        'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
        { input: { patientId, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 15 * 60_000).toISOString(), reason: 'k8s local smoke' } },
        token,
      );
      if (booked.errors?.some((e) => e.extensions?.code === 'CONFLICT')) continue;
      const id = must(booked, 'booking').bookAppointment.id;
      const at = performance.now();
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && !events.some((e) => e.id === id)) await new Promise((r) => setTimeout(r, 25));
      const event = events.find((e) => e.id === id);
      if (event) return { me: page.me.email, patients: page.patients.totalCount, eventLatencyMs: Math.round(event.at - at) };
    }
    throw new Error(`no booking event reached the subscriber (${events.length} other events)`);
  } finally {
    await client.dispose();
  }
}
