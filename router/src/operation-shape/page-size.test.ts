import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFromSdl } from '../auth-policy.ts';
import { DEFAULT_MAX_OPERATION_COST, operationCost } from '../operation-cost.ts';
import { KNOWN_LIST_MAXIMUMS, PLAIN_LIST_SIZE } from './page-size.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const api = schemaFromSdl(readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'));
const cost = (query: string) => operationCost(api, parse(query), { variables: null });

describe('lists with a known server maximum', () => {
  it('charges the stock reports their 500-row maximum, not a plain list of 10', () => {
    expect(KNOWN_LIST_MAXIMUMS['Query.expiringLots']).toBe(500);
    // 500 lots × (1 + drug 1 × (1 + lots 10 × 1))
    expect(cost('{ expiringLots(withinDays: 36500) { drug { lots { id } } } }')).toBe(500 * (1 + 1 + PLAIN_LIST_SIZE));
    expect(cost('{ expiringLots(withinDays: 36500) { drug { lots { id } } } }')).toBeGreaterThan(DEFAULT_MAX_OPERATION_COST);
    expect(cost('{ lowStock(threshold: 10) { id } }')).toBe(500);
  });

  it("charges a patient's allergy history by its page size", () => {
    const history = (first: number) => cost(`{ patient(id: "p") { allergyHistory(first: ${first}) { edges { node { id } } } } }`);
    // Each change in the page: itself 1, its edge 1, its node 1.
    expect(history(50) - history(5)).toBe(45 * 3);
  });

  it('still charges other plain lists PLAIN_LIST_SIZE', () => {
    expect(cost('{ wards { id } }')).toBe(PLAIN_LIST_SIZE);
  });

  it('names only fields the schema has, each a list', () => {
    for (const coordinate of Object.keys(KNOWN_LIST_MAXIMUMS)) {
      const [type, field] = coordinate.split('.');
      const definition = (api.getType(type!) as { getFields?: () => Record<string, unknown> } | undefined)?.getFields?.()[field!];
      expect(definition, coordinate).toBeDefined();
    }
  });
});
