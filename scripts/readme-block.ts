/**
 * The README's generated tables (roles, errors) live between a start and an end marker; this is
 * the one way to put a table there and the one `--check` that fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The comment lines that fence one generated block. */
export interface BlockMarkers {
  start: string;
  end: string;
}

/**
 * The document with `table` between the markers (appended with them when they are missing).
 * @param document - README text
 * @param markers - the block's fence
 * @param table - the generated table
 */
export function replaceGeneratedBlock(document: string, markers: BlockMarkers, table: string): string {
  const block = `${markers.start}\n${table}\n${markers.end}`;
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start === -1 || end === -1) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(end + markers.end.length);
}

/**
 * The CLI both generators share: rewrite README.md, or with `--check` exit 1 when it is stale.
 * @param readmePath - README.md
 * @param what - the table's name in messages ("role table")
 * @param command - the npm script that regenerates it
 * @param update - README text → README text with the fresh table
 */
export function writeOrCheckReadme(readmePath: string, what: string, command: string, update: (readme: string) => string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const updated = update(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error(`README.md ${what} is stale: run \`${command}\` and commit the result.`);
      process.exit(1);
    }
    console.log(`README.md ${what} is current.`);
  } else {
    writeFileSync(readmePath, updated);
    console.log(`README.md ${what} written.`);
  }
}
