import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/hospital';

describe('notifications env', () => {
  it('applies the documented defaults (email off without SMTP_URL)', () => {
    expect(loadConfig({ DATABASE_URL })).toMatchObject({
      port: 50054,
      host: '0.0.0.0',
      targets: { appointments: '127.0.0.1:50053', patients: '127.0.0.1:50052', identity: '127.0.0.1:50051' },
      email: { from: 'Hospital <no-reply@hospital.local>' },
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      warnings: [],
      pollIntervalMs: 500,
      retry: { maxAttempts: 5, baseMs: 1_000, capMs: 300_000 },
      sendChannels: ['email', 'sms', 'in_app'],
      logLevel: 'info',
    });
    expect(loadConfig({ DATABASE_URL }).email.smtpUrl).toBeUndefined();
  });

  it('reads SMTP, time zone, timing and channels', () => {
    const config = loadConfig({
      DATABASE_URL,
      SMTP_URL: 'smtp://127.0.0.1:2525',
      HOSPITAL_TIME_ZONE: 'America/New_York',
      NOTIFY_POLL_INTERVAL_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '3',
      NOTIFY_RETRY_BASE_MS: '50',
      NOTIFY_SEND_CHANNELS: 'in_app, sms',
    });
    expect(config).toMatchObject({
      email: { smtpUrl: 'smtp://127.0.0.1:2525' },
      timeZone: 'America/New_York',
      pollIntervalMs: 100,
      retry: { maxAttempts: 3, baseMs: 50 },
      sendChannels: ['in_app', 'sms'],
    });
  });

  it('lists every problem at once', () => {
    const attempt = () =>
      loadConfig({ SMTP_URL: 'http://mail', HOSPITAL_TIME_ZONE: 'Mars/Base', NOTIFY_TIME_ZONE: 'Europe/Atlantis', NOTIFY_SEND_CHANNELS: 'pigeon', NOTIFY_MAX_ATTEMPTS: '0' });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as EnvError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'SMTP_URL', 'HOSPITAL_TIME_ZONE', 'NOTIFY_TIME_ZONE', 'NOTIFY_SEND_CHANNELS', 'NOTIFY_MAX_ATTEMPTS']) expect(problems).toContain(name);
    }
  });
});

describe('notifications env: one hospital time zone (HOSPITAL_TIME_ZONE)', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig({ DATABASE_URL, ...env });
    } catch (error) {
      if (error instanceof EnvError) return error.problems;
      throw error;
    }
    return [];
  };

  it('takes the zone the dashboards take, with no warning', () => {
    expect(loadConfig({ DATABASE_URL, HOSPITAL_TIME_ZONE: 'Asia/Tokyo' })).toMatchObject({ timeZone: 'Asia/Tokyo', warnings: [] });
  });

  it('still takes the deprecated NOTIFY_TIME_ZONE alone, warning about it', () => {
    const config = loadConfig({ DATABASE_URL, NOTIFY_TIME_ZONE: 'America/New_York' });
    expect(config.timeZone).toBe('America/New_York');
    expect(config.warnings).toEqual([expect.stringMatching(/NOTIFY_TIME_ZONE is deprecated: set HOSPITAL_TIME_ZONE/)]);
  });

  it('refuses to start when the two name different zones, naming both', () => {
    const problems = problemsOf({ HOSPITAL_TIME_ZONE: 'Europe/London', NOTIFY_TIME_ZONE: 'America/New_York' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^NOTIFY_TIME_ZONE: America\/New_York differs from HOSPITAL_TIME_ZONE Europe\/London/);
  });

  it('takes both when they agree, warning that the old name can go', () => {
    const config = loadConfig({ DATABASE_URL, HOSPITAL_TIME_ZONE: 'Europe/London', NOTIFY_TIME_ZONE: 'Europe/London' });
    expect(config).toMatchObject({ timeZone: 'Europe/London', warnings: [expect.stringMatching(/deprecated/)] });
  });

  it('refuses a made-up zone in either, with the one validator the web server uses', () => {
    expect(problemsOf({ HOSPITAL_TIME_ZONE: 'Europe/Atlantis' })).toEqual(['HOSPITAL_TIME_ZONE: must be an IANA time zone such as Europe/London']);
    expect(problemsOf({ NOTIFY_TIME_ZONE: 'GMT+1' })).toEqual(['NOTIFY_TIME_ZONE: must be an IANA time zone such as Europe/London']);
  });
});

describe('notifications env: Kafka', () => {
  it('polls PullEvents unless KAFKA_BROKERS is set', () => {
    expect(loadConfig({ DATABASE_URL }).kafka).toBeUndefined();
  });

  it('reads brokers, topics and the consumer group', () => {
    expect(loadConfig({ DATABASE_URL, KAFKA_BROKERS: '127.0.0.1:9092' }).kafka).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'notifications-service',
      topic: { topic: 'appointments', partitions: 6, retentionMs: 604_800_000 },
      dlqTopic: 'appointments.dlq',
      groupId: 'notifications',
      clinical: { topic: { topic: 'clinical', partitions: 6, retentionMs: 604_800_000 }, dlqTopic: 'clinical.dlq' },
    });
    expect(loadConfig({ DATABASE_URL, KAFKA_BROKERS: 'k:1', CLINICAL_TOPIC: 'labs', CLINICAL_DLQ_TOPIC: 'labs.dead' }).kafka?.clinical).toEqual({
      topic: { topic: 'labs', partitions: 6, retentionMs: 604_800_000 },
      dlqTopic: 'labs.dead',
    });
    expect(loadConfig({ DATABASE_URL, KAFKA_BROKERS: 'k:1', NOTIFY_KAFKA_GROUP: 'notify-eu', APPOINTMENTS_DLQ_TOPIC: 'dead' }).kafka).toMatchObject({
      groupId: 'notify-eu',
      dlqTopic: 'dead',
    });
    expect(() => loadConfig({ DATABASE_URL, KAFKA_BROKERS: 'k' })).toThrow(EnvError);
  });
});
