/**
 * The two halves of a search-and-choose picker (patients, staff accounts): the matches as a list of
 * "Choose" buttons named after each, and the chosen one with a button to change it.
 */
import type { ReactNode } from 'react';
import { Button } from './Button.tsx';

/**
 * The chosen item and its "Change …" button.
 * @param props.change - the button's label ("Change patient")
 */
export function Chosen({ children, change, onChange }: { children: ReactNode; change: string; onChange: () => void }) {
  return (
    <div className="mb-3 flex items-center gap-3 rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm">
      <span>{children}</span>
      <Button look="secondary" onClick={onChange}>
        {change}
      </Button>
    </div>
  );
}

/**
 * The matches; each row says `name (detail)` and has a button named "Choose <name>".
 * @param props.label - the list's accessible name ("Matching patients")
 */
export function ChoiceList<T extends { id: string }>({
  label,
  items,
  name,
  detail,
  onChoose,
}: {
  label: string;
  items: readonly T[];
  name: (item: T) => string;
  detail: (item: T) => string;
  onChoose: (item: T) => void;
}) {
  return (
    <ul className="divide-y divide-slate-100 rounded border border-slate-200" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
          <span>
            {name(item)} <span className="text-slate-600">({detail(item)})</span>
          </span>
          <Button look="secondary" onClick={() => onChoose(item)} aria-label={`Choose ${name(item)}`}>
            Choose
          </Button>
        </li>
      ))}
    </ul>
  );
}
