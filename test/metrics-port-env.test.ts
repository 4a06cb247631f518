/**
 * METRICS_PORT is part of every gRPC service's env.ts (the kit's `metricsEnv` fragment): a value
 * that is not a port is reported by the service's own loadConfig, by name, with every other
 * problem, instead of by a hand check after start-up.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { DEPARTMENT_NAMES } from '@hospital/grpc-contracts/departments';

const servicesDir = new URL('../grpc-internal/services/', import.meta.url);
const departments = readdirSync(servicesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
type Loader = { loadConfig(env: Record<string, string | undefined>): unknown };
const loaderOf = async (department: string) => (await import(/* @vite-ignore */ new URL(`${department}/src/env.ts`, servicesDir).href)) as Loader;
const problemsOf = (load: () => unknown): string[] => {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
};

describe('METRICS_PORT in every service env.ts', () => {
  it('finds a service folder for every department of the table', () => expect([...departments].sort()).toEqual([...DEPARTMENT_NAMES].sort()));

  it.each(departments)('%s: a port is accepted, anything else is reported as METRICS_PORT', async (department) => {
    const { loadConfig } = await loaderOf(department);
    const base = { DATABASE_URL: 'postgresql://u@db:5432/hospital' };
    expect(problemsOf(() => loadConfig({ ...base, METRICS_PORT: '9464' })).filter((p) => p.startsWith('METRICS_PORT'))).toEqual([]);
    for (const bad of ['abc', '70000', '-1']) {
      expect(problemsOf(() => loadConfig({ ...base, METRICS_PORT: bad })).filter((p) => p.startsWith('METRICS_PORT:'))).toHaveLength(1);
    }
  });
});
