import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { raceOutcomes, settleRace } from './race-outcomes.ts';

const grpcError = (code: status, details: string): ServiceError => Object.assign(new Error(details), { code, details, metadata: new Metadata() });

describe('race outcomes', () => {
  it('sorts settled calls into the winners’ values and the losers’ errors, in call order', () => {
    const taken = grpcError(status.ALREADY_EXISTS, 'Bed A is occupied.');
    const refused = grpcError(status.INVALID_ARGUMENT, 'Already discharged.');
    const outcomes = raceOutcomes<number>([
      { status: 'rejected', reason: taken },
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: refused },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(outcomes).toEqual({ won: [1, 2], lost: [taken, refused], lostStatuses: ['ALREADY_EXISTS', 'INVALID_ARGUMENT'] });
  });

  it('settles racing calls, naming an error without a gRPC code UNKNOWN', async () => {
    const { won, lost, lostStatuses } = await settleRace([
      Promise.resolve('first'),
      Promise.reject(new Error('no code')),
      Promise.reject(grpcError(status.ABORTED, 'Lost the race.')),
    ]);
    expect(won).toEqual(['first']);
    expect(lost).toHaveLength(2);
    expect(lostStatuses).toEqual(['UNKNOWN', 'ABORTED']);
  });
});
