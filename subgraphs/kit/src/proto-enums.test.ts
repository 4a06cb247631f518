import { describe, expect, it } from 'vitest';
import { enumFromProto, enumToProto, optionalEnumFromProto, protoFilter, UnexpectedProtoEnum } from './proto-enums.ts';

describe('proto enum spellings', () => {
  it('maps a set proto value to its GraphQL name', () => {
    expect(enumFromProto('APPOINTMENT_STATUS_CHECKED_IN', 'APPOINTMENT_STATUS_')).toBe('CHECKED_IN');
    expect(enumFromProto('CHANNEL_IN_APP', 'CHANNEL_', ['EMAIL', 'SMS', 'IN_APP'])).toBe('IN_APP');
  });

  it.each([
    ['INVOICE_STATUS_UNSPECIFIED', 'INVOICE_STATUS_', undefined],
    ['SEX_FEMALE', 'INVOICE_STATUS_', undefined],
    ['CHANNEL_PIGEON', 'CHANNEL_', ['EMAIL', 'SMS', 'IN_APP']],
    ['', 'SEX_', undefined],
  ])('fails %s from the service with a typed INTERNAL error, never a default', (value, prefix, allowed) => {
    const attempt = () => enumFromProto(value, prefix, allowed);
    expect(attempt).toThrow(UnexpectedProtoEnum);
    expect(attempt).toThrow(expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
  });

  it('reads UNSPECIFIED as null only where the field says "none"', () => {
    expect(optionalEnumFromProto('APPOINTMENT_STATUS_UNSPECIFIED', 'APPOINTMENT_STATUS_')).toBeNull();
    expect(optionalEnumFromProto('APPOINTMENT_STATUS_BOOKED', 'APPOINTMENT_STATUS_')).toBe('BOOKED');
    expect(() => optionalEnumFromProto('SEX_MALE', 'APPOINTMENT_STATUS_')).toThrow(UnexpectedProtoEnum);
  });

  it('spells GraphQL values for the service; only an absent filter is UNSPECIFIED', () => {
    expect(enumToProto('PAYMENT_METHOD_', 'CARD')).toBe('PAYMENT_METHOD_CARD');
    expect(protoFilter('ADMISSION_STATUS_', 'DISCHARGED')).toBe('ADMISSION_STATUS_DISCHARGED');
    expect(protoFilter('ADMISSION_STATUS_', undefined)).toBe('ADMISSION_STATUS_UNSPECIFIED');
    expect(protoFilter('ADMISSION_STATUS_', null)).toBe('ADMISSION_STATUS_UNSPECIFIED');
  });
});
