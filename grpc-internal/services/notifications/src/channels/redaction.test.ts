import { describe, expect, it } from 'vitest';
import { describeDeliveryError, maskEmail, maskPhone, MAX_ERROR_LENGTH } from './redaction.ts';

describe('masking', () => {
  it('masks emails and phone numbers', () => {
    expect(maskEmail('ada.lovelace@example.org')).toBe('a***@example.org');
    expect(maskEmail('not-an-email')).toBe('***');
    expect(maskPhone('+44 20 7946 0123')).toBe('********0123');
    expect(maskPhone('123')).toBe('****');
  });
});

describe('describeDeliveryError', () => {
  it('keeps codes and removes recipient addresses and numbers', () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <ada@example.org>: no such user"), {
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(describeDeliveryError(refused)).toBe("EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 <<address>>: no such user");
    expect(describeDeliveryError(new Error('SMS to +44 20 7946 0123 refused'))).toBe('SMS to <number> refused');
    expect(describeDeliveryError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:2525');
  });

  it('truncates long texts and copes with non-errors', () => {
    expect(describeDeliveryError(new Error('x'.repeat(1000))).length).toBe(MAX_ERROR_LENGTH);
    expect(describeDeliveryError('plain')).toBe('plain');
    expect(describeDeliveryError(new Error(''))).toBe('unknown error');
  });
});
