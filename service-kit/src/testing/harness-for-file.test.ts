import { describe, expect, it } from 'vitest';
import { harnessForFile } from './harness-for-file.ts';

class Counter {
  calls = 0;
  closed = false;
  bump(): number {
    return ++this.calls;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const started: Counter[] = [];
const counter = harnessForFile(async () => {
  const made = new Counter();
  started.push(made);
  return made;
});

describe('harnessForFile', () => {
  it('starts the harness once before the tests and forwards reads and method calls to it', () => {
    expect(started).toHaveLength(1);
    expect(counter.bump()).toBe(1);
    expect(counter.calls).toBe(1);
    expect(started[0]?.closed).toBe(false);
  });
});

describe('harnessForFile, read while tests are collected', () => {
  const early = harnessForFile(async () => new Counter());
  let readEarly: unknown;
  try {
    readEarly = early.calls;
  } catch (error) {
    readEarly = error;
  }

  it('throws instead of reading undefined', () => {
    expect(String(readEarly)).toMatch(/not started yet: read `calls`/);
  });
});
