/**
 * The contract every benchmark scenario keeps, so `npm run bench -- <scenario>` can run it, print
 * its table and keep its JSON. A scenario lives in `bench/scenarios/<name>.ts` and default-exports
 * a {@link Scenario}; the runner finds it by file name.
 */

/** What the runner hands a scenario. */
export interface ScenarioContext {
  /** A few seconds per scenario (CI runs every scenario this way so the suite cannot rot). */
  smoke: boolean;
  /** Extra command-line arguments after the scenario names (scenario-specific, e.g. `--writers=1,16`). */
  args: readonly string[];
  /** `TEST_DATABASE_URL` or undefined: the PostgreSQL server a scenario creates its fresh database on. */
  serverUrl: string | undefined;
  /** Prints a progress line to stderr (the table goes to stdout). */
  log(message: string): void;
}

/** One row of the printed table: column name → value. */
export type ScenarioRow = Record<string, string | number | boolean | null>;

/** What a scenario reports. */
export interface ScenarioResult {
  /** The printed table (Markdown), one row per variant or cell, in the order measured. */
  rows: ScenarioRow[];
  /** Lines printed under the table: ratios against the in-run baseline, goals met or missed, caveats. */
  notes?: string[];
  /** Anything else worth keeping in the JSON (raw samples summaries, settings). */
  details?: unknown;
}

/** A benchmark scenario. */
export interface Scenario {
  /** One line: what is measured against what baseline. */
  description: string;
  run(context: ScenarioContext): Promise<ScenarioResult>;
}
