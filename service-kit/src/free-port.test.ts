import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ephemeralRangeStart, freePort } from './free-port.ts';

describe('freePort', () => {
  it('returns a port that can be bound right away', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("draws below the kernel's ephemeral range, where outgoing connections never take a port", async () => {
    const start = ephemeralRangeStart();
    if (start === undefined || start - 20_000 < 1_000) return;
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) expect(port).toBeLessThan(start);
    for (const port of ports) expect(port).toBeGreaterThanOrEqual(20_000);
  });

  it('never hands out the same port twice in one process (ports reserved before anything binds them)', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 60; i += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});
