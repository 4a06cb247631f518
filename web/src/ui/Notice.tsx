/** A success line, announced politely (`role="status"`); renders nothing without content. */
import type { ReactNode } from 'react';

const looks = {
  /** A framed line at the top of a card, after an action elsewhere in it. */
  banner: 'my-2 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900',
  /** A plain line inside the form that did it. */
  line: 'mb-2 text-sm text-green-800',
} as const;

/**
 * The notice.
 * @param props.look - "banner" (default) or "line"
 * @param props.className - extra classes (e.g. `print:hidden`)
 */
export function Notice({ children, look = 'banner', className = '' }: { children: ReactNode; look?: keyof typeof looks; className?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p role="status" className={`${looks[look]} ${className}`.trim()}>
      {children}
    </p>
  );
}
