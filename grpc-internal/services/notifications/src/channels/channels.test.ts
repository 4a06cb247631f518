import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { EmailChannel } from './email-channel.ts';
import { DeliverySkipped, UndeliverableMessage, type OutboundMessage } from './notification-channel.ts';
import { LoggingSmsProvider, SmsChannel } from './sms-channel.ts';

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('channels-test', 'info', sink), lines };
}

const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  deliveryId: 'a2b7d1a4-0c9e-4b1f-9a54-2f1d3c4b5a69',
  channel: 'sms',
  recipientId: '3b1e2c4d-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  address: '+44 7700 900123',
  subject: 'Your appointment is booked',
  body: 'Hospital: Your appointment with Dr Hopper is booked for Wed 25 Nov 2026, 09:30 GMT.',
  eventType: 'BOOKED',
  appointmentId: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  labOrderId: null,
  ...overrides,
});

describe('EmailChannel without SMTP_URL', () => {
  it('records the email as skipped instead of failing, and logs the delivery id only', async () => {
    const { logger, lines } = capturingLogger();
    const channel = new EmailChannel({ from: 'Hospital <no-reply@hospital.local>' }, logger);
    await expect(channel.send(message({ channel: 'email', address: 'ada@example.org' }))).rejects.toBeInstanceOf(DeliverySkipped);
    expect(lines.join('')).toContain('a2b7d1a4-0c9e-4b1f-9a54-2f1d3c4b5a69');
    expect(lines.join('')).not.toContain('ada@example.org');
    channel.close();
  });
});

describe('SMS', () => {
  it('the logging provider records "would send" with the number masked and no text', async () => {
    const { logger, lines } = capturingLogger();
    const provider = new LoggingSmsProvider(logger);
    await new SmsChannel(provider).send(message());
    expect(provider.sent).toEqual([{ to: '********0123', reference: 'a2b7d1a4-0c9e-4b1f-9a54-2f1d3c4b5a69', length: message().body.length }]);
    const logged = lines.join('');
    expect(logged).toContain('would send SMS');
    expect(logged).not.toMatch(/7700|Hopper/);
  });

  it('refuses a message without a number as undeliverable (no retry)', async () => {
    const provider = new LoggingSmsProvider(createLogger('channels-test', 'silent'));
    await expect(new SmsChannel(provider).send(message({ address: null }))).rejects.toBeInstanceOf(UndeliverableMessage);
    expect(provider.sent).toEqual([]);
  });
});
