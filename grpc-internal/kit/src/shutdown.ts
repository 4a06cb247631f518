/** One graceful shutdown per process: resources close in reverse order of start. */
import type { Logger } from './logger.ts';

/** Something that can be closed. */
export type Closer = () => Promise<void> | void;

/**
 * Runs the closers (last registered first) on SIGTERM or SIGINT, then exits.
 * @param logger - where to report
 * @param closers - in start order
 */
export function registerShutdown(logger: Logger, closers: Closer[]): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of [...closers].reverse()) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
      }
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
