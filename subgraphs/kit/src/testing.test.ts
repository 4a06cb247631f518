import { describe, expect, it } from 'vitest';
import { subgraphTestBed } from './testing.ts';

describe('subgraphTestBed', () => {
  it('closes what was started last first, once', async () => {
    const bed = subgraphTestBed('bed-test');
    const closed: string[] = [];
    const service = bed.closeAfter({ close: () => void closed.push('service') });
    bed.closeAfter({ close: async () => void closed.push('client') });
    bed.serve({ url: 'http://127.0.0.1:1/graphql', close: async () => void closed.push('subgraph') } as Parameters<typeof bed.serve>[0]);
    expect(service.close).toBeTypeOf('function');
    await bed.close();
    await bed.close();
    expect(closed).toEqual(['subgraph', 'client', 'service']);
  });

  it('refuses to post before a subgraph is served, and gives each file its own secret', async () => {
    const bed = subgraphTestBed('bed-test');
    expect(() => bed.gql(undefined, '{ __typename }')).toThrow(/no subgraph is served yet/);
    expect(bed.internalSecret).not.toBe(subgraphTestBed('bed-test').internalSecret);
    expect(bed.host).toBe('127.0.0.1');
  });
});
