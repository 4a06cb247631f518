import { describe, expect, it } from 'vitest';
import { orNull, referenceTo } from './proto-strings.ts';

describe('proto3 empty strings', () => {
  it('shows an empty string as null and any other as is', () => {
    expect(orNull('')).toBeNull();
    expect(orNull('2026-12-07T10:00:00Z')).toBe('2026-12-07T10:00:00Z');
    expect(orNull(' ')).toBe(' ');
  });

  it('turns an empty id into no reference and any other into a reference by id', () => {
    expect(referenceTo('')).toBeNull();
    expect(referenceTo('5b1e2f3a-0000-4000-8000-000000000001')).toEqual({ id: '5b1e2f3a-0000-4000-8000-000000000001' });
  });
});
