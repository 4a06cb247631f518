import { describe, expect, it } from 'vitest';
import { memoryEventFeed } from '../testing.ts';
import { openEventStream, SubscriberTooSlowError } from './event-stream.ts';

/** An event as small as the feed needs: an id and something to filter on. */
interface TestEvent {
  eventId: string;
  doctorId: string;
}

const event = (eventId: string, doctorId = 'd1'): TestEvent => ({ eventId, doctorId });

describe('openEventStream', () => {
  it('delivers accepted events in order, queued or awaited, and unsubscribes on return', async () => {
    const source = memoryEventFeed<TestEvent>();
    const stream = openEventStream(source, (e) => e.doctorId === 'd1');
    expect(source.listenerCount()).toBe(1);
    source.emit(event('a'));
    source.emit(event('x', 'd2'));
    const waiting = stream.next().then(() => stream.next());
    source.emit(event('b'));
    expect((await waiting).value?.eventId).toBe('b');
    await stream.return!();
    expect(source.listenerCount()).toBe(0);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('cuts off a subscriber that falls too far behind, after what it had queued', async () => {
    const source = memoryEventFeed<TestEvent>();
    const stream = openEventStream(source, () => true, 2);
    for (const id of ['a', 'b', 'c']) source.emit(event(id));
    expect(source.listenerCount()).toBe(0);
    expect((await stream.next()).value?.eventId).toBe('a');
    expect((await stream.next()).value?.eventId).toBe('b');
    await expect(stream.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
  });

  it('keeps delivering to others when one listener throws', () => {
    const source = memoryEventFeed<TestEvent>();
    const seen: string[] = [];
    source.subscribe(() => {
      throw new Error('broken');
    });
    source.subscribe((e) => void seen.push(e.eventId));
    source.emit(event('a'));
    expect(seen).toEqual(['a']);
  });
});
