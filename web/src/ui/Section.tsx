/** A titled card for one part of a dashboard. */
import type { ReactNode } from 'react';
import { Notice } from './Notice.tsx';

/**
 * A `<section>` labelled by its heading.
 * @param props.actions - buttons beside the heading
 * @param props.notice - the success line of the last action in the card, shown at its top (nothing when null)
 */
export function Section({ title, children, actions, notice }: { title: string; children: ReactNode; actions?: ReactNode; notice?: string | null }) {
  return (
    <section aria-label={title} className="mb-4 min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{title}</h2>
        {actions}
      </div>
      <Notice>{notice}</Notice>
      {children}
    </section>
  );
}
