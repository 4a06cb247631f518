/** The metrics port rule and the `/metrics` server (a real HTTP server on a free port). */
import { describe, expect, it } from 'vitest';
import { counter } from './registry.ts';
import { z } from 'zod';
import { EnvError, logEnv, metricsEnv, parseEnv } from '../env.ts';
import { metricsPortOf, serveProcessMetrics } from './metrics-server.ts';
import { errorCodeLabel } from './labels.ts';

describe('metricsPortOf', () => {
  it('takes METRICS_PORT; unset or 0 turns serving off', () => {
    expect(metricsPortOf({ METRICS_PORT: '9464' })).toBe(9464);
    expect(metricsPortOf({})).toBeUndefined();
    expect(metricsPortOf({ METRICS_PORT: '0' })).toBeUndefined();
    expect(() => metricsPortOf({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT/);
    expect(() => metricsPortOf({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
  });

  it("is the kit's env fragment: parseEnv names METRICS_PORT among a schema's other problems", () => {
    const schema = z.object({ ...metricsEnv, ...logEnv });
    expect(parseEnv(schema, {})).toEqual({ LOG_LEVEL: 'info' });
    expect(parseEnv(schema, { METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => parseEnv(schema, { METRICS_PORT: '9464.5', LOG_LEVEL: 'loud' })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^METRICS_PORT: /), expect.stringMatching(/^LOG_LEVEL: /)] }),
    );
    expect(() => metricsPortOf({ METRICS_PORT: '-1' })).toThrow(EnvError);
  });
});

describe('serveProcessMetrics', () => {
  it('serves the registry with the service label and process metrics on /metrics, and nothing else', async () => {
    const server = await serveProcessMetrics('unit-service', 0, { host: '127.0.0.1' });
    try {
      counter('unit_test_events_total', 'Events of this test.').inc();
      const page = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain('unit_test_events_total{service="unit-service"} 1');
      expect(text).toMatch(/process_resident_memory_bytes\{service="unit-service"\} \d+/);
      expect((await fetch(`http://127.0.0.1:${server.port}/graphql`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('errorCodeLabel', () => {
  it('keeps registry codes and turns anything else into "other"', () => {
    expect(errorCodeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(errorCodeLabel('jane.doe@example.com')).toBe('other');
    expect(errorCodeLabel(undefined)).toBe('other');
  });
});
