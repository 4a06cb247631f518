import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFromSdl } from '../auth-policy.ts';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from '../env.ts';
import { DEFAULT_MAX_OPERATION_COST, operationCost } from '../operation-cost.ts';
import { DEFAULT_OPERATION_LIMITS, documentBudgetError, operationLimitsRule } from '../operation-limits.ts';
import { loadManifest } from '../persisted-operations.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const api = schemaFromSdl(readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'));
const manifest = [...loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH).values()];

describe('the default limits admit every safelisted web app operation', () => {
  it('finds the safelist', () => {
    expect(manifest.length).toBeGreaterThan(20);
  });

  it.each(manifest.map((text) => [text.match(/(query|mutation|subscription) (\w+)/)?.[2] ?? text.slice(0, 40), text]))(
    '%s: within the document budget, the depth/alias/root limits and the cost budget',
    (_name, text) => {
      const document = parse(text);
      expect(documentBudgetError(document)).toBeUndefined();
      expect(validate(api, document, [operationLimitsRule(DEFAULT_OPERATION_LIMITS)])).toEqual([]);
      for (const operation of document.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        // No variables: a required one fails coercion, so every page variable is charged at the cap
        // of 100. Half the budget, so a dashboard can grow a little before it meets the limit.
        expect(operationCost(api, document, { operation, variables: null })).toBeLessThanOrEqual(DEFAULT_MAX_OPERATION_COST / 2);
      }
    },
  );
});
