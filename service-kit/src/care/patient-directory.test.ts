import type { Metadata } from '@grpc/grpc-js';
import type { PatientsClient } from '@hospital/grpc-contracts';
import { describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, REQUEST_ID_HEADER } from '../identity-token.ts';
import { GrpcPatientDirectory } from './patient-directory.ts';

const PATIENT = '3f1e2d4c-5b6a-4789-8abc-def012345678';

/** A patients client answering GetPatients with these rows, recording what it was asked. */
function patientsClient(rows: { id: string; archived: boolean; allergies: string[]; email?: string }[]) {
  const asked: { ids: string[]; metadata: Metadata }[] = [];
  const client = {
    getPatients: (request: { ids: string[] }, options: { metadata: Metadata }) => {
      asked.push({ ids: request.ids, metadata: options.metadata });
      return Promise.resolve({ patients: rows });
    },
  } as unknown as PatientsClient;
  return { client, asked };
}

describe('GrpcPatientDirectory', () => {
  it("asks the patients department for one patient on the caller's behalf and keeps the facts others check", async () => {
    const { client, asked } = patientsClient([{ id: PATIENT, archived: true, allergies: ['penicillin'], email: 'kept@out.example' }]);
    const found = await new GrpcPatientDirectory(client).find(PATIENT, { identityToken: 'signed-caller', requestId: 'req-1' });
    expect(found).toEqual({ id: PATIENT, archived: true, allergies: ['penicillin'] });
    expect(asked.map((a) => [a.ids, a.metadata.get(IDENTITY_HEADER)[0], a.metadata.get(REQUEST_ID_HEADER)[0]])).toEqual([[[PATIENT], 'signed-caller', 'req-1']]);
  });

  it('finds the patient when the caller wrote the UUID in upper case (the department answers in lower case)', async () => {
    const { client } = patientsClient([{ id: PATIENT, archived: false, allergies: [] }]);
    const found = await new GrpcPatientDirectory(client).find(PATIENT.toUpperCase(), { identityToken: 't', requestId: 'r' });
    expect(found).toEqual({ id: PATIENT, archived: false, allergies: [] });
  });

  it('finds nobody when the department returns no row with that id', async () => {
    const { client } = patientsClient([{ id: 'another-id', archived: false, allergies: [] }]);
    await expect(new GrpcPatientDirectory(client).find(PATIENT, { identityToken: 't', requestId: 'r' })).resolves.toBeUndefined();
  });
});
