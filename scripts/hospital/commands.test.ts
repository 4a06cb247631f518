import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, RUNNABLES, resolveCommand } from './commands.ts';

describe('resolveCommand', () => {
  it('knows 18 runnables: router, web, migrate, seed-demo and a service and a subgraph per department', () => {
    expect(RUNNABLES.size).toBe(4 + 2 * DEPARTMENTS.length);
  });

  it.each([
    [['router'], 'router', 'router/src/main.ts'],
    [['web'], 'web', 'web/server/main.ts'],
    [['migrate'], 'migrate', 'scripts/hospital/migrate-main.ts'],
    [['seed-demo'], 'seed-demo', 'prisma/src/seed/main.ts'],
    [['service', 'pharmacy'], 'service pharmacy', 'grpc-internal/services/pharmacy/src/main.ts'],
    [['subgraph', 'ward'], 'subgraph ward', 'subgraphs/ward/src/main.ts'],
  ])('%j starts %s', (args, key, source) => {
    const resolution = resolveCommand(args);
    expect(resolution).toMatchObject({ ok: true, key, runnable: { source } });
  });

  it.each([
    [[], 'no command given'],
    [['routr'], 'unknown command "routr"'],
    [['service'], '"service" needs a department'],
    [['subgraph', 'radiology'], 'unknown department "radiology"'],
    [['router', 'extra'], 'unexpected arguments: extra'],
    [['service', 'ward', 'extra'], 'unexpected arguments: extra'],
  ])('refuses %j, listing the valid commands and departments', (args, message) => {
    const resolution = resolveCommand(args);
    expect(resolution.ok).toBe(false);
    if (resolution.ok) return;
    expect(resolution.message).toContain(message);
    expect(resolution.message).toContain('service <department>');
    expect(resolution.message).toContain(DEPARTMENTS.join(', '));
  });
});
