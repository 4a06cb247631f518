/**
 * A real SMTP server for tests (smtp-server on a local port): it accepts mail and keeps what
 * arrived, or refuses every message with a temporary error until told to accept again. Emails in
 * tests really travel over SMTP; nothing is mocked.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the sink received it. */
export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  /** Envelope sender. */
  from: string;
  /** The Subject header. */
  subject: string;
  /** The X-Hospital-Delivery-Id header. */
  deliveryId: string;
  /** The whole message as sent (headers and body). */
  raw: string;
}

/** A running sink. */
export interface SmtpSink {
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  url: string;
  /** Mail received so far, oldest first. */
  received: ReceivedMail[];
  /**
   * Refuse every message (451, try again later) while true.
   * @param refuse - refuse or accept
   */
  refuse(refuse: boolean): void;
  /** Stops the server. */
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  // Unfold continuation lines, then find the header case-insensitively.
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** Starts a sink on a free local port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!refusing) return callback();
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: header(raw, 'Subject'),
          deliveryId: header(raw, 'X-Hospital-Delivery-Id'),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (refuse) => {
      refusing = refuse;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
