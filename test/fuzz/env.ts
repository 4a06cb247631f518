/**
 * Settings of the fuzz suites. FUZZ_SEED makes a run reproducible (fast-check prints the seed and
 * the counterexample's path on failure); FUZZ_RUNS scales how many inputs each property tries.
 */
import { z } from 'zod';
import { parseEnv } from '@hospital/service-kit';

const schema = z.object({
  // A fixed default keeps `npm test` (and CI) deterministic; `random` explores a fresh seed.
  FUZZ_SEED: z.union([z.literal('random'), z.coerce.number().int()]).default(20261125),
  FUZZ_RUNS: z.coerce.number().int().min(1).max(100_000).default(100),
});

const parsed = parseEnv(schema, process.env);

/** Seed of every property in the run (fixed unless FUZZ_SEED is set; `random` picks a fresh one). */
export const FUZZ_SEED: number = parsed.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : parsed.FUZZ_SEED;

/** Base number of runs per property (GraphQL properties use it as is; per-method gRPC properties a quarter). */
export const FUZZ_RUNS: number = parsed.FUZZ_RUNS;

/**
 * fast-check parameters for one property.
 * @param numRuns - inputs to try
 */
export function fuzzParams(numRuns: number) {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns)) } as const;
}
