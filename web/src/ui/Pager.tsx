/**
 * Cursor paging for a connection (`first`/`after`): the cursors of the pages before the one shown,
 * so "Previous page" can go back, and the line under a table with the count and both buttons.
 */
import { useState } from 'react';
import { Button } from './Button.tsx';

/** The pages walked so far; `after` is the cursor to query with. */
export interface CursorPages {
  after: string | null;
  canGoBack: boolean;
  /** Back to the first page (a filter changed). */
  reset(): void;
  back(): void;
  forward(cursor: string): void;
}

/** Starts on the first page. */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    canGoBack: cursors.length > 1,
    reset: () => setCursors([null]),
    back: () => setCursors((list) => list.slice(0, -1)),
    forward: (cursor) => setCursors((list) => [...list, cursor]),
  };
}

/**
 * A filter of a paged list: setting it goes back to the first page, since the cursor of the page
 * shown means nothing under another filter.
 * @param pages - the list's pages, from {@link useCursorPages}
 * @param initial - the filter before any choice ('' or null for "all")
 */
export function usePageFilter<T>(pages: CursorPages, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  return [
    value,
    (next) => {
      setValue(() => next);
      pages.reset();
    },
  ];
}

/** What the pager reads of a connection. */
export interface PageSummary {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * "12 invoices", Previous page and Next page (each only when there is one).
 * @param props.noun - what is counted, singular ("invoice"); the plural adds an s
 */
export function Pager({ pages, page, noun }: { pages: CursorPages; page: PageSummary | undefined; noun: string }) {
  const next = page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  return (
    <div className="mt-2 flex items-center gap-2 text-sm text-slate-600">
      <span>{page ? `${page.totalCount} ${noun}${page.totalCount === 1 ? '' : 's'}` : null}</span>
      {pages.canGoBack ? (
        <Button look="secondary" onClick={pages.back}>
          Previous page
        </Button>
      ) : null}
      {next ? (
        <Button look="secondary" onClick={() => pages.forward(next)}>
          Next page
        </Button>
      ) : null}
    </div>
  );
}
