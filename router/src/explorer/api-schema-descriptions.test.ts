/**
 * Every argument and every field clients can see carries a description of its own (issue 16):
 * read from the composed supergraph's API schema before the generated access lines are added, so
 * "Roles: …" never counts as one. Output fields, input fields and arguments; enum values and types
 * are left to review. The check is proven on a field and an argument stripped of theirs.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describedApiSchemaSdl } from './api-schema.ts';

const supergraph = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');

/**
 * Coordinates of the arguments, fields and input fields without a description.
 * @param sdl - an API schema
 */
function undescribed(sdl: string): string[] {
  const schema: GraphQLSchema = buildSchema(sdl, { assumeValidSDL: true });
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

describe('descriptions in the API schema', () => {
  const sdl = describedApiSchemaSdl(supergraph);

  it('every argument, field and input field has one (write it in subgraphs/<dept>/schema.graphql)', () => {
    expect(undescribed(sdl)).toEqual([]);
  });

  it('the check fails on a field and an argument without one', () => {
    const stripped = sdl.replace(/\n\s*"""The signed-in user\."""\n(\s*me: User!)/, '\n$1').replace(/\n\s*"""The patient's id\."""\n(\s*id: ID!\n\s*\): Patient)/, '\n$1');
    expect(stripped).not.toBe(sdl);
    expect(undescribed(stripped)).toEqual(expect.arrayContaining(['Query.me', 'Mutation.archivePatient(id:)']));
  });
});
