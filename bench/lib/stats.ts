/** Summaries every scenario quotes: quantiles of latency samples and rates. */

/**
 * The q-quantile (nearest rank) of some samples; 0 when there are none.
 * @param values - samples, in any order (not modified)
 * @param q - 0…1
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Median, p95 and p99 of latency samples (ms), rounded to 0.1 ms. */
export function latencySummary(values: readonly number[]): { p50: number; p95: number; p99: number } {
  const round = (value: number) => Math.round(value * 10) / 10;
  return { p50: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), p99: round(quantile(values, 0.99)) };
}

/** `a / b` as "1.23×" (or "–" when b is 0). */
export function ratio(a: number, b: number): string {
  return b === 0 ? '–' : `${(a / b).toFixed(2)}×`;
}
