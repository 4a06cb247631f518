import { describe, expect, it } from 'vitest';
import { formatInstant, formatSlot } from './format-when.ts';

describe('formatSlot', () => {
  it('shows UTC instants in the configured zone, with its abbreviation', () => {
    expect(formatSlot('2026-11-25T09:30:00.000Z', '2026-11-25T10:00:00.000Z', 'Europe/London')).toBe('Wed 25 Nov 2026, 09:30–10:00 GMT');
    // Summer time: the same UTC instant is an hour later on the clock.
    expect(formatSlot('2026-07-01T09:30:00.000Z', '2026-07-01T10:00:00.000Z', 'Europe/London')).toBe('Wed 1 Jul 2026, 10:30–11:00 BST');
    expect(formatSlot('2026-11-25T09:30:00.000Z', '2026-11-25T10:00:00.000Z', 'Asia/Tokyo')).toMatch(/^Wed 25 Nov 2026, 18:30–19:00 (GMT\+9|JST)$/);
  });

  it('names both dates when the slot crosses local midnight', () => {
    expect(formatSlot('2026-11-25T23:30:00Z', '2026-11-26T00:30:00Z', 'Europe/London')).toBe('Wed 25 Nov 2026, 23:30 GMT – Thu 26 Nov 2026, 00:30 GMT');
  });

  it('formats a single instant, and accepts offsets in the input', () => {
    expect(formatInstant('2026-11-25T10:30:00+01:00', 'Europe/London')).toBe('Wed 25 Nov 2026, 09:30 GMT');
  });
});
