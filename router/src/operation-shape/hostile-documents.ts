/**
 * Hostile documents for the limit, budget and cost tests: each is a few hundred bytes to a few
 * kilobytes written and far larger (or exponentially larger) once its fragments are expanded.
 * Written against a schema with `type Node { id: ID! child: Node }` and `Query.node: Node`.
 */

/**
 * Fragments re-spread inside each other: L0 is 10 levels deep and each Li wraps L(i-1) in 10
 * more levels, and the operation spreads L0 first, so a walk that visits each fragment once sees
 * only 11 levels. With `copies` = 3 the operation nests 41 levels when executed.
 */
export function respreadFragments(copies: number): string {
  const wrap = (inner: string): string => `${'child { '.repeat(10)}${inner}${' }'.repeat(10)}`;
  const fragments = [
    `fragment L0 on Node { ${wrap('id')
      .replace(/^child \{ /, '')
      .replace(/ \}$/, '')} }`,
  ];
  for (let i = 1; i <= copies; i += 1) fragments.push(`fragment L${i} on Node { ${wrap(`...L${i - 1}`)} }`);
  const spreads = Array.from({ length: copies + 1 }, (_, i) => `...L${i}`).join(' ');
  return `{ node { ${spreads} } } ${fragments.join(' ')}`;
}

/** A fragment of `perFragment` aliases spread under `spreads` fields: `perFragment × spreads` aliases executed. */
export function aliasesThroughFragments(perFragment: number, spreads: number): string {
  const aliases = Array.from({ length: perFragment }, (_, i) => `a${i}: id`).join(' ');
  const fields = Array.from({ length: spreads }, (_, i) => `c${i}: child { ...A }`).join(' ');
  return `{ node { ${fields} } } fragment A on Node { ${aliases} }`;
}

/** Each fragment spreads the previous one under two aliases: 2^levels fields when expanded. */
export function exponentialFanOut(levels: number): string {
  const fragments = [`fragment F0 on Node { id }`];
  for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Node { l: child { ...F${i - 1} } r: child { ...F${i - 1} } }`);
  return `{ node { ...F${levels} } } ${fragments.join(' ')}`;
}

/** One response key asked `times` times on one level, each with a sub-selection. */
export function repeatedFieldFlood(times: number): string {
  return `{ node { ${'child { id } '.repeat(times)} } }`;
}

/** The same flood hidden in `times` distinct fragments spread on one level. */
export function repeatedFieldThroughFragments(times: number): string {
  const spreads = Array.from({ length: times }, (_, i) => `...R${i}`).join(' ');
  const fragments = Array.from({ length: times }, (_, i) => `fragment R${i} on Node { child { id } }`).join(' ');
  return `{ node { ${spreads} } } ${fragments}`;
}

/**
 * The CPU time one call takes once compiled, in milliseconds: the least of five runs after one
 * unmeasured warm-up, measured as this process's CPU time so a loaded machine (tests run beside
 * other work) does not count.
 * @param run - the call to time
 */
export function cpuMillis(run: () => void): number {
  run();
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i += 1) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}
