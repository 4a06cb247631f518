import { describe, expect, it } from 'vitest';
import { parseClinicalEvent, type LabResultEvent } from '@hospital/grpc-contracts';
import { sampleClinicalEvent } from '@hospital/grpc-contracts/events/clinical-sample';
import { renderLabResult } from './lab-result-templates.ts';

function labEvent(type: 'LAB_RESULT_ENTERED' | 'LAB_RESULT_AMENDED', body: Record<string, unknown> = {}): LabResultEvent {
  const payload = sampleClinicalEvent(type, {}, body);
  const parsed = parseClinicalEvent({ id: payload.eventId, type, patientId: payload.patientId, sequence: '1', payloadJson: JSON.stringify(payload) });
  if (!parsed.ok || (parsed.event.type !== 'LAB_RESULT_ENTERED' && parsed.event.type !== 'LAB_RESULT_AMENDED')) throw new Error('bad sample');
  return parsed.event;
}
const ada = { name: 'Ada Lovelace', mrn: 'MRN-000042' };

describe('renderLabResult', () => {
  it('names patient, test, value, unit, flag and range, in the hospital zone', () => {
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'LOW', value: 3.1 }), ada, 'Europe/London')).toEqual({
      subject: 'Lab result: Potassium LOW',
      body: 'Ada Lovelace (MRN MRN-000042): Potassium 3.1 mmol/L, LOW (reference 3.5–5.1 mmol/L). Resulted Tue 8 Dec 2026, 09:00 GMT.',
    });
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'NORMAL', value: 4.2 }), ada, 'Europe/London').subject).toBe('Lab result: Potassium');
  });

  it('puts CRITICAL first and says what an amendment replaced', () => {
    const message = renderLabResult(labEvent('LAB_RESULT_AMENDED'), ada, 'Europe/London');
    expect(message.subject).toBe('CRITICAL: Amended lab result: Potassium CRITICAL HIGH');
    expect(message.body).toContain('Potassium 6.8 mmol/L, CRITICAL HIGH');
    expect(message.body).toContain('Amended: replaces 5.9 mmol/L (HIGH).');
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'CRITICAL_LOW', value: 2.1 }), ada, 'Europe/London').subject).toMatch(/^CRITICAL: Lab result/);
  });

  it('still tells the doctor when the patient register does not know the patient', () => {
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED'), null, 'Europe/London').body).toMatch(/^Patient \(not found in the patient register\): Potassium 6.8/);
  });
});
