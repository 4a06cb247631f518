import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-link.ts';

describe('notificationLink', () => {
  it("leads a doctor from an appointment notification to the patient's chart", () => {
    expect(notificationLink({ id: 'n1', appointment: { patient: { id: 'p 1' } }, labOrder: null }, 'DOCTOR')).toEqual({ to: '/patients/p%201', label: "Open the patient's chart" });
  });

  it("leads a doctor from a lab-result notification to the lab results in the patient's chart", () => {
    expect(notificationLink({ id: 'n1', appointment: null, labOrder: { patient: { id: 'p1' } } }, 'DOCTOR')).toEqual({
      to: '/patients/p1#lab-results',
      label: 'Open the lab results',
    });
  });

  it('gives no link where the role has no screen for it, or the notification names nothing', () => {
    for (const role of ['ADMIN', 'WARD_STAFF', 'PHARMACIST', 'FINANCE'] as const) {
      expect(notificationLink({ id: 'n1', appointment: { patient: { id: 'p1' } }, labOrder: { patient: { id: 'p1' } } }, role)).toBeNull();
    }
    // A record the doctor may no longer see reads null: no link.
    expect(notificationLink({ id: 'n1', appointment: null, labOrder: null }, 'DOCTOR')).toBeNull();
  });
});
