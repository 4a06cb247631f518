/** Delivery latency: read from the event's occurredAt, labelled by the root field's name (never an alias). */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '@hospital/service-kit';
import { deliveryClock, timedDeliveries } from './metrics-delivery.ts';

async function* results(...items: unknown[]) {
  for (const item of items) yield item;
}

describe('deliveryClock', () => {
  it('reads occurredAt through aliases, labels with the field name', () => {
    const clock = deliveryClock(parse('subscription { jane_doe_example_com: appointmentEvents { id at: occurredAt } }'), undefined);
    expect(clock?.field).toBe('appointmentEvents');
    expect(clock?.occurredAt({ data: { jane_doe_example_com: { id: '1', at: '2026-12-06T20:00:00.000Z' } } })).toBe(Date.parse('2026-12-06T20:00:00.000Z'));
    expect(clock?.occurredAt({ data: null, errors: [{ message: 'x' }] })).toBeUndefined();
    expect(clock?.occurredAt({ data: { jane_doe_example_com: { at: 'not a date' } } })).toBeUndefined();
  });

  it('is off for subscriptions without occurredAt, and picks the named operation', () => {
    expect(deliveryClock(parse('subscription { appointmentEvents { id } }'), undefined)).toBeUndefined();
    const doc = parse('subscription A { appointmentEvents { id } } subscription B { appointmentEvents { occurredAt } }');
    expect(deliveryClock(doc, 'A')).toBeUndefined();
    expect(deliveryClock(doc, 'B')?.field).toBe('appointmentEvents');
  });
});

describe('timedDeliveries', () => {
  it('observes commit-to-send per event taken, and passes every result through', async () => {
    const document = parse('subscription { appointmentEvents { occurredAt } }');
    const sentAt = Date.parse('2026-12-06T20:00:01.500Z');
    const events = results(
      { data: { appointmentEvents: { occurredAt: '2026-12-06T20:00:01.000Z' } } },
      { data: { appointmentEvents: { occurredAt: '2026-12-06T20:00:01.900Z' } } },
      { errors: [{ message: 'withheld' }] },
    );
    const seen: unknown[] = [];
    for await (const result of timedDeliveries(events, document, undefined, () => sentAt)) seen.push(result);
    expect(seen).toHaveLength(3);
    const text = await metricsRegistry().getSingleMetricAsString('hospital_event_delivery_seconds');
    expect(text).toContain('hospital_event_delivery_seconds_count{subscription="appointmentEvents"} 2');
    // 0.5 s, and a skewed clock (commit after send) counted as 0.
    expect(text).toContain('hospital_event_delivery_seconds_sum{subscription="appointmentEvents"} 0.5');
    expect(text).toContain('hospital_event_delivery_seconds_bucket{le="0.01",subscription="appointmentEvents"} 1');
  });
});
