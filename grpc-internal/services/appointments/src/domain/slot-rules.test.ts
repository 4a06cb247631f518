import { describe, expect, it } from 'vitest';
import { badInputField } from '@hospital/service-kit/testing';
import { assertBookableSlot, describeSlot } from './slot-rules.ts';

const now = new Date('2026-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('assertBookableSlot', () => {
  it('accepts a future half hour, a 12-hour block, and a start just behind the clock', () => {
    expect(badInputField(() => assertBookableSlot({ startsAt: at('2026-06-02T09:00Z'), endsAt: at('2026-06-02T09:30Z') }, now))).toBe('none');
    expect(badInputField(() => assertBookableSlot({ startsAt: at('2026-06-02T08:00Z'), endsAt: at('2026-06-02T20:00Z') }, now))).toBe('none');
    expect(badInputField(() => assertBookableSlot({ startsAt: at('2026-06-01T11:57Z'), endsAt: at('2026-06-01T12:30Z') }, now))).toBe('none');
  });

  it.each([
    ['endsAt', '2026-06-02T09:00Z', '2026-06-02T09:00Z'],
    ['endsAt', '2026-06-02T09:00Z', '2026-06-02T08:00Z'],
    ['endsAt', '2026-06-02T09:00Z', '2026-06-02T09:04Z'],
    ['endsAt', '2026-06-02T08:00Z', '2026-06-02T20:00:00.001Z'],
    ['startsAt', '2026-06-01T11:00Z', '2026-06-01T11:30Z'],
    ['startsAt', '2028-07-01T09:00Z', '2028-07-01T09:30Z'],
  ])('blames %s for %s – %s', (field, start, end) => {
    expect(badInputField(() => assertBookableSlot({ startsAt: at(start), endsAt: at(end) }, now))).toBe(field);
  });
});

describe('describeSlot', () => {
  it('names the day once, or both days across midnight', () => {
    expect(describeSlot({ startsAt: at('2026-11-25T09:00Z'), endsAt: at('2026-11-25T09:30Z') })).toBe('2026-11-25 09:00–09:30 UTC');
    expect(describeSlot({ startsAt: at('2026-11-25T23:30Z'), endsAt: at('2026-11-26T00:15Z') })).toBe('2026-11-25 23:30 – 2026-11-26 00:15 UTC');
  });
});
