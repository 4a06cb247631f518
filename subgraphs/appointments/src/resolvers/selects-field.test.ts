import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField } from './selects-field.ts';

const schema = buildSchema(`
  type Change { to: String }
  type Node { id: ID, history: [Change] }
  type Edge { node: Node }
  type Page { edges: [Edge], totalCount: Int }
  type Query { appointments: Page }
`);

async function selects(query: string): Promise<boolean> {
  let seen: boolean | undefined;
  await graphql({
    schema,
    source: query,
    fieldResolver: (source, _args, _ctx, info: GraphQLResolveInfo) => {
      if (info.fieldName === 'appointments') seen = selectsField(info, ['edges', 'node', 'history']);
      return (source as Record<string, unknown> | undefined)?.[info.fieldName] ?? null;
    },
    rootValue: {},
  });
  return seen!;
}

describe('selectsField', () => {
  it('is false for the dashboard’s selection (no history)', async () => {
    expect(await selects('{ appointments { totalCount edges { node { id } } } }')).toBe(false);
  });

  it('finds the field directly, under an alias, in inline fragments and in (nested) named fragments', async () => {
    expect(await selects('{ appointments { edges { node { id history { to } } } } }')).toBe(true);
    expect(await selects('{ appointments { edges { node { steps: history { to } } } } }')).toBe(true);
    expect(await selects('{ appointments { edges { ... on Edge { node { ... { history { to } } } } } } }')).toBe(true);
    expect(await selects('{ appointments { ...P } } fragment P on Page { edges { node { ...N } } } fragment N on Node { history { to } }')).toBe(true);
    expect(await selects('{ appointments { ...P } } fragment P on Page { edges { node { id } } }')).toBe(false);
  });
});
