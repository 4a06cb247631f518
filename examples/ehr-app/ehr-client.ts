/**
 * A small third-party EHR client, as an integrator would write it (issue 16): client credentials
 * at `POST /oauth/token` (the token reused until shortly before it expires), GraphQL over HTTP
 * with `RATE_LIMITED` answered by waiting `Retry-After`, cursor paging, and `appointmentEvents`
 * over graphql-ws. It uses nothing of this repository: only fetch, graphql-ws and ws.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Where the hospital's API is and who the app is. */
export interface EhrClientOptions {
  /** The router's base URL, e.g. https://api.hospital.example */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The scopes to ask for (space-separated); all registered ones when left out. */
  scope?: string;
  /** Most retries of one request after RATE_LIMITED (default 5). */
  maxRetries?: number;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfterSeconds?: number } }>;
}

/** An error the API answered, with its code (clients branch on it, never on the message). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The client. */
export class EhrClient {
  private token: { value: string; renewAt: number } | undefined;
  private socket: Client | undefined;
  /** How many times a request waited for Retry-After (so a caller can see throttling). */
  retries = 0;

  constructor(private readonly options: EhrClientOptions) {}

  /** An access token, fetched again 30 seconds before the current one expires. */
  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.renewAt) return this.token.value;
    // eslint-disable-next-line house/conditional-spread -- URLSearchParams would send an undefined scope as the text "undefined"
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(this.options.scope ? { scope: this.options.scope } : {}) });
    const response = await fetch(`${this.options.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString('base64')}`,
      },
      body,
    });
    const answer = (await response.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !answer.access_token) throw new ApiError(answer.error ?? 'invalid_client', answer.error_description ?? 'token request failed');
    this.token = { value: answer.access_token, renewAt: Date.now() + ((answer.expires_in ?? 60) - 30) * 1000 };
    return this.token.value;
  }

  /**
   * Runs one operation; on RATE_LIMITED waits what `Retry-After` says and tries again.
   * @param query - the GraphQL document
   * @param variables - its variables
   */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${this.options.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.accessToken()}` },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as GraphQLAnswer<T>;
      const error = answer.errors?.[0];
      if (error?.extensions?.code === 'RATE_LIMITED' && attempt < (this.options.maxRetries ?? 5)) {
        const seconds = Number(response.headers.get('retry-after') ?? error.extensions.retryAfterSeconds ?? 1);
        this.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      if (error) throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message);
      return answer.data as T;
    }
  }

  /**
   * Every patient, page by page (cursor paging).
   * @param pageSize - patients per request
   */
  async allPatients(pageSize = 50): Promise<Array<{ id: string; fullName: string }>> {
    const patients: Array<{ id: string; fullName: string }> = [];
    let after: string | null = null;
    for (;;) {
      const page: { patients: { edges: Array<{ node: { id: string; fullName: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await this.request(
        'query Patients($first: Int, $after: String) { patients(first: $first, after: $after) { edges { node { id fullName } } pageInfo { hasNextPage endCursor } } }',
        { first: pageSize, after },
      );
      patients.push(...page.patients.edges.map((edge) => edge.node));
      if (!page.patients.pageInfo.hasNextPage) return patients;
      after = page.patients.pageInfo.endCursor;
    }
  }

  /**
   * Books an appointment.
   * @param input - patient, doctor and slot
   */
  async book(input: { patientId: string; doctorId: string; startsAt: string; endsAt: string }): Promise<{ id: string; status: string }> {
    const data = await this.request<{ bookAppointment: { id: string; status: string } }>(
      'mutation Book($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status } }',
      { input },
    );
    return data.bookAppointment;
  }

  /**
   * Follows appointment events until the returned function is called.
   * @param onEvent - called with each event
   */
  async onAppointmentEvents(onEvent: (event: { type: string; appointment: { id: string } }) => void): Promise<() => void> {
    const token = await this.accessToken();
    this.socket ??= createClient({
      url: `${this.options.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    return this.socket.subscribe(
      { query: 'subscription { appointmentEvents { type appointment { id } } }' },
      { next: (result) => onEvent((result.data as { appointmentEvents: { type: string; appointment: { id: string } } }).appointmentEvents), error: () => {}, complete: () => {} },
    );
  }

  /** Closes the WebSocket. */
  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
