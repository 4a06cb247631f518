import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('patients subgraph env', () => {
  it('applies the documented defaults (no MRN system: the shared default applies)', () => {
    expect(loadConfig({})).toMatchObject({ port: 4002, host: '127.0.0.1', patientsTarget: '127.0.0.1:50052', grpcDeadlineMs: 5000, production: false });
    expect(loadConfig({}).fhirIdentifierSystem).toBeUndefined();
  });

  it('reads FHIR_IDENTIFIER_SYSTEM as the router does, and refuses one that is no URI', () => {
    expect(loadConfig({ FHIR_IDENTIFIER_SYSTEM: 'https://hospital.example/sid/mrn' }).fhirIdentifierSystem).toBe('https://hospital.example/sid/mrn');
    expect(() => loadConfig({ FHIR_IDENTIFIER_SYSTEM: 'not a uri' })).toThrow(EnvError);
  });
});
