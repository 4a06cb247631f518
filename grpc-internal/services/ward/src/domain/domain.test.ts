import { describe, expect, it } from 'vitest';
import { bedInUseMessage, bedOccupiedMessage, bedOutOfServiceMessage, patientAdmittedMessage } from './clash-messages.ts';
import { occupancyOf } from './occupancy.ts';

describe('occupancyOf', () => {
  it('counts free beds and the occupied share of beds in service', () => {
    expect(occupancyOf({ bedCount: 10, occupiedCount: 6, outOfServiceCount: 0 })).toEqual({ freeCount: 4, occupancyRate: 0.6 });
    expect(occupancyOf({ bedCount: 10, occupiedCount: 6, outOfServiceCount: 2 })).toEqual({ freeCount: 2, occupancyRate: 0.75 });
    expect(occupancyOf({ bedCount: 3, occupiedCount: 2, outOfServiceCount: 0 }).occupancyRate).toBe(0.6667);
  });

  it('reads an empty ward, or one with every bed out of service, as 0 and not NaN', () => {
    expect(occupancyOf({ bedCount: 0, occupiedCount: 0, outOfServiceCount: 0 })).toEqual({ freeCount: 0, occupancyRate: 0 });
    expect(occupancyOf({ bedCount: 4, occupiedCount: 0, outOfServiceCount: 4 })).toEqual({ freeCount: 0, occupancyRate: 0 });
  });
});

describe('clash messages', () => {
  const bed = { label: 'B-12', wardName: 'General Medicine' };

  it('name the bed and ward that clashed', () => {
    expect(bedOccupiedMessage(bed)).toBe('Bed B-12 on General Medicine is occupied.');
    expect(bedOutOfServiceMessage(bed)).toBe('Bed B-12 on General Medicine is out of service.');
    expect(bedInUseMessage(bed)).toMatch(/^Bed B-12 on General Medicine is occupied; /);
  });

  it('say where the patient already lies, or just that they do', () => {
    expect(patientAdmittedMessage(bed)).toBe('Patient already admitted to General Medicine, bed B-12.');
    expect(patientAdmittedMessage(undefined)).toBe('Patient already has an active admission.');
  });
});
