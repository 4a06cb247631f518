import { verifyPassword } from '@hospital/service-kit';
import { describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../../../test/own-database.ts';
import { seedDemoData } from './seed-demo-data.ts';

const password = 'demo-password-for-tests';

// A database of its own: the seeder only fills an empty patients table, and the shared one
// holds other tests' patients.
describe('seedDemoData', () => {
  const own = useOwnDatabase();

  it('creates the accounts and patients once, then changes nothing', async () => {
    const first = await seedDemoData(own.db, { password, patientCount: 120 });
    const patientsAfterFirst = await own.db.patient.findMany({ orderBy: { mrn: 'asc' } });

    const second = await seedDemoData(own.db, { password, patientCount: 120 });

    expect(first).toEqual({ users: 7, patientsCreated: 120 });
    expect(second).toEqual({ users: 7, patientsCreated: 0 });
    expect(await own.db.user.count()).toBe(7);
    expect(await own.db.patient.findMany({ orderBy: { mrn: 'asc' } })).toEqual(patientsAfterFirst);
    expect(patientsAfterFirst[0]?.mrn).toMatch(/^MRN-\d{6}$/);
  });

  it('gives each role a demo account whose password verifies', async () => {
    const expected = {
      'admin@hospital.local': 'admin',
      'doctor@hospital.local': 'doctor',
      'pharmacist@hospital.local': 'pharmacist',
      'finance@hospital.local': 'finance',
      'ward@hospital.local': 'ward_staff',
    } as const;
    for (const [email, role] of Object.entries(expected)) {
      const user = await own.db.user.findUnique({ where: { email } });
      expect(user, email).toMatchObject({ role, active: true });
      expect(await verifyPassword(password, user!.passwordHash), email).toBe(true);
      expect(await verifyPassword('wrong-password', user!.passwordHash), email).toBe(false);
    }
  });

  it('restores a deactivated demo account', async () => {
    await own.db.user.update({ where: { email: 'ward@hospital.local' }, data: { active: false, role: 'finance' } });

    await seedDemoData(own.db, { password, patientCount: 0 });

    const user = await own.db.user.findUnique({ where: { email: 'ward@hospital.local' } });
    expect(user).toMatchObject({ active: true, role: 'ward_staff' });
    expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
  });
});
