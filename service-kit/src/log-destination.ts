/**
 * Where a runnable's log lines go: standard output, written so that logging can never stall the
 * process. pino's default destination retries a full pipe (EAGAIN) forever in a blocking loop, so a
 * log reader that stopped reading (a launcher gone, a stuck log shipper) froze the event loop and
 * with it every shutdown: the process ignored SIGTERM for minutes without a line.
 */
import { writeSync } from 'node:fs';

/** How long one line may wait for a full pipe before it is dropped. */
const FULL_PIPE_PATIENCE_MS = 100;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** A pino destination over a file descriptor, with what it had to drop. */
export interface NonBlockingDestination {
  /** Writes one log line; never throws and never blocks longer than a short pause. */
  write(line: string): void;
  /** Lines dropped because the reader was gone or not reading. */
  readonly dropped: number;
}

/**
 * A destination that writes synchronously while the reader keeps up, waits at most
 * {@link FULL_PIPE_PATIENCE_MS} for a full pipe, drops the line after that (a later line tries
 * again), and stops writing for good once the reader is gone (EPIPE, EBADF).
 * @param fd - file descriptor (1: standard output)
 */
export function nonBlockingDestination(fd = 1): NonBlockingDestination {
  let dropped = 0;
  let closed = false;
  return {
    get dropped() {
      return dropped;
    },
    write(line: string) {
      if (closed) {
        dropped += 1;
        return;
      }
      let buffer = Buffer.from(line, 'utf8');
      const giveUpAt = Date.now() + FULL_PIPE_PATIENCE_MS;
      while (buffer.length > 0) {
        try {
          buffer = buffer.subarray(writeSync(fd, buffer));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if ((code === 'EAGAIN' || code === 'EBUSY') && Date.now() < giveUpAt) {
            Atomics.wait(pause, 0, 0, 5);
            continue;
          }
          if (code !== 'EAGAIN' && code !== 'EBUSY') closed = true;
          dropped += 1;
          return;
        }
      }
    },
  };
}
