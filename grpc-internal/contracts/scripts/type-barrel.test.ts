/**
 * The type barrel writer: one `export type` line per generated file, short names from the table,
 * a stable order, and a stop on two types under one name or on a table entry no proto defines.
 */
import { describe, expect, it } from 'vitest';
import { exportedTypeNames, renderBarrel, type TypeFile } from './type-barrel.ts';

const message = (relPath: string, name: string): TypeFile => ({
  relPath,
  source: `// Original file: x.proto\n\n/**\n * export interface NotAType in a comment\n */\nexport interface ${name} {\n}\n\nexport interface ${name}__Output {\n}\n`,
});

const service: TypeFile = {
  relPath: 'hospital/ward/v1/WardService.ts',
  source: [
    "import type * as grpc from '@grpc/grpc-js'",
    'export interface WardServiceClient extends grpc.Client {}',
    'export interface WardServiceHandlers extends grpc.UntypedServiceImplementation {}',
    'export interface WardServiceDefinition extends grpc.ServiceDefinition {}',
  ].join('\n'),
};

const enumFile: TypeFile = {
  relPath: 'hospital/common/v1/Role.ts',
  source: "export const Role = {\n  ROLE_ADMIN: 'ROLE_ADMIN',\n} as const;\n\nexport type Role =\n  | 'ROLE_ADMIN'\n\nexport type Role__Output = typeof Role[keyof typeof Role]\n",
};

describe('exportedTypeNames', () => {
  it('lists a message and its __Output, not names in comments', () => {
    expect(exportedTypeNames(message('hospital/ward/v1/Bed.ts', 'Bed'))).toEqual(['Bed', 'Bed__Output']);
  });

  it('lists an enum type but not its value object', () => {
    expect(exportedTypeNames(enumFile)).toEqual(['Role', 'Role__Output']);
  });

  it("keeps a service's handlers and leaves its callback client and definition out", () => {
    expect(exportedTypeNames(service)).toEqual(['WardServiceHandlers']);
  });
});

describe('renderBarrel', () => {
  it('writes one line per file, sorted by path, renaming a type and its __Output', () => {
    const files = [service, message('hospital/ward/v1/Transfer.ts', 'Transfer'), enumFile];
    const lines = renderBarrel(files, { 'hospital.ward.v1.Transfer': 'BedTransfer' }).split('\n');
    expect(lines.filter((line) => line.startsWith('export'))).toEqual([
      "export type { Role, Role__Output } from './hospital/common/v1/Role.ts';",
      "export type { Transfer as BedTransfer, Transfer__Output as BedTransfer__Output } from './hospital/ward/v1/Transfer.ts';",
      "export type { WardServiceHandlers } from './hospital/ward/v1/WardService.ts';",
    ]);
  });

  it('gives the same text whatever order the files come in', () => {
    const files = [service, enumFile, message('hospital/ward/v1/Bed.ts', 'Bed')];
    expect(renderBarrel([...files].reverse(), {})).toBe(renderBarrel(files, {}));
  });

  it('stops when two packages define the same name, until the table renames one', () => {
    const files = [message('hospital/ward/v1/Transfer.ts', 'Transfer'), message('hospital/finance/v1/Transfer.ts', 'Transfer')];
    expect(() => renderBarrel(files, {})).toThrow(/Transfer is exported by both hospital\/finance\/v1\/Transfer.ts and hospital\/ward\/v1\/Transfer.ts/);
    expect(renderBarrel(files, { 'hospital.ward.v1.Transfer': 'BedTransfer' })).toContain('Transfer as BedTransfer');
  });

  it('stops on a table entry that names no generated type (a renamed or removed message)', () => {
    expect(() => renderBarrel([enumFile], { 'hospital.ward.v1.Transfer': 'BedTransfer' })).toThrow(/hospital\.ward\.v1\.Transfer/);
  });
});
