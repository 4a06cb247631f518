/** Reads modules' exported names through the TypeScript checker, as the codemods need (`export *` chains followed). */
import ts from 'typescript';

/**
 * A checker over the given entry files, compiled as the repository's sources are (ESM, .ts imports).
 * @param files - absolute paths of the entry files
 */
export function moduleChecker(files: string[]): { program: ts.Program; checker: ts.TypeChecker } {
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return { program, checker: program.getTypeChecker() };
}
