import { describe, expect, it } from 'vitest';
import { OruRefused, parseOruR01 } from './oru-message.ts';

const oru = (obx = 'OBX|1|NM|2823-3^Potassium^LN||6.9|mmol/L|3.5-5.1|HH|||F', msh9 = 'ORU^R01^ORU_R01') =>
  [
    `MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261207101500||${msh9}|MSG0001|P|2.5.1`,
    'PID|1||12345^^^HOSP^MR||Doe^Jane',
    'OBR|1|7d1e7e0a-0000-4000-8000-000000000001||2823-3^Potassium^LN',
    obx,
  ].join('\r');

describe('ORU^R01 parsing', () => {
  it('reads the order, LOINC code, value, unit and status', () => {
    expect(parseOruR01(oru())).toEqual({
      controlId: 'MSG0001',
      orderId: '7d1e7e0a-0000-4000-8000-000000000001',
      loincCode: '2823-3',
      value: 6.9,
      unit: 'mmol/L',
      correction: false,
    });
    expect(parseOruR01(oru('OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L|3.5-5.1|N|||C').replace(/\r/g, '\n')).correction).toBe(true);
  });

  it('refuses other message types, text results, bad values, statuses and several OBX', () => {
    const refusal = (text: string) => {
      try {
        parseOruR01(text);
        return undefined;
      } catch (error) {
        return error instanceof OruRefused ? error.message : `unexpected ${String(error)}`;
      }
    };
    expect(refusal(oru(undefined, 'ADT^A01'))).toContain('MSH-9');
    expect(refusal(oru('OBX|1|ST|2823-3^Potassium^LN||high|mmol/L|||||F'))).toContain('OBX-2');
    expect(refusal(oru('OBX|1|NM|2823-3^Potassium^LN||4,1|mmol/L|||||F'))).toContain('OBX-5');
    expect(refusal(oru('OBX|1|NM|2823-3^Potassium^LN||4.1|mmol/L|||||P'))).toContain('OBX-11');
    expect(refusal(`${oru()}\rOBX|2|NM|2951-2^Sodium^LN||140|mmol/L|||||F`)).toContain('OBX');
    expect(refusal('garbage')).toBeDefined();
    expect(refusal('')).toBeDefined();
  });
});
