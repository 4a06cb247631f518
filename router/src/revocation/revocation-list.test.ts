import { describe, expect, it } from 'vitest';
import { RETENTION_MARGIN_MS, TokenRevocationList, type TokenRevocation } from './revocation-list.ts';

const T = Date.parse('2026-11-25T10:00:05.400Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('TokenRevocationList', () => {
  it('is not loaded until the first answer, even an empty one', () => {
    const list = new TokenRevocationList();
    expect(list.loaded).toBe(false);
    list.apply([]);
    expect(list.loaded).toBe(true);
  });

  it('refuses tokens issued at or before the revocation, and only the revoked user', () => {
    const list = new TokenRevocationList();
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    expect(list.isRevoked('u1', seconds(T) - 600)).toBe(true);
    // Same second as the revocation: could be either side of it, so it is refused.
    expect(list.isRevoked('u1', seconds(T))).toBe(true);
    expect(list.isRevoked('u1', seconds(T) + 1)).toBe(false);
    expect(list.isRevoked('u2', seconds(T) - 600)).toBe(false);
  });

  it('keeps the latest revocation of a user: an older or repeated answer never moves it back', () => {
    const list = new TokenRevocationList();
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    list.apply([{ userId: 'u1', validAfterMs: T - 60_000 }]);
    expect(list.isRevoked('u1', seconds(T))).toBe(true);
    list.apply([{ userId: 'u1', validAfterMs: T + 10_000 }]);
    expect(list.isRevoked('u1', seconds(T) + 5)).toBe(true);
  });

  it('keeps users an answer leaves out (the last list survives a partial or failed poll)', () => {
    const list = new TokenRevocationList();
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    list.apply([{ userId: 'u2', validAfterMs: T }]);
    expect(list.isRevoked('u1', seconds(T) - 1)).toBe(true);
    expect(list.size).toBe(2);
  });

  it('forgets a revocation only once every token it covers has expired', () => {
    const list = new TokenRevocationList();
    const lifetime = 900_000;
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    list.prune(T + lifetime, lifetime);
    expect(list.isRevoked('u1', seconds(T))).toBe(true);
    list.prune(T + lifetime + RETENTION_MARGIN_MS + 1, lifetime);
    expect(list.size).toBe(0);
  });

  it('tells listeners about new and later revocations only', () => {
    const list = new TokenRevocationList();
    const heard: TokenRevocation[] = [];
    const stop = list.onRevoked((r) => heard.push(r));
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    list.apply([{ userId: 'u1', validAfterMs: T }]);
    list.apply([{ userId: 'u1', validAfterMs: T + 1 }]);
    stop();
    list.apply([{ userId: 'u2', validAfterMs: T }]);
    expect(heard).toEqual([
      { userId: 'u1', validAfterMs: T },
      { userId: 'u1', validAfterMs: T + 1 },
    ]);
  });
});

describe('ended sessions', () => {
  it('refuse every token carrying the session id, tell listeners once, and are pruned after a token lifetime', () => {
    const list = new TokenRevocationList();
    const heard: TokenRevocation[] = [];
    list.onRevoked((r) => heard.push(r));
    const ended = { userId: 'u1', validAfterMs: T, sessionId: 's1' };
    list.apply([ended]);
    list.apply([ended]);
    expect(heard).toEqual([ended]);
    expect(list.isRevoked('u1', seconds(T) + 60, 's1')).toBe(true);
    expect(list.isRevoked('u1', seconds(T) - 60, 's2')).toBe(false);
    expect(list.isRevoked('u1', seconds(T) - 60)).toBe(false);
    expect(list.sessionCount).toBe(1);
    list.prune(T + 900_000 + RETENTION_MARGIN_MS + 1, 900_000);
    expect(list.sessionCount).toBe(0);
  });
});
