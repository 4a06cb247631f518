/**
 * Labelled form controls: every input has a visible label tied to it (`htmlFor`/`id`), so screen
 * readers announce it and tests find it by its label.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

const inputClass = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200';

/** A label above any control; `children` receives the id to put on the control; `error` is said under it. */
export function Field({ label, hint, error, children }: { label: string; hint?: string | undefined; error?: string | undefined; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="mb-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(id)}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? <p className="mt-1 text-xs font-medium text-red-800">{error}</p> : null}
    </div>
  );
}

/** A text input with its label (and the problem with its value, if any). */
export function TextInput({ label, hint, error, ...props }: { label: string; hint?: string; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id) => <input id={id} className={inputClass} aria-invalid={error ? true : undefined} {...props} />}
    </Field>
  );
}

/** A multi-line text box with its label (a discharge summary, a note). */
export function TextArea({ label, hint, error, ...props }: { label: string; hint?: string; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id) => <textarea id={id} className={inputClass} aria-invalid={error ? true : undefined} {...props} />}
    </Field>
  );
}

/** A select with its label; `options` are value/label pairs. */
export function SelectInput({
  label,
  options,
  error,
  ...props
}: { label: string; options: Array<{ value: string; label: string }>; error?: string | undefined } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error}>
      {(id) => (
        <select id={id} className={inputClass} aria-invalid={error ? true : undefined} {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
