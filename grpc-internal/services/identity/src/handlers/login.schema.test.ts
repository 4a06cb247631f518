/** Login request validation: control characters in the email are bad input, not a database error. */
import { describe, expect, it } from 'vitest';
import { DomainError, parseRequest } from '@hospital/service-kit';
import { loginSchema } from './login.schema.ts';

describe('loginSchema', () => {
  it.each(['a\u0000b@x.test', 'admin@x.test\u0000', 'a\u001b[31m@x.test'])('rejects %j as BAD_USER_INPUT on email', (email) => {
    let caught: unknown;
    try {
      parseRequest(loginSchema, { email, password: 'whatever' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('BAD_USER_INPUT');
    expect((caught as DomainError).field).toBe('email');
  });

  it('still normalises an ordinary email', () => {
    expect(parseRequest(loginSchema, { email: '  Ada@Example.TEST ', password: 'p' }).email).toBe('ada@example.test');
  });
});
