/** The facade's own edge: metadata's address budget (429) and content negotiation (406), on a real HTTP server. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { MemoryRateLimitStore } from '../rate-limit/rate-limit-store.ts';
import { RateLimiter } from '../rate-limit/rate-limiter.ts';
import { FHIR_RESOURCE_TYPES } from './index.ts';
import { FhirError } from './outcome.ts';
import { FHIR_BASE_PATH, fhirRoutes } from './routes.ts';

const logger = createLogger('fhir-test', 'silent');
let base = '';
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(
    FHIR_BASE_PATH,
    fhirRoutes({
      types: FHIR_RESOURCE_TYPES,
      settings: { identifierSystem: 'urn:test:mrn' },
      // No caller is ever admitted here: data requests answer the admission's 401.
      admitCaller: () => Promise.reject(new FhirError(401, 'login', 'Sign in.', { 'www-authenticate': 'Bearer' })),
      rateLimiter: new RateLimiter({ perUser: 100, perIp: 3, wsConnects: 1, windowSeconds: 60 }, new MemoryRateLimitStore(), logger),
      logger,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FHIR_BASE_PATH}`;
  close = () => server.close();
});
afterAll(() => close());

describe('FHIR edge', () => {
  it('answers 406 with an OperationOutcome to XML, and 405 to writes', async () => {
    const xml = await fetch(`${base}/metadata`, { headers: { accept: 'application/fhir+xml' } });
    expect(xml.status).toBe(406);
    expect(xml.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(((await xml.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    const post = await fetch(`${base}/Patient`, { method: 'POST', headers: { accept: 'application/fhir+json' } });
    expect(post.status).toBe(405);
  });

  it('charges metadata to the address budget: 429 with Retry-After past it', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const answer = await fetch(`${base}/metadata`);
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers.get('retry-after');
      const body = (await answer.json()) as { resourceType: string };
      expect(body.resourceType).toBe(answer.status === 200 ? 'CapabilityStatement' : 'OperationOutcome');
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
