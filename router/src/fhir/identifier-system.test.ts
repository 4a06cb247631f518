/** Both doors (the facade and GraphQL's Patient.fhir) name MRNs with one system URI by default. */
import { expect, it } from 'vitest';
import { DEFAULT_FHIR_IDENTIFIER_SYSTEM } from '@hospital/grpc-contracts/fhir';
import { identifierSystemOf } from './index.ts';

it('uses the configured system, else the default the patients subgraph uses, whatever the public URL', () => {
  expect(identifierSystemOf({ fhir: { identifierSystem: 'https://hospital.example/sid/mrn' } })).toBe('https://hospital.example/sid/mrn');
  expect(identifierSystemOf({})).toBe(DEFAULT_FHIR_IDENTIFIER_SYSTEM);
  expect(identifierSystemOf({ oauth: { publicUrl: 'https://api.hospital.example' } } as Parameters<typeof identifierSystemOf>[0])).toBe(DEFAULT_FHIR_IDENTIFIER_SYSTEM);
});
