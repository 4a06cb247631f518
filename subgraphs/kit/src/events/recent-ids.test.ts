import { describe, expect, it } from 'vitest';
import { RecentIds } from './recent-ids.ts';

describe('RecentIds', () => {
  it('says new once per id and forgets the oldest beyond its capacity', () => {
    const recent = new RecentIds(2);
    expect([recent.add('a'), recent.add('a'), recent.add('b'), recent.add('c')]).toEqual([true, false, true, true]);
    // 'a' was forgotten when 'c' came; 'c' is still remembered.
    expect([recent.add('a'), recent.add('c')]).toEqual([true, false]);
  });
});
