import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeRequestId } from './request-id.ts';

describe('safeRequestId', () => {
  it.each([randomUUID(), 'req-1', 'a.b:c_d', 'x'.repeat(64)])('keeps %s', (value) => {
    expect(safeRequestId(value)).toBe(value);
  });

  // The subgraph kit used to keep up to 128 characters while the router kept 64.
  it.each(['', 'x'.repeat(65), 'x'.repeat(128), 'a b', 'line\nbreak', 'é', ['a', 'b'], undefined, 42])('drops %j', (value) => {
    expect(safeRequestId(value)).toBeUndefined();
  });
});
