/**
 * The test-support workspace reaches other packages through their declared entries
 * (`@hospital/router`, `@hospital/service-kit`, …), never by a relative path into their sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const workspace = resolve(fileURLToPath(new URL('..', import.meta.url)));

describe('test-support package boundary', () => {
  it('imports nothing outside its own folder by relative path', () => {
    const files = readdirSync(join(workspace, 'src'), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name));
    const outside = files.flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((ref) => ref.fileName)
        .filter((specifier) => specifier.startsWith('.') && relative(workspace, resolve(dirname(file), specifier)).startsWith('..'))
        .map((specifier) => `${relative(workspace, file)}: ${specifier}`),
    );
    expect(outside).toEqual([]);
  });
});
