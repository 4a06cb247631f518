/**
 * SMART v2 user/ scopes in plain words for the consent screen: what the app could do, for whom
 * (always "as you": the app never gets more than the clinician's own role allows).
 */

/** What each resource is, as a clinician would say it. */
const RESOURCES: Record<string, string> = {
  Patient: 'patient records',
  Appointment: 'appointments',
  Prescription: 'prescriptions',
  Invoice: 'invoices and payments',
  Admission: 'admissions and bed transfers',
  Medication: 'the drug catalogue',
  Practitioner: 'staff names on records',
  '*': 'every kind of record',
};

/** The SMART v2 action letters, in order, as verbs. */
const ACTIONS: Array<[string, string]> = [
  ['c', 'create'],
  ['r', 'read'],
  ['u', 'update'],
  ['d', 'delete'],
  ['s', 'search'],
];

/**
 * One scope as a sentence, e.g. `user/Patient.rs` → "Read and search patient records".
 * @param scope - a scope the consent would grant
 */
export function scopeInWords(scope: string): string {
  const match = /^user\/([A-Za-z*]+)\.([cruds]+)$/.exec(scope);
  const resource = match ? RESOURCES[match[1] as string] : undefined;
  if (!match || !resource) return scope;
  const verbs = ACTIONS.filter(([letter]) => (match[2] as string).includes(letter)).map(([, verb]) => verb);
  const list = verbs.length > 1 ? `${verbs.slice(0, -1).join(', ')} and ${verbs.at(-1) as string}` : (verbs[0] as string);
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} ${resource}`;
}
