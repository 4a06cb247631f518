import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it("keeps the router's id", () => {
    expect(requestIdFrom({ 'x-request-id': 'r-42' })).toBe('r-42');
  });

  // The same rule as the router's and the gRPC wrapper's: this kit kept up to 128 characters before.
  it.each(['x'.repeat(65), 'x'.repeat(128), 'a b', ''])('mints a new id instead of %j', (value) => {
    expect(requestIdFrom({ 'x-request-id': value })).toMatch(UUID);
  });
});
