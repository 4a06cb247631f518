import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { memoryEventFeed } from '../testing.ts';
import { eventOrRefusal, openRecheckedEventStream, StreamRefused } from './rechecked-stream.ts';

interface TestEvent {
  eventId: string;
  wardId: string;
}

const logger = createLogger('test', 'silent');

const forbidden = () => new GraphQLError('You may follow only the wards you are assigned to.', { extensions: { code: 'FORBIDDEN' } });

describe('openRecheckedEventStream', () => {
  it('narrows with a new answer, pauses while unanswered, and ends with the refusal as its last item', async () => {
    vi.useFakeTimers();
    try {
      const source = memoryEventFeed<TestEvent>();
      let answer: () => Promise<(e: TestEvent) => boolean> = async () => (e) => e.wardId === 'a' || e.wardId === 'b';
      const stream = await openRecheckedEventStream(source, { decide: () => answer(), everyMs: 1_000, logger });
      source.emit({ eventId: '1', wardId: 'b' });
      expect((await stream.next()).value).toEqual({ eventId: '1', wardId: 'b' });

      answer = async () => (e) => e.wardId === 'a';
      await vi.advanceTimersByTimeAsync(1_000);
      source.emit({ eventId: '2', wardId: 'b' });
      answer = async () => {
        throw new Error('ward service unavailable');
      };
      await vi.advanceTimersByTimeAsync(1_000);
      source.emit({ eventId: '3', wardId: 'a' });

      answer = async () => {
        throw forbidden();
      };
      await vi.advanceTimersByTimeAsync(1_000);
      expect(source.listenerCount()).toBe(0);
      const last = (await stream.next()).value;
      expect(last).toBeInstanceOf(StreamRefused);
      expect(() => eventOrRefusal(last)).toThrow(/only the wards you are assigned to/);
      expect(await stream.next()).toEqual({ value: undefined, done: true });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses at subscribe without registering, and stops checking once returned', async () => {
    const source = memoryEventFeed<TestEvent>();
    await expect(openRecheckedEventStream(source, { decide: () => Promise.reject(forbidden()), logger })).rejects.toThrow(GraphQLError);
    expect(source.listenerCount()).toBe(0);
    vi.useFakeTimers();
    try {
      const decide = vi.fn(async () => () => true);
      const stream = await openRecheckedEventStream(source, { decide, everyMs: 1_000, logger });
      await stream.return!();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(decide).toHaveBeenCalledTimes(1);
      expect(source.listenerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
