/**
 * One request id follows a request through router, subgraph and gRPC service, and the logs
 * never carry passwords, tokens or patient data.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const lines: Array<Record<string, unknown>> = [];
const raw: string[] = [];

systemForFile((running) => (system = running), {
  logDestination: {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  },
});

describe('logs', () => {
  it('carry the router-minted request id in the router, the subgraph and the gRPC service', async () => {
    const clientRequestId = `trace-${randomUUID()}`;
    const token = await system.tokenFor('doctor');
    const result = await system.gql('{ patients(search: "Smi", first: 2) { totalCount } }', {}, token, { 'x-request-id': clientRequestId });
    expect(result.errors).toBeUndefined();
    const requestId = result.requestId;
    expect(requestId).not.toBe(clientRequestId);
    // The client's own id appears only on the router's access line, for correlation.
    expect(lines.filter((l) => l['clientRequestId'] === clientRequestId).map((l) => [l['msg'], l['requestId']])).toEqual([['request', requestId]]);
    const mine = lines.filter((l) => l['requestId'] === requestId);
    expect(mine.some((l) => l['msg'] === 'request')).toBe(true);
    expect(mine.some((l) => l['msg'] === 'operation')).toBe(true);
    expect(mine.some((l) => l['msg'] === 'grpc call' && String(l['method']).endsWith('PatientsService/SearchPatients'))).toBe(true);
  });

  it('never contain the password, the tokens or patient names', async () => {
    const { email, password } = system.accounts.admin;
    const login = await system.gql<{ login: { accessToken: string; refreshToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }',
      { e: email, p: password },
    );
    const { accessToken, refreshToken } = login.data!.login;
    const familyName = `Secretname${randomUUID().slice(0, 6)}`;
    await system.gql(
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
      { input: { givenName: 'Hidden', familyName, dateOfBirth: '1970-01-01' } },
      accessToken,
    );
    // A failing request too: errors are where payloads tend to leak.
    await system.gql(
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
      {
        input: { givenName: 'Hidden', familyName, dateOfBirth: '2999-01-01' },
      },
      accessToken,
    );
    const text = raw.join('');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [password, accessToken, refreshToken, familyName]) expect(text).not.toContain(secret);
  });
});
