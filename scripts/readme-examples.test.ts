/** Every GraphQL example in the README is valid against the composed supergraph's API schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const apiSchema = Supergraph.build(readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README GraphQL examples', () => {
  it('exist', () => expect(blocks.length).toBeGreaterThan(0));
  it.each(blocks.map((block, i) => [i, block] as const))('block %i validates', (_i, block) => {
    const errors = validate(apiSchema, parse(block));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
