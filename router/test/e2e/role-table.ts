/**
 * Walks rows of the role table (README "Who may do what") through the router with real JWTs:
 * allowed callers succeed, other roles get FORBIDDEN, anonymous callers UNAUTHENTICATED.
 * Each department's test file lists its own rows; expectations are written out on purpose, so
 * loosening an @auth rule fails a test.
 */
import { describe, expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import type { TestSystem } from '@hospital/test-support/system';

/** Every role, for rows that any signed-in user may run. */
export const EVERY_ROLE: RoleName[] = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'];
const CALLERS: Array<RoleName | 'anonymous'> = [...EVERY_ROLE, 'anonymous'];

/** One row: an operation, who may run it, and fresh variables for each call. */
export interface RoleRow {
  name: string;
  allowed: RoleName[] | 'public';
  query: string;
  variables?: () => Record<string, unknown>;
}

/**
 * Takes the next fixture of a pool: a row that uses up what it acts on (a dispense, an admission)
 * gets a fresh one for each caller it lets through; an empty pool means the file seeded too few.
 * @param pool - the fixtures seeded for the row, consumed from the front
 */
export function takeFixture<T>(pool: T[]): T {
  const item = pool.shift();
  if (item === undefined) throw new Error('role-table pool exhausted');
  return item;
}

/**
 * Declares one test per row and caller.
 * @param system - the running system (read when the tests run, after beforeAll)
 * @param rows - the rows to walk
 */
export function describeRoleTable(system: () => TestSystem, rows: RoleRow[]): void {
  describe.each(rows)('$name', (row) => {
    it.each(CALLERS)('as %s', async (who) => {
      const token = who === 'anonymous' ? undefined : await system().tokenFor(who);
      const result = await system().gql(row.query, row.variables?.(), token);
      const allowed = row.allowed === 'public' || (who !== 'anonymous' && row.allowed.includes(who));
      if (allowed) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.status).toBe(200);
      } else {
        const expected = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(result.errors)).toBe(expected);
        expect(result.data ?? null).toBeNull();
      }
    });
  });
}
