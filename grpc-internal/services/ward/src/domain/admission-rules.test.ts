import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { admissionStatus, assertCanDischarge, assertCanTransfer } from './admission-rules.ts';

const BED = '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11';
const OTHER_BED = '0d3a1c52-3d0e-4c1f-8d5e-2b8f9c7a6e10';
const WARD = '5b7e2a10-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const active = { bedId: BED, wardId: WARD, dischargedAt: null };
const discharged = { bedId: BED, wardId: WARD, dischargedAt: new Date('2026-11-20T10:00:00Z') };

function refusal(run: () => void): { code: string; field: string | undefined } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.field };
  }
}

describe('admissionStatus', () => {
  it('is ADMITTED until a discharge time is recorded', () => {
    expect(admissionStatus(null)).toBe('ADMITTED');
    expect(admissionStatus(new Date())).toBe('DISCHARGED');
  });
});

describe('assertCanTransfer', () => {
  it('lets an active admission move to another bed', () => {
    expect(refusal(() => assertCanTransfer(active, OTHER_BED))).toBeUndefined();
  });

  it('refuses a discharged admission, blaming admissionId', () => {
    expect(refusal(() => assertCanTransfer(discharged, OTHER_BED))).toEqual({ code: 'BAD_USER_INPUT', field: 'admissionId' });
  });

  it('refuses a move to the bed the patient is in, blaming bedId', () => {
    expect(refusal(() => assertCanTransfer(active, BED))).toEqual({ code: 'BAD_USER_INPUT', field: 'bedId' });
  });

  it('reports the discharge before the same bed: the admission is over either way', () => {
    expect(refusal(() => assertCanTransfer(discharged, BED))?.field).toBe('admissionId');
  });
});

describe('assertCanDischarge', () => {
  it('discharges an active admission once', () => {
    expect(refusal(() => assertCanDischarge(active))).toBeUndefined();
    expect(refusal(() => assertCanDischarge(discharged))).toEqual({ code: 'BAD_USER_INPUT', field: 'admissionId' });
  });
});
