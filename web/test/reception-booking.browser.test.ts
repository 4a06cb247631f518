/**
 * Reception in Chromium against the real system (issue 14): ward staff book a patient with any
 * doctor from their own dashboard. The doctor picker reads `doctors` (active doctors' names only),
 * so a deactivated doctor is not offered; the booking is then on the doctor's schedule.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { bookTomorrowAtReception, clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();
const { ok, patient } = clinicalFixtures(running);

/** A doctor account made by the admin; deactivated when asked. */
async function doctor(displayName: string, deactivate = false): Promise<string> {
  const admin = await running().system.tokenFor('admin');
  const input = { email: `doc-${randomUUID().slice(0, 8)}@test.hospital.local`, password: 'a-long-password-1', displayName, role: 'DOCTOR' };
  const { createUser } = await ok<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: input }, admin);
  if (deactivate) await ok('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: createUser.id }, admin);
  return createUser.id;
}

describe('reception on the ward dashboard', () => {
  it('lets ward staff book a patient with any active doctor, and the booking lands on that doctor', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const surname = `Recepdoc${suffix}`;
    const doctorId = await doctor(`Dr Ada ${surname}`);
    const leaverId = await doctor(`Dr Gone ${surname}`, true);
    const cora = await patient(`Wardbook${suffix}`);
    await withPage(running(), 'ward_staff', async (page) => {
      const card = page.getByRole('region', { name: 'Book for a doctor' });
      await card.getByLabel('Filter doctors by name').fill(surname);
      const picker = card.getByLabel('Doctor', { exact: true });
      // Names only, and the deactivated doctor is not offered (once the typed filter has run).
      await expect.poll(() => picker.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Choose a doctor…', `Dr Ada ${surname}`]);
      expect(await picker.locator(`option[value="${leaverId}"]`).count()).toBe(0);
      await picker.selectOption({ value: doctorId });

      await bookTomorrowAtReception(card, { search: `Wardbook${suffix}`, patientName: cora.fullName, start: '10:30', reason: 'Booked at the ward desk' });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ward-reception-booking.png'), fullPage: true });

      const { appointments } = await ok<{ appointments: { edges: { node: { reason: string; status: string; doctor: { id: string } } }[] } }>(
        'query($d: ID!) { appointments(doctorId: $d, first: 5) { edges { node { reason status doctor { id } } } } }',
        { d: doctorId },
        await running().system.tokenFor('admin'),
      );
      expect(appointments.edges.map((edge) => edge.node)).toEqual([{ reason: 'Booked at the ward desk', status: 'SCHEDULED', doctor: { id: doctorId } }]);
    });
  }, 90_000);
});
