/**
 * Editing a patient's demographics and allergies from the chart. Only changed fields are sent:
 * the API lets any doctor, ward staff or admin correct details, but allergies only staff caring for
 * the patient (FORBIDDEN otherwise, explained here), and keeps every allergy change in the history.
 */
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql/index.ts';
import type { UpdatePatientInput } from '../../gql/graphql.ts';
import { Button, FormFooter, Notice, TextInput, useFields } from '../../ui/index.ts';

const UpdatePatient = graphql(`
  mutation UpdatePatientDetails($id: ID!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, input: $input) { id givenName familyName fullName dateOfBirth phone email address allergies }
  }
`);

/** The fields the form edits, as the chart read them. */
export interface EditablePatient {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  allergies: string[];
}

const ALLERGY_REFUSAL = 'Only staff caring for this patient may change allergies: a doctor with an appointment with them, ward staff of the ward they are in, or an administrator.';

const listOf = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The changes between what the chart showed and the form: only those are sent. */
function changesOf(patient: EditablePatient, form: Record<keyof Omit<EditablePatient, 'id' | 'allergies'> | 'allergies', string>): UpdatePatientInput {
  const input: UpdatePatientInput = {};
  for (const name of ['givenName', 'familyName', 'dateOfBirth'] as const) if (form[name].trim() !== patient[name]) input[name] = form[name].trim();
  for (const name of ['phone', 'email', 'address'] as const) {
    const value = form[name].trim();
    // An emptied field clears it (null); an untouched one is left out.
    if (value !== (patient[name] ?? '')) input[name] = value === '' ? null : value;
  }
  const allergies = listOf(form.allergies);
  if (allergies.join('\n') !== patient.allergies.join('\n')) input.allergies = allergies;
  return input;
}

/**
 * The "Edit details" card of a chart.
 * @param props.patient - the details shown
 * @param props.onSaved - re-reads the chart
 */
export function EditPatientForm({ patient, onSaved }: { patient: EditablePatient; onSaved: () => void }) {
  const initial = {
    givenName: patient.givenName,
    familyName: patient.familyName,
    dateOfBirth: patient.dateOfBirth,
    phone: patient.phone ?? '',
    email: patient.email ?? '',
    address: patient.address ?? '',
    allergies: patient.allergies.join(', '),
  };
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const { fields: form, setFields: setForm, set } = useFields(initial, () => setSaved(false));
  const [state, update] = useMutation(UpdatePatient);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = changesOf(patient, form);
    if (Object.keys(input).length === 0) return setOpen(false);
    const result = await update({ id: patient.id, input });
    if (result.data) {
      setSaved(true);
      setOpen(false);
      onSaved();
    }
  };

  if (!open) {
    return (
      <div>
        <Button
          look="secondary"
          onClick={() => {
            setForm(initial);
            setOpen(true);
          }}
        >
          Edit details and allergies
        </Button>
        <Notice look="line" className="mt-2">
          {saved ? 'Details saved.' : null}
        </Notice>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="Edit patient details" noValidate className="rounded border border-slate-200 p-3">
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextInput label="Given name" value={form.givenName} onChange={set('givenName')} />
        <TextInput label="Family name" value={form.familyName} onChange={set('familyName')} />
        <TextInput label="Date of birth" type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} />
        <TextInput label="Phone" type="tel" value={form.phone} onChange={set('phone')} />
        <TextInput label="Email" type="email" value={form.email} onChange={set('email')} />
        <TextInput label="Address" value={form.address} onChange={set('address')} />
      </div>
      <TextInput label="Allergies" hint="Comma-separated; kept in the allergy history" value={form.allergies} onChange={set('allergies')} />
      <FormFooter submit="Save details" busy="Saving…" pending={state.fetching} error={state.error} overrides={{ FORBIDDEN: ALLERGY_REFUSAL }} onCancel={() => setOpen(false)} />
    </form>
  );
}
