/**
 * The clinical event payload holds its version, by the same check as the appointment payload
 * (payload-version.ts): the schema now matches the committed snapshot of CLINICAL_EVENT_VERSION,
 * and incompatible changes are refused under that version (an optional field keeps it).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CLINICAL_EVENT_VERSION, clinicalEventSchema } from './clinical-event.ts';
import { CLINICAL_EVENT_CONTRACT } from './event-contracts.ts';
import { readSnapshots } from './payload-snapshots.ts';
import { incompatibleChanges, payloadJsonSchema, payloadVersionProblems } from './payload-version.ts';

const contract = CLINICAL_EVENT_CONTRACT;
const snapshots = readSnapshots(contract.name);
const labResult = clinicalEventSchema.shape.labResult.unwrap();

describe('the clinical event payload', () => {
  it('matches the committed snapshot of its version (npm run events:schema)', () => {
    expect(payloadVersionProblems({ contract, version: CLINICAL_EVENT_VERSION, current: payloadJsonSchema(clinicalEventSchema), snapshots })).toEqual([]);
    expect(snapshots.get(CLINICAL_EVENT_VERSION)?.properties?.version).toMatchObject({ const: CLINICAL_EVENT_VERSION });
    // The appointment snapshots are not read as clinical ones.
    expect([...snapshots.keys()]).toEqual([CLINICAL_EVENT_VERSION]);
  });

  it.each([
    ['a removed field', clinicalEventSchema.omit({ wardId: true }), 'wardId: removed'],
    ['a new flag', clinicalEventSchema.extend({ labResult: labResult.extend({ flag: z.enum(['NORMAL', 'PANIC']) }).optional() }), 'labResult.flag: enum changed'],
    ['a changed type', clinicalEventSchema.extend({ labResult: labResult.extend({ value: z.string() }).optional() }), 'labResult.value: type changed'],
  ])('refuses %s under the same version, naming CLINICAL_EVENT_VERSION', (_name, changed, expected) => {
    const problems = payloadVersionProblems({ contract, version: CLINICAL_EVENT_VERSION, current: payloadJsonSchema(changed), snapshots });
    expect(
      problems.some((p) => p.startsWith(`${expected}: incompatible with version ${CLINICAL_EVENT_VERSION}; bump CLINICAL_EVENT_VERSION`)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('keeps the version for an added optional field', () => {
    const current = payloadJsonSchema(clinicalEventSchema.extend({ bedId: z.uuid().optional() }));
    expect(incompatibleChanges(snapshots.get(CLINICAL_EVENT_VERSION) ?? {}, current)).toEqual([]);
  });
});
