/** Login request validation: control characters in the email are bad input, not a database error. */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '@hospital/service-kit';
import { expectDomainError } from '@hospital/service-kit/testing';
import { loginSchema } from './login.schema.ts';

describe('loginSchema', () => {
  it.each(['a\u0000b@x.test', 'admin@x.test\u0000', 'a\u001b[31m@x.test'])('rejects %j as BAD_USER_INPUT on email', (email) => {
    expectDomainError(() => parseRequest(loginSchema, { email, password: 'whatever' }), 'BAD_USER_INPUT', { field: 'email' });
  });

  it('still normalises an ordinary email', () => {
    expect(parseRequest(loginSchema, { email: '  Ada@Example.TEST ', password: 'p' }).email).toBe('ada@example.test');
  });
});
