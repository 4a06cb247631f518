/**
 * Reception moves and cancels appointments (issue 14): ward staff pick a patient at the ward desk,
 * see their coming appointments with any doctor, reschedule one and cancel another (with a reason
 * and a confirmation); the visit itself (complete, no-show) is not offered to them.
 */
import { expect, it } from 'vitest';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';
import { uniqueLetters } from '@hospital/service-kit/testing';

const running = browserHarnessPerFile();
const { ok, patient } = clinicalFixtures(running);

type Appointment = { id: string; status: string; startsAt: string; history: { reason: string | null }[] };

it("lets ward staff reschedule and cancel any doctor's appointment from the ward desk", async () => {
  const suffix = uniqueLetters(8);
  const ada = await patient(`Deskmove${suffix}`);
  const admin = await running().system.tokenFor('admin');
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const book = async (start: string, end: string) =>
    (
      await ok<{ bookAppointment: { id: string } }>(
        'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
        {
          i: {
            patientId: ada.id,
            doctorId: running().system.accounts.doctor.id,
            startsAt: `${tomorrow}T${start}:00.000Z`,
            endsAt: `${tomorrow}T${end}:00.000Z`,
            reason: 'Follow-up',
          },
        },
        admin,
      )
    ).bookAppointment.id;
  const ids = [await book('11:00', '11:30'), await book('12:00', '12:30')];

  await withPage(running(), 'ward_staff', async (page) => {
    const card = page.getByRole('region', { name: 'Book for a doctor' });
    await card.getByLabel('Find patient to book').fill(`Deskmove${suffix}`);
    await card.getByRole('button', { name: `Choose ${ada.fullName}` }).click();
    const list = card.getByRole('table', { name: `Coming appointments of ${ada.fullName}` });
    await expect.poll(() => list.getByRole('button', { name: /^Reschedule the appointment of/ }).count(), { timeout: 15_000 }).toBe(2);
    expect(await list.getByRole('button', { name: /no-show|^Complete/ }).count()).toBe(0);

    // The 11:00 one moves to 15:00.
    await list
      .getByRole('row')
      .filter({ hasText: '11:00' })
      .getByRole('button', { name: /^Reschedule the appointment of/ })
      .click();
    const move = list.getByRole('form', { name: /^Reschedule the appointment of/ });
    await move.getByLabel('New start time').fill('15:00');
    await move.getByLabel('New end time').fill('15:30');
    await move.getByRole('button', { name: 'Save new time' }).click();
    await move.waitFor({ state: 'detached', timeout: 15_000 });

    // The 12:00 one is cancelled, with a reason and a confirmation.
    const noon = list.getByRole('row').filter({ hasText: '12:00' });
    await noon.getByRole('button', { name: /^Cancel the appointment of/ }).click();
    const confirm = noon.getByRole('group', { name: /^Cancel the appointment of/ });
    await confirm.getByLabel('Reason for cancelling').fill('Patient phoned the ward desk');
    await confirm.getByRole('button', { name: 'Confirm cancellation' }).click();
    await expect.poll(() => list.getByRole('button', { name: /^Cancel the appointment of/ }).count(), { timeout: 15_000 }).toBe(1);

    const read = async (id: string) =>
      (await ok<{ appointment: Appointment }>('query($id: ID!) { appointment(id: $id) { id status startsAt history { reason } } }', { id }, admin)).appointment;
    const [moved, cancelled] = [await read(ids[0]!), await read(ids[1]!)];
    expect(moved.status).toBe('SCHEDULED');
    expect(Date.parse(moved.startsAt)).toBe(Date.parse(`${tomorrow}T15:00:00.000Z`));
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.map((change) => change.reason)).toContain('Patient phoned the ward desk');
  });
}, 120_000);
