import { describe, expect, it } from 'vitest';
import { graphqlAdmissionStatus } from './Admission.ts';
import { protoStatusFilter } from './Query.ts';

describe('admission status spellings', () => {
  it('maps proto to GraphQL and refuses an unset status instead of guessing', () => {
    expect(graphqlAdmissionStatus('ADMISSION_STATUS_ADMITTED')).toBe('ADMITTED');
    expect(graphqlAdmissionStatus('ADMISSION_STATUS_DISCHARGED')).toBe('DISCHARGED');
    expect(() => graphqlAdmissionStatus('ADMISSION_STATUS_UNSPECIFIED')).toThrow(/Unexpected/);
  });

  it('turns a missing filter into "both"', () => {
    expect(protoStatusFilter(undefined)).toBe('ADMISSION_STATUS_UNSPECIFIED');
    expect(protoStatusFilter(null)).toBe('ADMISSION_STATUS_UNSPECIFIED');
    expect(protoStatusFilter('DISCHARGED')).toBe('ADMISSION_STATUS_DISCHARGED');
  });
});
