/**
 * The end of every dashboard form: the problem found before sending, the API's refusal, an
 * optional success line, and the submit button (its label says while the request runs) with an
 * optional cancel button beside it. One place, so every form announces the same way.
 */
import type { ReactNode } from 'react';
import type { AnyError, ApiErrorCode } from '../api/errors.ts';
import { Button } from './Button.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Notice } from './Notice.tsx';

/** What the form found wrong before sending, announced to screen readers; nothing without one. */
export function FormProblem({ problem }: { problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <p role="alert" className="my-2 text-sm text-red-800">
      {problem}
    </p>
  );
}

/** The footer's parts; only `submit`, `busy` and `pending` are required. */
export interface FormFooterProps {
  /** The submit button's label, e.g. "Admit patient". */
  submit: string;
  /** Its label while the request runs, e.g. "Admitting…". */
  busy: string;
  /** True while the request runs: the button is disabled and says `busy`. */
  pending: boolean;
  /** Disables the submit button for another reason (nothing chosen yet). */
  disabled?: boolean;
  /** The submit button's look ("danger" for discharge, void, refund). */
  look?: 'primary' | 'danger';
  /** A problem found before sending. */
  problem?: string | null;
  /** The API's refusal, with clearer words per code for this form. */
  error?: AnyError;
  overrides?: Partial<Record<ApiErrorCode, string>>;
  /** A success line shown above the buttons (forms that stay open after sending). */
  notice?: string | null;
  /** With it, a secondary button that closes the form without sending. */
  onCancel?: () => void;
  /** The cancel button's label ("Cancel" unless the form says what is kept). */
  cancel?: string;
  /** Buttons placed before the submit button (e.g. "Generate"). */
  leading?: ReactNode;
}

/**
 * Problem, refusal, notice and buttons, in that order.
 * @param props - see {@link FormFooterProps}
 */
export function FormFooter({
  submit,
  busy,
  pending,
  disabled = false,
  look = 'primary',
  problem,
  error,
  overrides,
  notice,
  onCancel,
  cancel = 'Cancel',
  leading,
}: FormFooterProps) {
  const button = (
    <Button type="submit" look={look} disabled={pending || disabled}>
      {pending ? busy : submit}
    </Button>
  );
  return (
    <>
      <FormProblem problem={problem} />
      <ErrorMessage error={error} overrides={overrides} />
      {notice ? <Notice look="line">{notice}</Notice> : null}
      {onCancel || leading ? (
        <div className="flex flex-wrap gap-2">
          {leading}
          {button}
          {onCancel ? (
            <Button look="secondary" onClick={onCancel}>
              {cancel}
            </Button>
          ) : null}
        </div>
      ) : (
        button
      )}
    </>
  );
}
