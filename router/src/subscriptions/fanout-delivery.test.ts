/**
 * The fan-out's audit of shared resolutions for readers it cannot name in a delivered-read row
 * (apps): such a reader never receives a resolution made as someone else, and unaudited; it gets
 * one of its own, audited as itself by the services answering it (issue 16).
 */
import { describe, expect, it, vi } from 'vitest';
import type { DeliveredRead } from '@hospital/grpc-contracts';
import type { Caller } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import { deliverEvent, type Cohort, type DeliveryDeps, type Member } from './fanout-delivery.ts';
import type * as EventResolution from './event-resolution.ts';
import type { PreparedSelection } from './event-resolution.ts';

const resolveEvent = vi.hoisted(() => vi.fn());
vi.mock('./event-resolution.ts', async (original) => ({ ...(await original<typeof EventResolution>()), resolveEvent }));

const whoOf = (caller: Caller) => (caller.kind === 'user' ? caller.userId : caller.kind === 'app' ? caller.clientId : caller.kind);
resolveEvent.mockImplementation((_deps: unknown, _selection: unknown, _event: unknown, context: RouterContext) =>
  Promise.resolve({ result: { data: { resolvedAs: whoOf(context.caller) } }, patientIds: ['0b6f2c9e-5c1e-4a8e-9d1e-2f3a4b5c6d7e'] }),
);

const selection = {
  operationName: 'Feed',
  operationContext: { operation: { selectionSet: { selections: [{ kind: 'Field', name: { value: 'appointmentEvents' } }] } } },
} as unknown as PreparedSelection;

function member(caller: Caller): Member & { received: () => Promise<unknown> } {
  let item: Promise<unknown> | undefined;
  const queue = { push: (next: Promise<unknown>) => void (item = next) } as unknown as Member['queue'];
  const context = { caller, requestId: 'r', scope: {} } as unknown as RouterContext;
  return { context, queue, received: () => item! };
}

const user = (userId: string): Caller => ({ kind: 'user', userId, role: 'admin', email: `${userId}@test.local` });
const app = (clientId: string): Caller => ({ kind: 'app', clientId, name: clientId, scopes: ['system/Appointment.rs', 'system/Patient.rs'] });

describe('deliverEvent, readers a delivered-read row cannot name', () => {
  it('resolves once per app, as the app, and reports only users as delivered reads', async () => {
    resolveEvent.mockClear();
    const reads: DeliveredRead[] = [];
    const deps = { audit: { record: (r: readonly DeliveredRead[]) => (reads.push(...r), Promise.resolve()), calls: 0, close() {} } } as unknown as DeliveryDeps;
    const members = [member(user('rep')), member(app('x')), member(app('x')), member(app('y')), member(user('u2'))];
    const cohort: Cohort = { key: 'k', members: new Set(members), selection };
    deliverEvent(deps, [cohort], {}, 'req');
    const received = await Promise.all(members.map((m) => m.received()));
    expect(received.map((r) => (r as { data: { resolvedAs: string } }).data.resolvedAs)).toEqual(['rep', 'x', 'x', 'y', 'rep']);
    // The representative, then one resolution per app (its two connections share it).
    expect(resolveEvent.mock.calls.map((call) => whoOf((call[3] as RouterContext).caller))).toEqual(['rep', 'x', 'y']);
    expect(reads.map((r) => r.userId)).toEqual(['u2']);
  });
});

describe('deliverEvent, readers acting through an app', () => {
  it('reports the app beside the user in their delivered reads', async () => {
    resolveEvent.mockClear();
    const reads: DeliveredRead[] = [];
    const deps = { audit: { record: (r: readonly DeliveredRead[]) => (reads.push(...r), Promise.resolve()), calls: 0, close() {} } } as unknown as DeliveryDeps;
    const throughApp = (userId: string): Caller => ({
      kind: 'user',
      userId,
      role: 'admin',
      email: `${userId}@test.local`,
      app: { clientId: 'c-board', name: 'Ward board', scopes: ['user/Appointment.rs'] },
    });
    const members = [member(throughApp('rep')), member(throughApp('u3')), member(user('u4'))];
    deliverEvent(deps, [{ key: 'k', members: new Set(members), selection }], {}, 'req');
    await Promise.all(members.map((m) => m.received()));
    expect(reads.map((r) => [r.userId, r.appClientId, r.appName])).toEqual([
      ['u3', 'c-board', 'Ward board'],
      ['u4', '', ''],
    ]);
  });
});
