/** A simple accessible table: column headers, one row per item, an empty state when there are none. */
import type { ReactNode } from 'react';
import { Empty } from './States.tsx';

/** One column: its header and how to render a cell. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** What a table shows: `rows` under `columns`; `rowKey` gives React a stable key. */
export interface TableProps<T> {
  columns: Array<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T) => string;
  caption?: string;
  empty?: ReactNode;
}

/** Renders `rows` under `columns`, or `empty` when there are none. */
export function Table<T>({ columns, rows, rowKey, caption, empty }: TableProps<T>) {
  if (rows.length === 0) return <Empty>{empty ?? 'Nothing to show.'}</Empty>;
  // On a phone a wide table scrolls inside its card, never the page.
  return (
    <div className="max-w-full overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((column) => (
              <th key={column.header} scope="col" className="px-2 py-1.5 font-semibold text-slate-700">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-100">
              {columns.map((column) => (
                <td key={column.header} className="px-2 py-1.5 align-top">
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
