import { describe, expect, it } from 'vitest';
import { nextSince, POLL_OVERLAP_MS } from './revocation-poller.ts';

describe('nextSince', () => {
  it('reaches back the overlap before the answer’s server time, so late commits are not missed', () => {
    expect(nextSince('2026-11-25T10:00:30.000Z')).toBe(new Date(Date.parse('2026-11-25T10:00:30.000Z') - POLL_OVERLAP_MS).toISOString());
    expect(POLL_OVERLAP_MS).toBeGreaterThanOrEqual(5_000);
  });

  it('refuses an answer without a usable server time (the poll counts as failed; the list stays)', () => {
    expect(() => nextSince('')).toThrow(/server_time/);
    expect(() => nextSince('soon')).toThrow(/server_time/);
  });
});
