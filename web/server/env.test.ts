/** HOSPITAL_TIME_ZONE: an IANA name, checked before the port is bound; unset, the server's own zone. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

describe('HOSPITAL_TIME_ZONE', () => {
  it("defaults to the web server's own zone and takes an IANA name", () => {
    expect(loadConfig({}).server.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(loadConfig({ HOSPITAL_TIME_ZONE: 'Europe/London' }).server.timeZone).toBe('Europe/London');
  });

  it('refuses a zone that does not exist, naming the variable', () => {
    expect(() => loadConfig({ HOSPITAL_TIME_ZONE: 'Europe/Atlantis' })).toThrow(/HOSPITAL_TIME_ZONE/);
    expect(() => loadConfig({ HOSPITAL_TIME_ZONE: 'GMT+1' })).toThrow(/HOSPITAL_TIME_ZONE/);
  });
});
