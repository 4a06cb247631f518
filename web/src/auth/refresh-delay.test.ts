/** When the in-memory access token is refreshed. */
import { describe, expect, it } from 'vitest';
import { refreshDelayMs } from './use-auth-session.ts';

describe('refreshDelayMs', () => {
  it('refreshes a minute before expiry, half-way for short tokens, never in under a second', () => {
    expect(refreshDelayMs(900_000, 0)).toBe(840_000);
    expect(refreshDelayMs(60_000, 0)).toBe(30_000);
    expect(refreshDelayMs(500, 0)).toBe(1_000);
  });
});
