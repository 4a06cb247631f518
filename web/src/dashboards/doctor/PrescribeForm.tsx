/**
 * Writes a prescription for the open patient: pick a drug by search, then a numeric dose with its
 * unit, the route and how often from lists (free-text directions only alongside), days and
 * quantity. The shared prescribing rules (the API's own) refuse impossible values under the field
 * before sending; an allergy refusal from the API is shown as an allergy alert naming the allergy
 * and the drug, with the override reason to give.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { DOSE_UNITS, FREQUENCIES, ROUTES, structuredPrescriptionSchema } from '@hospital/grpc-contracts/prescribing';
import { graphql } from '../../gql/index.ts';
import { apiFailureOf } from '../../api/errors.ts';
import { FormFooter, nodesOf, SelectInput, TextInput, useFields } from '../../ui/index.ts';
import type { DoseFrequency, DoseUnit, MedicationRoute } from '../../gql/graphql.ts';

const SearchDrugs = graphql(`
  query DoctorSearchDrugs($search: String!) {
    drugs(search: $search, first: 20) { edges { node { id code name form strength stockOnHand } } }
  }
`);

const Prescribe = graphql(`
  mutation DoctorPrescribe($input: PrescribeInput!) {
    prescribe(input: $input) { id status dose frequency route drug { name } }
  }
`);

const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));
const UNIT_OPTIONS = options(Object.fromEntries(Object.entries(DOSE_UNITS).map(([code, unit]) => [code, unit.label])));
const ROUTE_OPTIONS = options(ROUTES);
const FREQUENCY_OPTIONS = options(Object.fromEntries(Object.entries(FREQUENCIES).map(([code, f]) => [code, f.label])));

/** Fields whose API refusal is said under the field (or as the allergy alert), not in a box. */
const SHOWN_AT_FIELD = new Set(['doseAmount', 'doseUnit', 'route', 'frequencyCode', 'directions', 'durationDays', 'quantity', 'allergyOverrideReason']);

const EMPTY = { doseAmount: '', doseUnit: 'TABLET', route: 'ORAL', frequencyCode: 'TWICE_DAILY', directions: '', durationDays: '7', quantity: '' };
type Values = typeof EMPTY;

/** The first problem per field, from the shared rules. */
function problemsOf(values: Values): Record<string, string> {
  const parsed = structuredPrescriptionSchema.safeParse({
    ...values,
    doseAmount: values.doseAmount.trim() === '' ? Number.NaN : Number(values.doseAmount),
    durationDays: Number(values.durationDays),
    quantity: values.quantity.trim() === '' ? Number.NaN : Number(values.quantity),
  });
  const problems: Record<string, string> = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    problems[field] ??= field === 'quantity' && values.quantity.trim() === '' ? 'Quantity is required.' : issue.message;
  }
  return problems;
}

/** The prescription form for `patientId`; `allergies` are shown as a reminder. */
export function PrescribeForm({ patientId, allergies, onPrescribed }: { patientId: string; allergies: readonly string[]; onPrescribed(): void }) {
  const [drugSearch, setDrugSearch] = useState('');
  const [drugId, setDrugId] = useState('');
  const { fields: values, setFields: setValues, set } = useFields<Values>(EMPTY);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [override, setOverride] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [drugs] = useQuery({ query: SearchDrugs, variables: { search: drugSearch.trim() }, pause: drugSearch.trim().length < 2 });
  const [result, prescribe] = useMutation(Prescribe);
  const found = nodesOf(drugs.data?.drugs);
  const failure = apiFailureOf(result.error);
  // The API names the allergy problem on this field, in a sentence naming allergy and drug.
  const allergyAlert = failure?.field === 'allergyOverrideReason' ? failure.message : null;
  // A field the API refused shows its sentence under that field.
  const problemOf = (field: string) => problems[field] ?? (failure?.field === field ? failure.message : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found = problemsOf(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const answer = await prescribe({
      input: {
        patientId,
        drugId,
        doseAmount: Number(values.doseAmount),
        doseUnit: values.doseUnit as DoseUnit,
        route: values.route as MedicationRoute,
        frequencyCode: values.frequencyCode as DoseFrequency,
        directions: values.directions.trim() || undefined,
        durationDays: Number(values.durationDays),
        quantity: Number(values.quantity),
        allergyOverrideReason: override.trim() || undefined,
      },
    });
    if (answer.data) {
      setDone(`Prescription for ${answer.data.prescribe.drug.name} (${answer.data.prescribe.dose}, ${answer.data.prescribe.frequency}) sent to the pharmacy.`);
      setValues(EMPTY);
      setOverride('');
      onPrescribed();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Write a prescription" className="rounded border border-slate-200 p-3" noValidate>
      <h3 className="mb-2 font-semibold">Write a prescription</h3>
      {allergies.length > 0 ? <p className="mb-2 text-sm font-medium text-red-800">Allergies: {allergies.join(', ')}</p> : null}
      <TextInput label="Find a drug" value={drugSearch} onChange={(e) => setDrugSearch(e.target.value)} placeholder="Name or code" />
      <SelectInput
        label="Drug"
        required
        value={drugId}
        onChange={(e) => setDrugId(e.target.value)}
        options={[
          { value: '', label: drugs.fetching ? 'Searching…' : found.length ? 'Choose a drug' : 'Search for a drug first' },
          // stockOnHand counts unexpired lots only.
          ...found.map((drug) => ({ value: drug.id, label: `${drug.name} ${drug.strength} (${drug.form.toLowerCase()}) — ${drug.stockOnHand} in stock (unexpired)` })),
        ]}
      />
      <div className="grid grid-cols-2 gap-2">
        <TextInput
          label="Dose"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          required
          value={values.doseAmount}
          onChange={set('doseAmount')}
          error={problemOf('doseAmount')}
        />
        <SelectInput label="Unit" value={values.doseUnit} onChange={set('doseUnit')} options={UNIT_OPTIONS} error={problemOf('doseUnit')} />
        <SelectInput label="Route" value={values.route} onChange={set('route')} options={ROUTE_OPTIONS} error={problemOf('route')} />
        <SelectInput label="How often" value={values.frequencyCode} onChange={set('frequencyCode')} options={FREQUENCY_OPTIONS} error={problemOf('frequencyCode')} />
      </div>
      <TextInput label="Directions (as directed, optional)" value={values.directions} onChange={set('directions')} placeholder="e.g. with food" error={problemOf('directions')} />
      <div className="grid grid-cols-2 gap-2">
        <TextInput label="Days" type="number" min={1} required value={values.durationDays} onChange={set('durationDays')} error={problemOf('durationDays')} />
        <TextInput label="Quantity" type="number" min={1} required value={values.quantity} onChange={set('quantity')} error={problemOf('quantity')} />
      </div>
      {allergyAlert ? (
        <div role="alert" className="mb-2 rounded border-2 border-red-700 bg-red-50 p-2 text-sm text-red-900">
          <strong>{allergyAlert.split(':')[0]}</strong>:{allergyAlert.slice(allergyAlert.indexOf(':') + 1)}
        </div>
      ) : null}
      {allergyAlert || override ? <TextInput label="Reason to override the allergy alert" value={override} onChange={(e) => setOverride(e.target.value)} /> : null}
      <FormFooter
        submit="Prescribe"
        busy="Sending…"
        pending={result.fetching}
        disabled={!drugId}
        error={failure && !SHOWN_AT_FIELD.has(failure.field ?? '') ? result.error : undefined}
        notice={done}
      />
    </form>
  );
}
