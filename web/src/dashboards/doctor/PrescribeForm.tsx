/**
 * Writes a prescription for the open patient: pick a drug by search, then dose, frequency and
 * amounts. A drug the patient is allergic to is refused unless the doctor gives a reason to override.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql/index.ts';
import { apiFailureOf } from '../../api/errors.ts';
import { Button, ErrorMessage, SelectInput, TextInput } from '../../ui/index.ts';

const SearchDrugs = graphql(`
  query DoctorSearchDrugs($search: String!) {
    drugs(search: $search, first: 20) { edges { node { id code name form strength stockOnHand } } }
  }
`);

const Prescribe = graphql(`
  mutation DoctorPrescribe($input: PrescribeInput!) {
    prescribe(input: $input) { id status dose frequency drug { name } }
  }
`);

/** The prescription form for `patientId`; `allergies` are shown as a reminder. */
export function PrescribeForm({ patientId, allergies, onPrescribed }: { patientId: string; allergies: readonly string[]; onPrescribed(): void }) {
  const [drugSearch, setDrugSearch] = useState('');
  const [drugId, setDrugId] = useState('');
  const [dose, setDose] = useState('');
  const [frequency, setFrequency] = useState('');
  const [durationDays, setDurationDays] = useState('7');
  const [quantity, setQuantity] = useState('');
  const [override, setOverride] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [drugs] = useQuery({ query: SearchDrugs, variables: { search: drugSearch.trim() }, pause: drugSearch.trim().length < 2 });
  const [result, prescribe] = useMutation(Prescribe);
  const options = drugs.data?.drugs.edges.map((edge) => edge.node) ?? [];
  // The API names the allergy problem as a BAD_USER_INPUT on this field: offer the override then.
  const allergyRefused = apiFailureOf(result.error)?.field === 'allergyOverrideReason';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const answer = await prescribe({
      input: {
        patientId,
        drugId,
        dose: dose.trim(),
        frequency: frequency.trim(),
        durationDays: Number(durationDays),
        quantity: Number(quantity),
        ...(override.trim() ? { allergyOverrideReason: override.trim() } : {}),
      },
    });
    if (answer.data) {
      setDone(`Prescription for ${answer.data.prescribe.drug.name} sent to the pharmacy.`);
      setDose('');
      setFrequency('');
      setQuantity('');
      setOverride('');
      onPrescribed();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Write a prescription" className="rounded border border-slate-200 p-3">
      <h3 className="mb-2 font-semibold">Write a prescription</h3>
      {allergies.length > 0 ? <p className="mb-2 text-sm font-medium text-red-800">Allergies: {allergies.join(', ')}</p> : null}
      <TextInput label="Find a drug" value={drugSearch} onChange={(e) => setDrugSearch(e.target.value)} placeholder="Name or code" />
      <SelectInput
        label="Drug"
        required
        value={drugId}
        onChange={(e) => setDrugId(e.target.value)}
        options={[
          { value: '', label: drugs.fetching ? 'Searching…' : options.length ? 'Choose a drug' : 'Search for a drug first' },
          ...options.map((drug) => ({ value: drug.id, label: `${drug.name} ${drug.strength} (${drug.form.toLowerCase()}) — ${drug.stockOnHand} in stock` })),
        ]}
      />
      <div className="grid grid-cols-2 gap-2">
        <TextInput label="Dose" required value={dose} onChange={(e) => setDose(e.target.value)} placeholder="e.g. 500 mg" />
        <TextInput label="Frequency" required value={frequency} onChange={(e) => setFrequency(e.target.value)} placeholder="e.g. three times a day" />
        <TextInput label="Days" type="number" min={1} required value={durationDays} onChange={(e) => setDurationDays(e.target.value)} />
        <TextInput label="Quantity" type="number" min={1} required value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </div>
      {allergyRefused || override ? (
        <TextInput label="Reason to override the allergy warning" value={override} onChange={(e) => setOverride(e.target.value)} />
      ) : null}
      <ErrorMessage error={result.error} />
      {done ? (
        <p role="status" className="mb-2 text-sm text-green-800">
          {done}
        </p>
      ) : null}
      <Button type="submit" disabled={result.fetching || !drugId}>
        {result.fetching ? 'Sending…' : 'Prescribe'}
      </Button>
    </form>
  );
}
