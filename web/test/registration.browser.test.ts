/**
 * Registration in Chromium against the real system (issue 14): ward staff register a patient;
 * registering the same person written another way (order, case, accents) shows the API's
 * candidates with the reason, and only "Register anyway" registers a second record. A doctor's
 * registration offers the new chart, where details are edited and an allergy change the API
 * refuses (no care relationship yet) is explained.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { uniqueLetters } from '@hospital/service-kit/testing';

const running = browserHarnessPerFile();

describe('registration', () => {
  it('ward staff register; the same person again shows the candidates; "Register anyway" registers', async () => {
    const family = `Ångström${uniqueLetters(8)}`;
    await withPage(running(), 'ward_staff', async (page) => {
      const form = page.getByRole('form', { name: 'Register a patient' });
      const fill = async (given: string, familyName: string) => {
        await form.getByLabel('Given name').fill(given);
        await form.getByLabel('Family name').fill(familyName);
        await form.getByLabel('Date of birth').fill('1968-04-12');
        await form.getByLabel('Allergies').fill('latex');
      };
      await fill('Anders', family);
      await form.getByRole('button', { name: 'Register patient' }).click();
      const status = form.getByRole('status');
      await status.getByText(new RegExp(`Registered Anders ${family} \\(MRN-\\d+\\)`)).waitFor({ timeout: 10_000 });

      // Names swapped, upper case, accents left out: the API still finds the record.
      const plain = family.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      await fill(plain, 'anders');
      await form.getByRole('button', { name: 'Register patient' }).click();
      const warning = form.getByRole('alert', { name: 'Possible duplicates' });
      await warning.getByText('This patient may already be registered').waitFor({ timeout: 10_000 });
      expect(await warning.textContent()).toMatch(new RegExp(`Anders ${family} \\(MRN-\\d+, born 1968-04-12\\): same name and date of birth`));
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ward-registration-duplicate.png'), fullPage: true });
      expect(await form.getByRole('button', { name: 'Register patient' }).count()).toBe(0);

      await warning.getByRole('button', { name: 'Register anyway' }).click();
      await status.getByText(new RegExp(`Registered ${plain} anders`)).waitFor({ timeout: 10_000 });
      const registered = await running().system.gql<{ patients: { totalCount: number } }>(
        'query($s: String) { patients(search: $s) { totalCount } }',
        { s: family.toLowerCase() },
        await running().system.tokenFor('doctor'),
      );
      expect(registered.data?.patients.totalCount).toBe(2);
    });
  }, 90_000);

  it('a doctor registers, opens the new chart and edits the details; allergies only as the API allows', async () => {
    const family = `Zoë${uniqueLetters(8)}`;
    await withPage(running(), 'doctor', async (page) => {
      const form = page.getByRole('form', { name: 'Register a patient' });
      await form.getByLabel('Given name').fill('Chloé');
      await form.getByLabel('Family name').fill(family);
      await form.getByLabel('Date of birth').fill('2001-09-30');
      await form.getByRole('button', { name: 'Register patient' }).click();
      await form.getByRole('status').getByRole('button', { name: 'Open chart' }).click();
      await page.getByRole('heading', { name: `Chart: Chloé ${family}` }).waitFor({ timeout: 10_000 });

      await page.getByRole('button', { name: 'Edit details and allergies' }).click();
      const edit = page.getByRole('form', { name: 'Edit patient details' });
      await edit.getByLabel('Phone').fill('+33 1 23 45 67 89');
      await edit.getByRole('button', { name: 'Save details' }).click();
      await page.getByRole('status').getByText('Details saved.').waitFor({ timeout: 10_000 });
      await page.getByText('+33 1 23 45 67 89').waitFor({ timeout: 10_000 });

      // No appointment with this patient yet: the API refuses an allergy change, and the form says why.
      await page.getByRole('button', { name: 'Edit details and allergies' }).click();
      await edit.getByLabel('Allergies').fill('peanuts');
      await edit.getByRole('button', { name: 'Save details' }).click();
      await edit.getByText('Only staff caring for this patient may change allergies').waitFor({ timeout: 10_000 });
    });
  }, 90_000);
});
