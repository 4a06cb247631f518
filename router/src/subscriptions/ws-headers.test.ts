import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { upgradeHeaderFacts } from './ws-headers.ts';

const upgrade = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage;

describe('upgradeHeaderFacts', () => {
  it('reads the User-Agent and Origin of an upgrade request', () => {
    expect(upgradeHeaderFacts(upgrade({ 'user-agent': 'bedside/1.0', origin: 'https://ward.example' }))).toEqual({
      userAgent: 'bedside/1.0',
      origin: 'https://ward.example',
    });
  });

  it('reads an empty header as none: an empty Origin is no browser page', () => {
    const facts = upgradeHeaderFacts(upgrade({ 'user-agent': '', origin: '' }));
    expect(facts.origin).toBeUndefined();
    expect(facts.userAgent).toBeUndefined();
    expect(upgradeHeaderFacts(upgrade({})).origin).toBeUndefined();
  });
});
