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

describe('renderLabResult', () => {
  it('says a result arrived and when, in the hospital zone', () => {
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'LOW', value: 3.1 }), 'Europe/London')).toEqual({
      subject: 'Lab result to review',
      body: 'A result of a test you ordered arrived at Tue 8 Dec 2026, 09:00 GMT.',
    });
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'NORMAL', value: 4.2 }), 'Europe/London').subject).toBe('Lab result to review');
  });

  it('says critical and amended, without the value', () => {
    expect(renderLabResult(labEvent('LAB_RESULT_ENTERED', { flag: 'CRITICAL_LOW', value: 2.1 }), 'Europe/London').subject).toBe('Critical lab result to review');
    expect(renderLabResult(labEvent('LAB_RESULT_AMENDED', { flag: 'HIGH', value: 5.6 }), 'Europe/London')).toEqual({
      subject: 'Amended lab result to review',
      body: 'An amended result of a test you ordered arrived at Tue 8 Dec 2026, 09:00 GMT.',
    });
    expect(renderLabResult(labEvent('LAB_RESULT_AMENDED'), 'Europe/London').subject).toBe('Critical amended lab result to review');
  });

  it.each(['LAB_RESULT_ENTERED', 'LAB_RESULT_AMENDED'] as const)('%s: stored text names no test, value, unit, flag or range', (type) => {
    const event = labEvent(type, { flag: 'CRITICAL_HIGH', value: 6.8 });
    const { subject, body } = renderLabResult(event, 'Europe/London');
    const result = event.labResult;
    for (const detail of [result.testName, result.loincCode, String(result.value), result.unit, 'CRITICAL HIGH', String(result.referenceHigh), '5.9']) {
      expect(`${subject} ${body}`).not.toContain(detail);
    }
  });
});
