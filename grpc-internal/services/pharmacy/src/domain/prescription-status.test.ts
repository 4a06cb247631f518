import { describe, expect, it } from 'vitest';
import { transition } from './prescription-status.ts';

describe('prescription transitions', () => {
  it('moves a pending prescription to dispensed or cancelled', () => {
    expect(transition('pending', 'dispense')).toBe('dispensed');
    expect(transition('pending', 'cancel')).toBe('cancelled');
  });

  it('answers a repeated step with CONFLICT', () => {
    expect(() => transition('dispensed', 'dispense')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'This prescription has already been dispensed.' }));
    expect(() => transition('cancelled', 'cancel')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('answers the other final step with BAD_USER_INPUT', () => {
    expect(() => transition('cancelled', 'dispense')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id', message: 'A cancelled prescription cannot be dispensed.' }),
    );
    expect(() => transition('dispensed', 'cancel')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'id' }));
  });
});
