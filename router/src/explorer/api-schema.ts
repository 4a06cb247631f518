/**
 * The public API schema: the supergraph's API schema without federation internals, published as
 * router/api-schema.graphql and served at `GET /schema.graphql`, and the breaking-change check
 * that holds it still (issue 16): a breaking change against the published schema fails unless
 * CHANGELOG.md records it (by schema coordinate, with its deprecation period).
 */
import { diff, CriticalityLevel, type Change } from '@graphql-inspector/core';
import { Supergraph, isInterfaceType, isObjectType, printSchema } from '@apollo/federation-internals';
import express, { type Router } from 'express';
import { buildSchema } from 'graphql';
import { accessLines, withAccessLine } from './api-schema-access.ts';

/**
 * The API schema clients see, as SDL (`join__`/`link` and `@auth` gone), every field's
 * description ending in who may read it (api-schema-access.ts).
 * @param supergraphSdl - router/supergraph.graphql
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printApiSchema(supergraphSdl, true);
}

/**
 * The API schema as the subgraphs describe it, without the generated access lines (for checking
 * that every argument and field has a description of its own).
 * @param supergraphSdl - router/supergraph.graphql
 */
export function describedApiSchemaSdl(supergraphSdl: string): string {
  return printApiSchema(supergraphSdl, false);
}

function printApiSchema(supergraphSdl: string, withAccess: boolean): string {
  const api = Supergraph.build(supergraphSdl).apiSchema();
  if (!withAccess) return `${printSchema(api)}\n`;
  const lines = accessLines(supergraphSdl);
  for (const type of api.types()) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of type.fields()) {
      const line = lines.get(field.coordinate);
      if (line) field.description = withAccessLine(field.description, line);
    }
  }
  // The printer indents the blank line between a description and its access line; drop that.
  return `${printSchema(api).replace(/^[ \t]+$/gm, '')}\n`;
}

/**
 * Breaking changes from the published schema to the current one (removed fields, types, enum
 * values, arguments made required, changed types…), as graphql-inspector grades them.
 * @param publishedSdl - the last published API schema
 * @param currentSdl - the API schema now
 */
export async function breakingChanges(publishedSdl: string, currentSdl: string): Promise<Change[]> {
  const changes = await diff(buildSchema(publishedSdl, { assumeValidSDL: true }), buildSchema(currentSdl, { assumeValidSDL: true }));
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
}

/**
 * The breaking changes CHANGELOG.md does not record: each must be named there by its coordinate
 * in backticks (`` `Query.users` ``) on a line that says when it was deprecated.
 * @param changes - from {@link breakingChanges}
 * @param changelog - CHANGELOG.md text
 */
export function unrecorded(changes: readonly Change[], changelog: string): Change[] {
  const recorded = changelog.split('\n').filter((line) => /deprecated/i.test(line));
  return changes.filter((change) => !change.path || !recorded.some((line) => line.includes(`\`${change.path}\``)));
}

/**
 * `GET /schema.graphql`: the API schema at a stable URL, for code generators and reviewers.
 * @param supergraphSdl - the router's supergraph
 */
export function schemaRoute(supergraphSdl: string): Router {
  const sdl = apiSchemaSdl(supergraphSdl);
  const router = express.Router();
  router.get('/schema.graphql', (_req, res) => {
    res.type('text/plain; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(sdl);
  });
  return router;
}
