/**
 * The sub-form a list or panel has open (a row's id, or `true` for its only one): a refund under
 * a payment, a temporary password under a user, a void under an invoice, a review under a queued
 * prescription. The form closes when it is done, and its message goes up to whoever shows it.
 */
import { useState } from 'react';

/** What is open, and the ways to open and close it. */
export interface Opened<T> {
  /** The open one, or null when none is. */
  value: T | null;
  open: (value: T) => void;
  close: () => void;
  /**
   * The form's "done" handler: closes the form, then passes the form's message to `report`.
   * @param report - shows the message (a notice, or the parent's own handler)
   */
  closeAnd: (report: (message: string) => void) => (message: string) => void;
}

/** Nothing open to start. */
export function useOpened<T = true>(): Opened<T> {
  const [value, setValue] = useState<T | null>(null);
  return {
    value,
    open: (next) => setValue(() => next),
    close: () => setValue(null),
    closeAnd: (report) => (message) => {
      setValue(null);
      report(message);
    },
  };
}
