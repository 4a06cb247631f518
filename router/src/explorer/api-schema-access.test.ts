/**
 * Every field of the published API schema says who may read it (issue 16), exactly as the access
 * module decides: each field's "Roles: … App scopes: …" line is read back and compared with
 * `decideFieldAccess` for every role, an anonymous caller and every single-action app scope. The
 * lines follow the rules: a changed `@auth` in the supergraph changes the line.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  decideFieldAccess,
  GRAPHQL_ROLES,
  readAccessRules,
  roleNameFromGraphql,
  rootTypeNames,
  SCOPE_ACTIONS,
  SCOPE_RESOURCES,
  schemaFromSdl,
} from '@hospital/grpc-contracts/access';
import { apiSchemaSdl } from './api-schema.ts';

const supergraph = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const published = buildSchema(readFileSync(new URL('../../api-schema.graphql', import.meta.url), 'utf8'), { assumeValidSDL: true });
const ROLES = GRAPHQL_ROLES.map(roleNameFromGraphql);
const SCOPES = Object.keys(SCOPE_RESOURCES).flatMap((resource) => SCOPE_ACTIONS.map((action) => `system/${resource}.${action}`));

/** Who a description's access line admits. */
function readLine(description: string | null | undefined): { roles: string[]; anonymous: boolean; scopes: string[] } | undefined {
  const match = /\n?Roles: (.+)\. App scopes: (.+)\.$/.exec(description ?? '');
  if (!match) return undefined;
  const [, roles, scopes] = match as unknown as [string, string, string];
  const everyone = roles === 'anyone, no sign-in needed' || roles === 'any caller the parent field admits';
  return {
    roles: everyone || roles === 'any signed-in user' ? [...ROLES] : roles === 'none' ? [] : roles.split(', '),
    anonymous: everyone,
    scopes: scopes === 'any (no data of its own)' ? [...SCOPES] : scopes === 'none (closed to apps)' ? [] : scopes.split(' or '),
  };
}

function fields(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap())
    .filter((t) => (isObjectType(t) || isInterfaceType(t)) && !t.name.startsWith('__'))
    .flatMap((type) =>
      Object.values((type as { getFields(): Record<string, { name: string; description?: string | null }> }).getFields()).map((f) => ({ type: type.name, field: f })),
    );
}

describe('who may read each field, in the published API schema', () => {
  const rules = readAccessRules(schemaFromSdl(supergraph));
  const roots = rootTypeNames(published);

  it('every field carries exactly the roles and app scopes the access module decides', () => {
    const wrong: string[] = [];
    for (const { type, field } of fields(published)) {
      const coordinate = `${type}.${field.name}`;
      const isRoot = roots.has(type);
      const rule = rules.get(coordinate);
      const line = readLine(field.description);
      if (!line) {
        wrong.push(`${coordinate}: no access line`);
        continue;
      }
      const roles = ROLES.filter((role) => decideFieldAccess({ kind: 'user', role }, rule, isRoot, coordinate) === 'allowed');
      const scopes = SCOPES.filter((scope) => decideFieldAccess({ kind: 'app', scopes: [scope] }, rule, isRoot, coordinate) === 'allowed');
      const anonymous = decideFieldAccess({ kind: 'anonymous' }, rule, isRoot, coordinate) === 'allowed';
      if (JSON.stringify(line) !== JSON.stringify({ roles, anonymous, scopes }))
        wrong.push(`${coordinate}: says ${JSON.stringify(line)}, decided ${JSON.stringify({ roles, anonymous, scopes })}`);
    }
    expect(wrong).toEqual([]);
    expect(fields(published).length).toBeGreaterThan(300);
  });

  it.each([
    ['Query.patients', 'Roles: any signed-in user. App scopes: system/Patient.s.'],
    ['Mutation.prescribe', 'Roles: doctor. App scopes: system/Prescription.c.'],
    ['Invoice.total', 'Roles: admin, finance. App scopes: system/Invoice.r or system/Invoice.s.'],
    ['Mutation.login', 'Roles: anyone, no sign-in needed. App scopes: none (closed to apps).'],
    ['PageInfo.hasNextPage', 'Roles: any caller the parent field admits. App scopes: any (no data of its own).'],
  ])('%s reads "%s"', (coordinate, line) => {
    const [type, name] = coordinate.split('.') as [string, string];
    const field = fields(published).find((f) => f.type === type && f.field.name === name)?.field;
    expect(field?.description?.endsWith(`\n\n${line}`) || field?.description === line).toBe(true);
  });

  it('follows the rules: an @auth changed in the supergraph changes the line', () => {
    const before = buildSchema(apiSchemaSdl(supergraph), { assumeValidSDL: true });
    const changed = supergraph.replace(/(\n\s*prescribe\([\s\S]*?\): Prescription![^\n]*)@auth\(requires: \[DOCTOR\]\)/, '$1@auth(requires: [DOCTOR, PHARMACIST])');
    expect(changed).not.toBe(supergraph);
    const after = buildSchema(apiSchemaSdl(changed), { assumeValidSDL: true });
    const line = (schema: GraphQLSchema) => schema.getMutationType()?.getFields()['prescribe']?.description ?? '';
    expect(line(before)).toContain('Roles: doctor. ');
    expect(line(after)).toContain('Roles: doctor, pharmacist. ');
  });
});
