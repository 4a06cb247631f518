/**
 * The three states of a query's result shown the same way everywhere: "Loading…" until the first
 * answer, the error in words if it failed, else the content (which stays while a refetch runs).
 */
import type { ReactNode } from 'react';
import type { AnyError } from '../api/errors.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Empty, Loading } from './States.tsx';

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

/**
 * What a one-record view (an invoice, a drug's ledger, a patient's balance) shows while it has no
 * record to show: "Loading…" until the first answer, the error if it failed, else `missing`, since
 * the answer came without that record. Render it when `!record || result.error`.
 * @param props.result - the urql query result
 * @param props.loading - the loading sentence ("Loading invoice…")
 * @param props.missing - the sentence for a record the answer does not hold ("This invoice could not be found.")
 */
export function MissingRecord({ result, loading, missing }: { result: QueryState; loading?: string; missing: ReactNode }) {
  return (
    <Loaded result={result} loading={loading}>
      <Empty>{missing}</Empty>
    </Loaded>
  );
}
