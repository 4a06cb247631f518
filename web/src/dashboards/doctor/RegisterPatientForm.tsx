/**
 * Registration at the front desk (doctors and ward staff; the API lets ADMIN, DOCTOR and WARD_STAFF
 * register). The API decides whether the person may already be on file: a registration it refuses
 * with CONFLICT shows the candidates it finds (`possibleDuplicates`, same rule) with their charts,
 * and only "Register anyway" sends `allowPossibleDuplicate`.
 */
import { useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { apiFailureOf } from '../../api/errors.ts';
import { graphql } from '../../gql/index.ts';
import type { DuplicateReason, PossibleDuplicatesInput } from '../../gql/graphql.ts';
import { Button, ErrorMessage, Notice, SelectInput, TextInput, useFields } from '../../ui/index.ts';

const RegisterPatient = graphql(`
  mutation RegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) { id mrn fullName }
  }
`);

const PossibleDuplicates = graphql(`
  query PossibleDuplicates($input: PossibleDuplicatesInput!) {
    possibleDuplicates(input: $input) { reasons patient { id mrn fullName dateOfBirth phone } }
  }
`);

const REASON_WORDS: Record<DuplicateReason, string> = { NAME_AND_DATE_OF_BIRTH: 'same name and date of birth', PHONE: 'same phone number' };
const SEXES = ['UNKNOWN', 'FEMALE', 'MALE', 'OTHER'] as const;
const SEX_WORDS: Record<(typeof SEXES)[number], string> = { UNKNOWN: 'Unknown', FEMALE: 'Female', MALE: 'Male', OTHER: 'Other' };
const EMPTY = { givenName: '', familyName: '', dateOfBirth: '', sex: 'UNKNOWN' as (typeof SEXES)[number], phone: '', email: '', address: '', allergies: '' };

type Candidate = { reasons: DuplicateReason[]; patient: { id: string; mrn: string; fullName: string; dateOfBirth: string; phone?: string | null } };

/**
 * The registration form.
 * @param props.onOpenPatient - opens a chart (a candidate's, or the new patient's); without it names are plain text
 */
export function RegisterPatientForm({ onOpenPatient }: { onOpenPatient?: (patientId: string) => void }) {
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  // Another name or date of birth may have no candidates: forget the ones shown.
  const { fields, setFields, set } = useFields(EMPTY, () => setCandidates(null));
  const [registered, setRegistered] = useState<{ id: string; mrn: string; fullName: string } | null>(null);
  const [state, register] = useMutation(RegisterPatient);
  const client = useClient();
  const conflict = apiFailureOf(state.error)?.code === 'CONFLICT';
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());

  const submit = async (allowPossibleDuplicate: boolean) => {
    setRegistered(null);
    const allergies = fields.allergies
      .split(',')
      .map((allergy) => allergy.trim())
      .filter(Boolean);
    const input = {
      givenName: fields.givenName,
      familyName: fields.familyName,
      dateOfBirth: fields.dateOfBirth,
      sex: fields.sex,
      phone: optional(fields.phone),
      email: optional(fields.email),
      address: optional(fields.address),
      allergies,
      allowPossibleDuplicate,
    };
    const result = await register({ input });
    if (result.data) {
      setRegistered(result.data.registerPatient);
      setCandidates(null);
      setFields(EMPTY);
      return;
    }
    if (apiFailureOf(result.error)?.code !== 'CONFLICT') return;
    const probe: PossibleDuplicatesInput = { givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.dateOfBirth, phone: input.phone };
    const found = await client.query(PossibleDuplicates, { input: probe }, { requestPolicy: 'network-only' }).toPromise();
    setCandidates(found.data?.possibleDuplicates ?? []);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  return (
    <form onSubmit={onSubmit} aria-label="Register a patient" noValidate>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextInput label="Given name" required value={fields.givenName} onChange={set('givenName')} autoComplete="off" />
        <TextInput label="Family name" required value={fields.familyName} onChange={set('familyName')} autoComplete="off" />
        <TextInput label="Date of birth" type="date" required value={fields.dateOfBirth} onChange={set('dateOfBirth')} />
        <SelectInput label="Sex" value={fields.sex} onChange={set('sex')} options={SEXES.map((sex) => ({ value: sex, label: SEX_WORDS[sex] }))} />
        <TextInput label="Phone" type="tel" value={fields.phone} onChange={set('phone')} autoComplete="off" />
        <TextInput label="Email" type="email" value={fields.email} onChange={set('email')} autoComplete="off" />
      </div>
      <TextInput label="Address" value={fields.address} onChange={set('address')} autoComplete="off" />
      <TextInput label="Allergies" hint="Comma-separated, e.g. penicillin, latex" value={fields.allergies} onChange={set('allergies')} autoComplete="off" />
      {candidates && candidates.length > 0 ? (
        <DuplicateWarning candidates={candidates} onOpenPatient={onOpenPatient} busy={state.fetching} onRegisterAnyway={() => void submit(true)} />
      ) : conflict && !candidates ? null : (
        // A CONFLICT shows as the candidates once read; its sentence only if none could be read.
        <ErrorMessage error={state.error} />
      )}
      <Notice>
        {registered ? (
          <>
            Registered {registered.fullName} ({registered.mrn}).{' '}
            {onOpenPatient ? (
              <button type="button" className="underline" onClick={() => onOpenPatient(registered.id)}>
                Open chart
              </button>
            ) : null}
          </>
        ) : null}
      </Notice>
      {candidates && candidates.length > 0 ? null : (
        <Button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Registering…' : 'Register patient'}
        </Button>
      )}
    </form>
  );
}

/** The candidates the API found, and the explicit way past them. */
function DuplicateWarning({
  candidates,
  onOpenPatient,
  onRegisterAnyway,
  busy,
}: {
  candidates: Candidate[];
  onOpenPatient: ((id: string) => void) | undefined;
  onRegisterAnyway: () => void;
  busy: boolean;
}) {
  return (
    <div role="alert" aria-label="Possible duplicates" className="my-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p className="font-medium">This patient may already be registered. Check these records first:</p>
      <ul className="my-2 list-disc pl-5">
        {candidates.map(({ patient, reasons }) => (
          <li key={patient.id}>
            {onOpenPatient ? (
              <button type="button" className="underline" onClick={() => onOpenPatient(patient.id)}>
                {patient.fullName}
              </button>
            ) : (
              <strong>{patient.fullName}</strong>
            )}{' '}
            ({patient.mrn}, born {patient.dateOfBirth}): {reasons.map((reason) => REASON_WORDS[reason]).join(', ')}
          </li>
        ))}
      </ul>
      <Button look="secondary" disabled={busy} onClick={onRegisterAnyway}>
        Register anyway
      </Button>
    </div>
  );
}
