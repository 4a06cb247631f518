/** Plain words for API errors: codes pick the sentence, raw JSON never reaches the page. */
import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { CLIENT_VISIBLE_CODES } from '@hospital/grpc-contracts/errors';
import { apiFailureOf, plainWords, PLAIN_WORDS } from './errors.ts';
import { endpointUrls } from './config.ts';

const failed = (code: string, message = 'x', field?: string) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, field } })] });

describe('plainWords', () => {
  it('uses the sentence of the code and an override when the form gives one', () => {
    expect(plainWords(failed('FORBIDDEN'))).toBe(PLAIN_WORDS.FORBIDDEN);
    expect(plainWords(failed('UNAUTHENTICATED'), { UNAUTHENTICATED: 'Wrong password.' })).toBe('Wrong password.');
  });

  it("adds the department's own words for input and conflict errors", () => {
    expect(plainWords(failed('CONFLICT', 'The doctor is already booked.'))).toBe(`${PLAIN_WORDS.CONFLICT} The doctor is already booked.`);
  });

  it('masks unknown codes and network failures', () => {
    expect(plainWords(failed('SOMETHING_NEW', 'stack at foo.ts:1'))).toBe(PLAIN_WORDS.INTERNAL_SERVER_ERROR);
    expect(plainWords(new CombinedError({ networkError: new Error('ECONNREFUSED') }))).toBe(PLAIN_WORDS.NETWORK);
    expect(plainWords(null)).toBeUndefined();
  });

  it('says "wait" for a rate limit or a busy system, never "something went wrong"', () => {
    const limited = new CombinedError({ graphQLErrors: [new GraphQLError('Too many requests.', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 9 } })] });
    expect(apiFailureOf(limited)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 9 });
    expect(plainWords(limited)).toBe(`${PLAIN_WORDS.RATE_LIMITED} It should work again in 9 seconds.`);
    expect(plainWords(failed('SERVICE_UNAVAILABLE'))).toBe(PLAIN_WORDS.SERVICE_UNAVAILABLE);
    expect(PLAIN_WORDS.RATE_LIMITED).not.toBe(PLAIN_WORDS.INTERNAL_SERVER_ERROR);
  });

  it('keeps the meaning of every code the registry shows clients', () => {
    for (const code of CLIENT_VISIBLE_CODES) expect(apiFailureOf(failed(code))?.code).toBe(code);
  });

  it('keeps the field an input error names', () => {
    expect(apiFailureOf(failed('BAD_USER_INPUT', 'allergic', 'allergyOverrideReason'))?.field).toBe('allergyOverrideReason');
  });
});

describe('endpointUrls', () => {
  it('derives the WebSocket URL from the HTTP one, relative or absolute', () => {
    expect(endpointUrls('/graphql', 'http://localhost:3000/')).toEqual({ httpUrl: 'http://localhost:3000/graphql', wsUrl: 'ws://localhost:3000/graphql' });
    expect(endpointUrls('https://api.example.org/graphql', 'http://x/').wsUrl).toBe('wss://api.example.org/graphql');
  });
});
