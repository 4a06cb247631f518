/**
 * A form's text fields held as one object: `set(name)` is the change handler for that field's
 * control. The forms with many fields (registration, patient details, invoice line, prescription,
 * app registration) keep their state this way rather than one useState per field.
 */
import { useState } from 'react';

/** What a control's change event carries that the form reads. */
type ChangeEvent = { target: { value: string } };

/** The fields, a way to replace them all (reset after sending), and the per-field change handler. */
export interface Fields<T extends Record<string, string>> {
  fields: T;
  setFields: (fields: T) => void;
  set: (name: keyof T) => (event: ChangeEvent) => void;
}

/**
 * The state of a form's fields.
 * @param initial - the empty (or prefilled) form
 * @param onEdit - called after any field changes (e.g. to forget a result that no longer holds)
 */
export function useFields<T extends Record<string, string>>(initial: T, onEdit?: () => void): Fields<T> {
  const [fields, setFields] = useState<T>(initial);
  const set = (name: keyof T) => (event: ChangeEvent) => {
    const value = event.target.value;
    setFields((old) => ({ ...old, [name]: value }));
    onEdit?.();
  };
  return { fields, setFields, set };
}
