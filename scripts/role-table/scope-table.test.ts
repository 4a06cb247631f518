import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScopeTable, replaceScopeTable, SCOPE_END_MARKER, SCOPE_START_MARKER } from './scope-table.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README scope table', () => {
  it('names a root field with its scope, and the closed rest', () => {
    const table = buildScopeTable();
    expect(table).toContain('| `query patients` | `system/Patient.s` |');
    expect(table).toContain('| `mutation bookAppointment` | `system/Appointment.c` |');
    expect(table).toContain('closed to apps');
  });

  it('is up to date in README.md', () => {
    expect(readme).toContain(SCOPE_START_MARKER);
    expect(readme).toContain(SCOPE_END_MARKER);
    expect(replaceScopeTable(readme), 'run `npm run docs:roles`').toBe(readme);
  });
});
