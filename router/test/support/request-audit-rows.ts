/**
 * The audit rows of one request, read back through the router as an admin. Every page of the
 * trail since a moment before the request is read, not only the newest page: files running beside
 * this one write rows to the run's trail too, and a burst of theirs would push a row off page one.
 */
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';

/** Pages read at most (100 rows each) before giving up on finding more. */
const MAX_PAGES = 50;

/**
 * The trail's rows that carry `requestId`, newest first.
 * @param system - the running system
 * @param adminToken - an admin's access token (the trail is theirs to read)
 * @param requestId - the router-minted request id (response header `x-request-id`)
 * @param fields - the row fields to select; `requestId` is added
 * @param since - a moment before the request was sent
 */
export async function requestAuditRows<Row extends { requestId: string }>(system: TestSystem, adminToken: string, requestId: string, fields: string, since: Date): Promise<Row[]> {
  const query = `query RequestRows($from: DateTime, $after: String) {
    auditTrail(from: $from, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${fields} requestId } } }
  }`;
  type Page = { auditTrail: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Row }> } };
  const rows: Row[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result: GraphQLResponse<Page> = await system.gql<Page>(query, { from: since.toISOString(), after }, adminToken);
    if (result.errors || !result.data) throw new Error(`auditTrail failed: ${JSON.stringify(result.errors)}`);
    const trail: Page['auditTrail'] = result.data.auditTrail;
    rows.push(...trail.edges.map((edge) => edge.node).filter((row) => row.requestId === requestId));
    if (!trail.pageInfo.hasNextPage) break;
    after = trail.pageInfo.endCursor;
  }
  return rows;
}
