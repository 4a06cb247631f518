import { describe, expect, it } from 'vitest';
import { isTimeZone } from './time-zone.ts';

describe('isTimeZone', () => {
  it.each(['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'])('knows %s', (name) => {
    expect(isTimeZone(name)).toBe(true);
  });

  it.each(['', '  ', 'Mars/Olympus_Mons', 'Europe/Atlantis', 'GMT+1'])('refuses %j', (name) => {
    expect(isTimeZone(name)).toBe(false);
  });
});
