/**
 * An API error in plain words, announced to screen readers (`role="alert"`), placed by the caller
 * next to the form that caused it. Renders nothing without an error.
 */
import { plainWords, type AnyError, type ApiErrorCode } from '../api/errors.ts';

/** Shows `error` as a sentence; `overrides` gives clearer words for a code in this form. */
export function ErrorMessage({ error, overrides }: { error: AnyError; overrides?: Partial<Record<ApiErrorCode, string>> }) {
  const words = plainWords(error, overrides);
  if (!words) return null;
  return (
    <p role="alert" className="my-2 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {words}
    </p>
  );
}
