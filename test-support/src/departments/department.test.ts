import { describe, expect, it } from 'vitest';
import type { StartContext } from './department.ts';
import { peerTargets } from './department.ts';

const ctx = (grpcTargets: Record<string, string>) => ({ grpcTargets }) as StartContext;

describe('peerTargets', () => {
  it('hands over the targets of the departments started before', () => {
    expect(peerTargets(ctx({ patients: '127.0.0.1:1', ward: '127.0.0.1:2' }), 'finance', 'patients', 'ward')).toEqual({ patients: '127.0.0.1:1', ward: '127.0.0.1:2' });
  });

  it('names the departments not started yet', () => {
    expect(() => peerTargets(ctx({ patients: '127.0.0.1:1' }), 'finance', 'patients', 'appointments', 'ward')).toThrow(
      'finance needs the appointments, ward service(s) started before it',
    );
  });
});
