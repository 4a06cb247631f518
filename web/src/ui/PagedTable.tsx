/**
 * A paged list of a connection as a table: "Loading…" or the error until the first page is there,
 * the page's nodes as rows, and the pager (count, Previous page, Next page) under them. One place,
 * so every paged list loads, pages and counts the same way.
 */
import type { Connection } from './connection.ts';
import { nodesOf } from './connection.ts';
import { Loaded, type QueryState } from './Loaded.tsx';
import { Pager, type CursorPages } from './Pager.tsx';
import { Table, type TableProps } from './Table.tsx';

/** The table's parts (not its rows: they are the page's nodes) and the list's. */
export interface PagedTableProps<T> extends Omit<TableProps<T>, 'rows'> {
  /** The urql query result the page comes from. */
  result: QueryState;
  /** The loading sentence ("Loading invoices…"). */
  loading: string;
  /** The connection in the result's data (undefined before the first answer). */
  page: Connection<T> | undefined;
  /** The pages walked so far, from `useCursorPages`. */
  pages: CursorPages;
  /** What is counted, singular ("invoice"). */
  noun: string;
}

/**
 * The table of the page and its pager, once the query has answered.
 * @param props - see {@link PagedTableProps}
 */
export function PagedTable<T>({ result, loading, page, pages, noun, ...table }: PagedTableProps<T>) {
  return (
    <Loaded result={result} loading={loading}>
      <Table {...table} rows={nodesOf(page)} />
      <Pager pages={pages} page={page} noun={noun} />
    </Loaded>
  );
}
