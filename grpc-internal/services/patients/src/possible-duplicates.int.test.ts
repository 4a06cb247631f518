/**
 * Possible duplicates at registration (issue 14): the service matches (same date of birth and the
 * same name words ignoring case, accents and order; or the same phone digits), refuses to register
 * without "register anyway", lists the candidates, and two identical registrations racing register
 * one patient. Before: every registration created a record.
 */
import { randomInt } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { startPatientsHarness, uniqueName } from './testing/patients-harness.ts';

const h = harnessForFile(() => startPatientsHarness(testDatabaseUrl(), { possibleDuplicateCheck: true }));

type Details = { givenName: string; familyName: string; dateOfBirth: string; phone?: string };
const register = (details: Details, allowPossibleDuplicate = false) =>
  h.client.registerPatient({ sex: 'SEX_UNKNOWN', ...details, allowPossibleDuplicate }, { metadata: h.as('ward_staff') });
const candidates = async (details: Details) =>
  (await h.client.findPossibleDuplicates({ phone: '', ...details }, { metadata: h.as('doctor') })).candidates.map((c) => ({ id: c.patient?.id, reasons: c.reasons }));
const uniquePhone = () => `+44 20 ${randomInt(1000, 9999)} ${randomInt(1000, 9999)}`;
const countNamed = (familyName: string) => h.db.patient.count({ where: { familyName } });

describe('possible duplicates at registration', () => {
  it('refuses the same person written another way and lists them; "register anyway" registers', async () => {
    const family = uniqueName('Lovelace');
    const ada = await register({ givenName: 'Ádá', familyName: family, dateOfBirth: '1915-12-10' });
    // Order, case and accents ignored: family name typed as given name and vice versa.
    const again = { givenName: family.toUpperCase(), familyName: 'ada', dateOfBirth: '1915-12-10' };
    await expectGrpcError(register(again), status.ALREADY_EXISTS);
    expect(await countNamed('ada')).toBe(0);
    expect(await candidates(again)).toEqual([{ id: ada.id, reasons: ['DUPLICATE_REASON_NAME_AND_DATE_OF_BIRTH'] }]);
    const anyway = await register(again, true);
    expect(anyway.id).not.toBe(ada.id);
  });

  it('matches the same phone whatever its punctuation, and nothing else', async () => {
    const phone = uniquePhone();
    const first = await register({ givenName: 'Mary', familyName: uniqueName('Shelley'), dateOfBirth: '1997-08-30', phone });
    const sibling = { givenName: 'Percy', familyName: uniqueName('Shelley'), dateOfBirth: '1992-08-04', phone: phone.replace(/ /g, '-').replace('+44-20', '+44 (20)') };
    await expectGrpcError(register(sibling), status.ALREADY_EXISTS);
    expect(await candidates(sibling)).toEqual([{ id: first.id, reasons: ['DUPLICATE_REASON_PHONE'] }]);
    // Same names, another date of birth; a partial name: not the same person.
    const family = uniqueName('Byron');
    await register({ givenName: 'George Gordon', familyName: family, dateOfBirth: '1988-01-22' });
    await expect(register({ givenName: 'George Gordon', familyName: family, dateOfBirth: '1988-01-23' })).resolves.toMatchObject({ familyName: family });
    await expect(register({ givenName: 'George', familyName: family, dateOfBirth: '1988-01-22' })).resolves.toMatchObject({ givenName: 'George' });
  });

  it('leaves archived records out', async () => {
    const details = { givenName: 'Old', familyName: uniqueName('Archived'), dateOfBirth: '1950-01-01' };
    const old = await register(details);
    await h.client.archivePatient({ id: old.id }, { metadata: h.as('admin') });
    expect(await candidates(details)).toEqual([]);
    await expect(register(details)).resolves.toMatchObject({ familyName: details.familyName });
  });

  it('registers one patient when two identical registrations race', async () => {
    for (let round = 0; round < 3; round++) {
      const details = { givenName: 'Twin', familyName: uniqueName('Race'), dateOfBirth: '1990-02-02', phone: uniquePhone() };
      const outcomes = await Promise.allSettled([register(details), register(details), register(details)]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) if (outcome.status === 'rejected') expect((outcome.reason as { code: number }).code).toBe(status.ALREADY_EXISTS);
      expect(await countNamed(details.familyName)).toBe(1);
    }
  });
});
