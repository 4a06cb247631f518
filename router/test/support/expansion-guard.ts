/**
 * Far below what expanding a hostile document would take (minutes), far above a noisy CI host's
 * pause: the bound the operation-shape tests hold refusals to. A hang guard, not a speed goal
 * (`npm run bench -- flood` measures speed).
 */
export const EXPANSION_GUARD_MS = 1_000;
