/**
 * The run's Kafka broker for test systems: inside vitest, what test/global-setup.ts provides;
 * outside it (benchmarks), what the caller named. Here, not in test/helpers.ts, so the department
 * starters read it without a relative path out of this workspace (test/helpers.ts re-exports it).
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of this run's Kafka broker. */
    kafkaBrokers: string;
  }
}

/** A broker named by a benchmark, which starts test systems outside vitest (no provided context). */
let brokersOutsideVitest: string | undefined;

/**
 * Names the broker for test systems started outside vitest (benchmarks).
 * @param brokers - host:port
 */
export function useKafkaBrokersOutsideVitest(brokers: string): void {
  brokersOutsideVitest = brokers;
}

/** host:port of the run's real Kafka broker (started by test/global-setup.ts). */
export function testKafkaBrokers(): string {
  return brokersOutsideVitest ?? inject('kafkaBrokers');
}
