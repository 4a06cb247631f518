/** One GraphQL POST to any endpoint (a router the test started, a subgraph), raw: no retry on load. */
import { bearerHeader } from '@hospital/test-support/bearer';

/** The HTTP status with the GraphQL body. */
export interface PostedGraphQL {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ extensions?: { code?: string } }>;
}

/**
 * POSTs one operation as JSON and answers the status with the body.
 * @param url - the GraphQL endpoint
 * @param query - the document
 * @param variables - its variables
 * @param token - a bearer token, or none
 */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<PostedGraphQL> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearerHeader(token) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<PostedGraphQL, 'status'>;
  return { status: response.status, ...body };
}
