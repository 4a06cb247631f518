/**
 * NEWS2 (Royal College of Physicians, National Early Warning Score 2, 2017), chart 1 and the
 * clinical-response thresholds. SpO2 uses scale 1 (the scale 2 for hypercapnic respiratory failure
 * needs a clinician's decision this record does not hold yet).
 */

/** What NEWS2 reads from a set of observations. */
export interface News2Input {
  respiratoryRate?: number | undefined;
  spo2Percent?: number | undefined;
  onOxygen: boolean;
  systolicMmhg?: number | undefined;
  pulseBpm?: number | undefined;
  /** ACVPU: A, or new confusion/voice/pain/unresponsive. Undefined: not assessed. */
  consciousness?: 'ALERT' | 'CVPU' | undefined;
  temperatureC?: number | undefined;
}

/** Clinical risk band: LOW (0-4), LOW_MEDIUM (a single parameter scoring 3), MEDIUM (5-6), HIGH (7+). */
export type News2Risk = 'LOW' | 'LOW_MEDIUM' | 'MEDIUM' | 'HIGH';

/** A NEWS2 result. */
export interface News2Result {
  score: number;
  risk: News2Risk;
}

/** Score of a value against bands given as [upper bound inclusive, points], ascending. */
function band(value: number, bands: readonly (readonly [number, number])[], above: number): number {
  for (const [upper, points] of bands) if (value <= upper) return points;
  return above;
}

/** The seven NEWS2 parameters, in chart order. */
export const NEWS2_PARAMETERS = ['respiratoryRate', 'spo2Percent', 'onOxygen', 'systolicMmhg', 'pulseBpm', 'consciousness', 'temperatureC'] as const;
/** A NEWS2 parameter (the observation it scores). */
export type News2Parameter = (typeof NEWS2_PARAMETERS)[number];

const CHART: Record<News2Parameter, (input: News2Input) => number | undefined> = {
  respiratoryRate: ({ respiratoryRate: v }) =>
    v === undefined
      ? undefined
      : band(
          v,
          [
            [8, 3],
            [11, 1],
            [20, 0],
            [24, 2],
          ],
          3,
        ),
  spo2Percent: ({ spo2Percent: v }) =>
    v === undefined
      ? undefined
      : band(
          v,
          [
            [91, 3],
            [93, 2],
            [95, 1],
          ],
          0,
        ),
  onOxygen: ({ onOxygen }) => (onOxygen ? 2 : 0),
  systolicMmhg: ({ systolicMmhg: v }) =>
    v === undefined
      ? undefined
      : band(
          v,
          [
            [90, 3],
            [100, 2],
            [110, 1],
            [219, 0],
          ],
          3,
        ),
  pulseBpm: ({ pulseBpm: v }) =>
    v === undefined
      ? undefined
      : band(
          v,
          [
            [40, 3],
            [50, 1],
            [90, 0],
            [110, 1],
            [130, 2],
          ],
          3,
        ),
  consciousness: ({ consciousness }) => (consciousness === undefined ? undefined : consciousness === 'ALERT' ? 0 : 3),
  temperatureC: ({ temperatureC: v }) =>
    v === undefined
      ? undefined
      : band(
          v,
          [
            [35.0, 3],
            [36.0, 1],
            [38.0, 0],
            [39.0, 1],
          ],
          2,
        ),
};

/**
 * The score of each parameter present in a set (chart 1, RCP NEWS2); a missing one is left out,
 * so a partial set still shows a parameter scoring 3 (an urgent response by itself).
 * @param input - the observations, any of them missing
 */
export function news2Scores(input: News2Input): Partial<Record<News2Parameter, number>> {
  const scores: Partial<Record<News2Parameter, number>> = {};
  for (const parameter of NEWS2_PARAMETERS) {
    const points = CHART[parameter](input);
    if (points !== undefined) scores[parameter] = points;
  }
  return scores;
}

/**
 * The parameter scores of chart 1 (RCP NEWS2), in chart order.
 * @param input - a complete set of the seven parameters
 */
export function news2Parameters(input: Required<Omit<News2Input, 'consciousness'>> & { consciousness: 'ALERT' | 'CVPU' }): number[] {
  const scores = news2Scores(input);
  return NEWS2_PARAMETERS.map((parameter) => scores[parameter] ?? 0);
}

/**
 * NEWS2 of a set of observations; undefined when one of the seven parameters is missing (a partial
 * score would read as reassuringly low).
 * @param input - the observations
 */
export function news2(input: News2Input): News2Result | undefined {
  const { respiratoryRate, spo2Percent, systolicMmhg, pulseBpm, consciousness, temperatureC, onOxygen } = input;
  if (respiratoryRate === undefined || spo2Percent === undefined || systolicMmhg === undefined || pulseBpm === undefined) return undefined;
  if (consciousness === undefined || temperatureC === undefined) return undefined;
  const scores = news2Parameters({ respiratoryRate, spo2Percent, onOxygen, systolicMmhg, pulseBpm, consciousness, temperatureC });
  const score = scores.reduce((sum, points) => sum + points, 0);
  const risk: News2Risk = score >= 7 ? 'HIGH' : score >= 5 ? 'MEDIUM' : scores.includes(3) ? 'LOW_MEDIUM' : 'LOW';
  return { score, risk };
}
