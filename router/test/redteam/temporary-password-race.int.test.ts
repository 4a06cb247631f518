/**
 * Red-team probe of the temporary-password sign-in: racing sign-ins that each bring their own
 * replacement for the same temporary password. The temporary password is spent once: only one
 * replacement wins (compare-and-set on the verified hash), the others get CONFLICT, and no session
 * survives for a password that is no longer the account's.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
systemForFile((running) => (system = running));

const LOGIN = 'mutation($e: String!, $p: String!, $n: String) { login(email: $e, password: $p, newPassword: $n) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { refreshToken } }';
type Login = { login: { accessToken: string; refreshToken: string } };

describe('a temporary password replaced by racing sign-ins', () => {
  it('leaves live sessions only for the replacement that won', async () => {
    const { id, email } = system.accounts.pharmacist;
    const temporary = `Tmp-${randomUUID()}-Aa1!`;
    const reset = await system.gql('mutation($id: ID!, $p: String!) { setTemporaryPassword(id: $id, password: $p) { id } }', { id, p: temporary }, await system.tokenFor('admin'));
    expect(reset.errors).toBeUndefined();
    const replacements = Array.from({ length: 4 }, (_, i) => `New-${i}-${randomUUID()}-Aa1!`);
    const answers = await Promise.all(replacements.map((n) => system.gql<Login>(LOGIN, { e: email, p: temporary, n })));
    const winners = replacements.filter((_, i) => answers[i]!.data?.login);
    // The temporary password is spent once: one sign-in wins, the others are told it changed
    // meanwhile (before: every racer was told its own password was set, and only the last worked).
    expect(winners).toHaveLength(1);
    for (const answer of answers.filter((a) => !a.data?.login)) expect(answer.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const working: string[] = [];
    for (const n of replacements) if ((await system.gql<Login>(LOGIN, { e: email, p: n })).data?.login) working.push(n);
    expect(working).toHaveLength(1);
    // Every session the race handed out must belong to the password that now works.
    const live: string[] = [];
    for (const [i, answer] of answers.entries()) {
      const token = answer.data?.login.refreshToken;
      if (token && (await system.gql(REFRESH, { t: token })).data) live.push(replacements[i]!);
    }
    expect({ winners: winners.length, live }, JSON.stringify({ winners: winners.length, live, working })).toEqual({
      winners: winners.length,
      live: live.filter((n) => n === working[0]),
    });
  });
});
