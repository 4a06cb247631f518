/** Registration, updates, archiving, lookups, admissions and health through the real service. */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata, checkHealth } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { PATIENTS_SERVICE_NAME } from './service.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startPatientsHarness } from './testing/patients-harness.ts';

const harness = harnessForFile(() => startPatientsHarness(testDatabaseUrl()));

describe('RegisterPatient', () => {
  it('registers with an MRN, normalised fields and RFC 3339 timestamps', async () => {
    const patient = await harness.client.registerPatient(
      {
        givenName: '  Ada ',
        familyName: 'Lovelace',
        dateOfBirth: '1985-12-10',
        sex: 'SEX_FEMALE',
        email: 'ada@example.org',
        allergies: ['Penicillin', 'PENICILLIN', 'Latex'],
      },
      { metadata: harness.as('ward_staff') },
    );
    expect(patient).toMatchObject({
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      sex: 'SEX_FEMALE',
      phone: '',
      email: 'ada@example.org',
      allergies: ['Penicillin', 'Latex'],
      archived: false,
    });
    expect(patient.mrn).toMatch(/^MRN-\d{6,}$/);
    expect(patient.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('gives concurrent registrations distinct MRNs', async () => {
    const patients = await Promise.all(Array.from({ length: 12 }, () => harness.register()));
    expect(new Set(patients.map((p) => p.mrn)).size).toBe(12);
  });

  it('names the field at fault', async () => {
    const tomorrowPlus = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const request = { givenName: 'A', familyName: 'B', dateOfBirth: tomorrowPlus };
    await expectGrpcError(harness.client.registerPatient(request, { metadata: harness.as('doctor') }), status.INVALID_ARGUMENT, {
      field: 'dateOfBirth',
      message: /future/,
    });
  });
});

describe('admissions', () => {
  it('lets readers read, writers write, and only admins archive', async () => {
    const patient = await harness.register();
    for (const role of ['pharmacist', 'finance'] as const) {
      await expect(harness.client.getPatients({ ids: [patient.id] }, { metadata: harness.as(role) })).resolves.toMatchObject({ patients: [{ id: patient.id }] });
      await expectGrpcError(
        harness.client.registerPatient({ givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01' }, { metadata: harness.as(role) }),
        status.PERMISSION_DENIED,
      );
    }
    await expectGrpcError(harness.client.archivePatient({ id: patient.id }, { metadata: harness.as('doctor') }), status.PERMISSION_DENIED);
  });

  it('refuses anonymous callers, missing identity and identities signed with another secret', async () => {
    const search = (metadata: Metadata) => harness.client.searchPatients({ search: '' }, { metadata });
    await expectGrpcError(search(harness.as()), status.UNAUTHENTICATED);
    await expectGrpcError(search(new Metadata()), status.UNAUTHENTICATED);
    const forged = signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'x@y.z' }, 'some-other-secret-that-is-long-enough');
    await expectGrpcError(search(callMetadata(forged, randomUUID())), status.UNAUTHENTICATED);
  });
});

describe('UpdatePatient', () => {
  it('changes only the fields that are set', async () => {
    const patient = await harness.register({ allergies: ['Nuts'] });
    const doctor = { metadata: harness.as('doctor') };
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await harness.client.updatePatient({ id: patient.id, phone: '+44 20 7946 0000', givenName: 'Grace' }, doctor);
    expect(updated).toMatchObject({ givenName: 'Grace', familyName: patient.familyName, phone: '+44 20 7946 0000', allergies: ['Nuts'], mrn: patient.mrn });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(patient.updatedAt));
    // Allergies are the care team's to change (allergies.int.test.ts); an admin may.
    const cleared = await harness.client.updatePatient({ id: patient.id, phone: '', allergies: [], setAllergies: true }, { metadata: harness.as('admin') });
    expect(cleared).toMatchObject({ givenName: 'Grace', phone: '', allergies: [] });
  });

  it('answers NOT_FOUND for unknown ids and BAD_USER_INPUT for malformed ones', async () => {
    const doctor = { metadata: harness.as('doctor') };
    await expectGrpcError(harness.client.updatePatient({ id: randomUUID(), givenName: 'X' }, doctor), status.NOT_FOUND);
    await expectGrpcError(harness.client.updatePatient({ id: 'nope', givenName: 'X' }, doctor), status.INVALID_ARGUMENT, { field: 'id' });
    const patient = await harness.register();
    await expectGrpcError(harness.client.updatePatient({ id: patient.id, familyName: ' ' }, doctor), status.INVALID_ARGUMENT, { field: 'familyName' });
  });
});

describe('ArchivePatient and GetPatients', () => {
  it('archives idempotently, and GetPatients still finds archived records', async () => {
    const patient = await harness.register();
    const admin = { metadata: harness.as('admin') };
    const first = await harness.client.archivePatient({ id: patient.id }, admin);
    expect(first.archived).toBe(true);
    await expect(harness.client.archivePatient({ id: patient.id }, admin)).resolves.toEqual(first);
    await expectGrpcError(harness.client.archivePatient({ id: randomUUID() }, admin), status.NOT_FOUND);
    const { patients } = await harness.client.getPatients({ ids: [patient.id] }, { metadata: harness.as('doctor') });
    expect(patients[0]?.archived).toBe(true);
  });

  it('returns patients in request order, leaving unknown ids out, and caps the batch', async () => {
    const [a, b] = [await harness.register(), await harness.register()];
    const reader = { metadata: harness.as('finance') };
    const { patients } = await harness.client.getPatients({ ids: [b.id, randomUUID(), a.id] }, reader);
    expect(patients.map((p) => p.id)).toEqual([b.id, a.id]);
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    await expectGrpcError(harness.client.getPatients({ ids: tooMany }, reader), status.INVALID_ARGUMENT, { field: 'ids' });
    await expectGrpcError(harness.client.getPatients({ ids: ['x'] }, reader), status.INVALID_ARGUMENT, { field: 'ids' });
  });
});

describe('health', () => {
  it('answers SERVING for the server and the service', async () => {
    await expect(checkHealth(harness.target)).resolves.toBe('SERVING');
    await expect(checkHealth(harness.target, PATIENTS_SERVICE_NAME)).resolves.toBe('SERVING');
  });
});
