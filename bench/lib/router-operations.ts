/**
 * The operations the `router` scenario sends, as the doctor's web dashboard sends them
 * (web/src/dashboards/doctor): today's schedule, a patient search, a patient chart. Each is the web
 * app's own document, found by name in its persisted-operation manifest, so the benchmark sends
 * exactly what the dashboard sends.
 */

import { DEFAULT_PERSISTED_MANIFEST_PATH, loadManifest, persistedOperationNamed } from '@hospital/router';
import { bearerHeader } from '@hospital/test-support/bearer';

/** One operation and how to build its request bodies (cycled by the load loops). */
export interface RouterOperation {
  name: string;
  bodies(context: { url: string; token: string; range: { from: string; to: string } }): Promise<string[]>;
}

const body = (query: string, operationName: string, variables: Record<string, unknown>) => JSON.stringify({ query, operationName, variables });

/**
 * The text of one of the web app's operations, from the persisted-operation manifest codegen writes.
 * @param name - the operation's name, e.g. `DoctorSearchPatients`
 */
export function webOperation(name: string): string {
  const found = persistedOperationNamed(loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH), name);
  if (!found) throw new Error(`the web app's persisted-operation manifest has no operation ${name} (npm run codegen writes it)`);
  return found.document;
}

/** Today in UTC, as the schedule card asks for it. */
export function todayRange(now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
}

async function post<T>(url: string, payload: string, token?: string): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearerHeader(token) }, body: payload });
  const json = (await response.json()) as { data?: T; errors?: unknown };
  if (!response.ok || json.errors || !json.data) throw new Error(`bench request failed (${response.status}): ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}

/** The doctor's dashboard, search and chart. */
export const ROUTER_OPERATIONS: readonly RouterOperation[] = [
  { name: 'doctor dashboard', bodies: async ({ range }) => [body(webOperation('DoctorTodayAppointments'), 'DoctorTodayAppointments', range)] },
  {
    name: 'patient search',
    bodies: async () => {
      const search = webOperation('DoctorSearchPatients');
      return ['Sm', 'Jo', 'Br', 'Wi', 'An'].map((text) => body(search, 'DoctorSearchPatients', { search: text }));
    },
  },
  {
    name: 'patient chart',
    // The patients on today's schedule, as the doctor opens their charts from it.
    bodies: async ({ url, token, range }) => {
      const schedule = body(webOperation('DoctorTodayAppointments'), 'DoctorTodayAppointments', range);
      const data = await post<{ appointments: { edges: Array<{ node: { patient: { id: string } } }> } }>(url, schedule, token);
      const ids = [...new Set(data.appointments.edges.map((edge) => edge.node.patient.id))].slice(0, 10);
      if (ids.length === 0) throw new Error('the demo doctor has no appointments today: nothing to chart');
      const chart = webOperation('DoctorPatientChart');
      return ids.map((id) => body(chart, 'DoctorPatientChart', { id }));
    },
  },
];

/**
 * Signs in through a router and returns the access token and the caller it names.
 * @param url - the router's GraphQL URL
 * @param email - the account
 * @param password - its password
 */
export async function signInAs(url: string, email: string, password: string) {
  const data = await post<{ login: { accessToken: string } }>(
    url,
    body('mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }', 'Login', { email, password }),
  );
  const token = data.login.accessToken;
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string; role: string; email: string };
  return { token, caller: { kind: 'user' as const, userId: claims.sub, role: claims.role, email: claims.email } };
}
