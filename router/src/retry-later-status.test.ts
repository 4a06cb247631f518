import { describe, expect, it } from 'vitest';
import { retryLaterStatus } from './retry-later-status.ts';

describe('retryLaterStatus', () => {
  it('answers 429 or 503 with the longest retry delay for the vocabulary codes that carry one', () => {
    expect(retryLaterStatus([{ message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }])).toEqual({ status: 429, retryAfterSeconds: 30 });
    expect(
      retryLaterStatus([
        { message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } },
        { message: 'y', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 9 } },
      ]),
    ).toEqual({ status: 503, retryAfterSeconds: 9 });
  });

  it('leaves every other answer alone', () => {
    expect(retryLaterStatus([{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }])).toBeUndefined();
    expect(retryLaterStatus([{ message: 'x', extensions: { code: 'SOMETHING_ELSE' } }, { message: 'y' }])).toBeUndefined();
  });
});
