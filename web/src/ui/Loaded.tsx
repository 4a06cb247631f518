/**
 * The three states of a query's result shown the same way everywhere: "Loading…" until the first
 * answer, the error in words if it failed, else the content (which stays while a refetch runs).
 */
import type { ReactNode } from 'react';
import type { AnyError } from '../api/errors.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Loading } from './States.tsx';

/** What `Loaded` reads of an urql result. */
export interface QueryState {
  fetching: boolean;
  data?: unknown;
  error?: AnyError;
}

/**
 * `children` once `result` has data and no error.
 * @param props.result - the urql query result
 * @param props.loading - the loading sentence ("Loading invoices…")
 */
export function Loaded({ result, loading, children }: { result: QueryState; loading?: string; children: ReactNode }) {
  if (result.fetching && !result.data) return <Loading label={loading} />;
  if (result.error) return <ErrorMessage error={result.error} />;
  return <>{children}</>;
}
