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
      timeZone: 'Europe/London',
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
      NOTIFY_TIME_ZONE: 'America/New_York',
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
    const attempt = () => loadConfig({ SMTP_URL: 'http://mail', NOTIFY_TIME_ZONE: 'Mars/Base', NOTIFY_SEND_CHANNELS: 'pigeon', NOTIFY_MAX_ATTEMPTS: '0' });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as EnvError).problems.join('\n');
      for (const name of ['DATABASE_URL', 'SMTP_URL', 'NOTIFY_TIME_ZONE', 'NOTIFY_SEND_CHANNELS', 'NOTIFY_MAX_ATTEMPTS']) expect(problems).toContain(name);
    }
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
    });
    expect(loadConfig({ DATABASE_URL, KAFKA_BROKERS: 'k:1', NOTIFY_KAFKA_GROUP: 'notify-eu', APPOINTMENTS_DLQ_TOPIC: 'dead' }).kafka).toMatchObject({
      groupId: 'notify-eu',
      dlqTopic: 'dead',
    });
    expect(() => loadConfig({ DATABASE_URL, KAFKA_BROKERS: 'k' })).toThrow(EnvError);
  });
});
