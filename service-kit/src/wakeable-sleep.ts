/**
 * The wait of a background loop that its stop() can cut short (the audit sealer, the appointments
 * subgraph's outbox poller): the loop waits with `sleep(ms)` between rounds, and stop() calls
 * `wake()` so shutting down does not sit out the rest of an interval or a back-off.
 */

/** A sleep and the call that ends it early. */
export interface WakeableSleep {
  /** Resolves after `ms`, or as soon as {@link WakeableSleep.wake} is called. @param ms - the wait */
  sleep(ms: number): Promise<void>;
  /** Ends the sleep in progress now; with none in progress it does nothing (a later sleep waits in full). */
  wake(): void;
}

/** A fresh sleep for one loop (one sleep at a time). */
export function wakeableSleep(): WakeableSleep {
  let cutShort: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        cutShort = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    wake: () => cutShort?.(),
  };
}
