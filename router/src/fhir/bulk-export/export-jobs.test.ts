import { describe, expect, it } from 'vitest';
import { ExportJobStore } from './export-jobs.ts';

describe('ExportJobStore', () => {
  it('holds at most perApp exports per app (429), each app its own', () => {
    const store = new ExportJobStore({ perApp: 1, keepMs: 60_000, maxResources: 10 });
    const job = store.start('app-a', 'https://h.test/fhir/R4/Patient/$export');
    expect(() => store.start('app-a', 'x')).toThrow(expect.objectContaining({ status: 429 }));
    expect(store.start('app-b', 'x').owner).toBe('app-b');
    expect(store.get(job.id, 'app-a')).toBe(job);
    // Another app's export is as unknown as no export at all.
    expect(() => store.get(job.id, 'app-b')).toThrow(expect.objectContaining({ status: 404 }));
    store.delete(job.id, 'app-a');
    expect(job.cancelled.signal.aborted).toBe(true);
    expect(store.start('app-a', 'x').state).toBe('running');
  });

  it('forgets and cancels expired exports, freeing the slot', () => {
    const store = new ExportJobStore({ perApp: 1, keepMs: 1_000, maxResources: 10 });
    const job = store.start('app-a', 'x', 0);
    expect(store.start('app-a', 'x', 2_000).id).not.toBe(job.id);
    expect(job.cancelled.signal.aborted).toBe(true);
  });

  it('caps the resources one export holds (413)', () => {
    const store = new ExportJobStore({ perApp: 1, keepMs: 60_000, maxResources: 2 });
    const job = store.start('app-a', 'x');
    store.add(job, { resourceType: 'Patient', id: '1' });
    store.add(job, { resourceType: 'Invoice', id: '2', status: 'draft' });
    expect(() => store.add(job, { resourceType: 'Patient', id: '3' })).toThrow(expect.objectContaining({ status: 413 }));
    expect([...job.files.keys()]).toEqual(['Patient', 'Invoice']);
  });
});
