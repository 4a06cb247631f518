/** Loading and empty states, so no list is ever silently blank. */
import type { ReactNode } from 'react';

/** "Loading…" with a live region, so assistive technology hears when it changes. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="py-2 text-sm text-slate-500">
      {label}
    </p>
  );
}

/** A sentence for an empty list. */
export function Empty({ children = 'Nothing here yet.' }: { children?: ReactNode }) {
  return <p className="py-2 text-sm italic text-slate-500">{children}</p>;
}
