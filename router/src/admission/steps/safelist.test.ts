/**
 * The persisted-operation safelist binds the first-party web app only: in a browser (an Origin),
 * a staff token's free-form operation is refused, while a registered app's token (as itself, or
 * acting for a clinician through the authorization code flow) runs its own operations.
 */
import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import type { AdmissionDeps, AdmissionState } from '../types.ts';
import { safelist } from './safelist.ts';

const doctor: Caller = { kind: 'user', userId: 'u-1', role: 'doctor', email: 'doctor@test.local' };
const throughApp: Caller = { ...doctor, app: { clientId: 'c-1', name: 'Bedside', scopes: ['user/Patient.rs'] } };
const app: Caller = { kind: 'app', clientId: 'c-1', name: 'Bedside', scopes: ['system/Patient.rs'] };
const deps = { persisted: { mode: 'enforce-browser', manifest: new Map() } } as unknown as AdmissionDeps;
const stateOf = (caller: Caller) =>
  ({
    caller,
    facts: { transport: 'http', method: 'POST', origin: 'https://bedside.example', clientAddress: '192.0.2.1', requestId: 'r1', query: '{ me { id } }' },
  }) as unknown as AdmissionState;

describe("the explorer's exception", () => {
  const admin: Caller = { kind: 'user', userId: 'u-2', role: 'admin', email: 'admin@test.local' };
  const wsState = (caller: Caller, fromExplorer: boolean) =>
    ({
      caller,
      facts: { transport: 'ws', origin: 'https://router.example', fromExplorer, clientAddress: '192.0.2.1', requestId: 'r2', query: 'subscription { ping }' },
    }) as unknown as AdmissionState;

  it('lets an admin subscribe free-form from the explorer page over the WebSocket', async () => {
    expect(await safelist.run(wsState(admin, true), deps)).toBeUndefined();
  });

  it('binds every other role there, and an admin anywhere else', async () => {
    expect(await safelist.run(wsState(doctor, true), deps)).toMatchObject({ step: 'safelist' });
    expect(await safelist.run(wsState(admin, false), deps)).toMatchObject({ step: 'safelist' });
  });
});

describe('the safelist in a browser', () => {
  it("refuses a staff token's free-form operation", async () => {
    expect(await safelist.run(stateOf(doctor), deps)).toMatchObject({ step: 'safelist' });
  });

  it.each([
    ['an app acting for a clinician', throughApp],
    ['an app as itself', app],
  ])('lets %s run its own operation', async (_who, caller) => {
    const state = stateOf(caller);
    expect(await safelist.run(state, deps)).toBeUndefined();
    expect(state.query).toBe('{ me { id } }');
  });
});
