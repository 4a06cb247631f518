/**
 * Third-party app scopes in SMART v2 form (`system/Patient.rs`): the vocabulary, and which schema
 * coordinates each resource and action covers. Apps are decided here and nowhere else; users are
 * decided by `@auth` roles (decide.ts calls into this file for `kind: 'app'` subjects).
 *
 * Semantics: `c` create, `r` read, `u` update, `d` delete, `s` search (SMART v2). A root field
 * needs its own action on its resource. Any other field needs `r` or `s` on the resource of its
 * own coordinate when a resource names it in `fields` (`Patient.balance` is Invoice data, whatever
 * type it hangs on), else on the resource owning its parent type (`Patient.name`), whichever root
 * field led there. Types of no resource, fields of no resource and root fields in no table are
 * never open to apps: default deny, as for roles.
 */

/** SMART v2 actions, in the order they must be written. */
export const SCOPE_ACTIONS = ['c', 'r', 'u', 'd', 's'] as const;
/** One action letter. */
export type ScopeAction = (typeof SCOPE_ACTIONS)[number];

/** What one resource type covers. */
export interface ScopeResource {
  /** Object types whose fields `r`/`s` on this resource open (but for fields another resource names). */
  types: readonly string[];
  /**
   * Single fields `r`/`s` opens, wherever they hang: a field that leads into this resource's data
   * from another resource's type (`Patient.invoices`), or the only fields of a type it opens
   * (`User.displayName`). These win over `types`.
   */
  fields: readonly string[];
  /** Root fields (`Query.patient`) and the action each needs. */
  rootFields: Readonly<Record<string, ScopeAction>>;
}

/** The resource types apps can be granted, and what each covers (SMART/FHIR names). */
export const SCOPE_RESOURCES = {
  Patient: {
    types: ['Patient', 'PatientConnection', 'PatientEdge', 'AllergyChange', 'AllergyChangeConnection', 'AllergyChangeEdge', 'CappedCount'],
    fields: [],
    rootFields: { 'Query.patient': 'r', 'Query.patients': 's', 'Mutation.registerPatient': 'c', 'Mutation.updatePatient': 'u', 'Mutation.archivePatient': 'd' },
  },
  Appointment: {
    types: ['Appointment', 'AppointmentConnection', 'AppointmentEdge', 'AppointmentStatusChange', 'AppointmentEvent'],
    // Added to Patient by the appointments department: a patient's visits are appointment data.
    fields: ['Patient.appointments'],
    rootFields: {
      'Query.appointment': 'r',
      'Query.appointments': 's',
      'Subscription.appointmentEvents': 's',
      'Mutation.bookAppointment': 'c',
      'Mutation.rescheduleAppointment': 'u',
      'Mutation.checkInAppointment': 'u',
      'Mutation.completeAppointment': 'u',
      'Mutation.markNoShow': 'u',
      'Mutation.cancelAppointment': 'd',
    },
  },
  Prescription: {
    types: ['Prescription', 'PrescriptionConnection', 'PrescriptionEdge', 'Dispensation', 'AllergyOverride'],
    fields: ['Patient.prescriptions'],
    rootFields: {
      'Query.prescription': 'r',
      'Query.prescriptions': 's',
      'Mutation.prescribe': 'c',
      'Mutation.dispensePrescription': 'u',
      'Mutation.cancelPrescription': 'd',
    },
  },
  Invoice: {
    types: ['Invoice', 'InvoiceConnection', 'InvoiceEdge', 'InvoiceLine', 'Payment', 'Refund'],
    fields: ['Patient.invoices', 'Patient.balance'],
    rootFields: {
      'Query.invoice': 'r',
      'Query.invoices': 's',
      'Mutation.createInvoice': 'c',
      'Mutation.addInvoiceLine': 'u',
      'Mutation.removeInvoiceLine': 'u',
      'Mutation.issueInvoice': 'u',
      'Mutation.recordPayment': 'u',
      'Mutation.refundPayment': 'u',
      'Mutation.voidInvoice': 'd',
    },
  },
  Admission: {
    types: ['Admission', 'AdmissionConnection', 'AdmissionEdge', 'BedTransfer'],
    // Even whether a patient is in hospital now is a stay's data.
    fields: ['Patient.admissions', 'Patient.currentAdmission'],
    rootFields: { 'Query.admission': 'r', 'Query.admissions': 's', 'Mutation.admitPatient': 'c', 'Mutation.transferPatient': 'u', 'Mutation.dischargePatient': 'u' },
  },
  Medication: {
    types: ['Drug', 'DrugConnection', 'DrugEdge'],
    fields: [],
    rootFields: { 'Query.drug': 'r', 'Query.drugs': 's' },
  },
  Practitioner: {
    // Staff as other records name them (an appointment's doctor): who and in what role, nothing
    // of the account (sign-in email, active, createdAt); the user list stays admin-only. The
    // doctor list (id and name of the active doctors) is what an app books against.
    types: ['Doctor', 'DoctorConnection', 'DoctorEdge'],
    fields: ['User.id', 'User.displayName', 'User.role'],
    rootFields: { 'Query.doctors': 's', 'Query.doctor': 'r' },
  },
} as const satisfies Record<string, ScopeResource>;

/** A resource type name. */
export type ScopeResourceName = keyof typeof SCOPE_RESOURCES;

/**
 * Types every app may read once a field leading there lets it in: plumbing, no data of their own.
 * Sound only while every field returning one is itself guarded by a resource (scopes.test.ts
 * walks the supergraph for that): `Patient.balance` returns Money, so it names Invoice.
 */
const SHARED_TYPES = new Set(['PageInfo', 'Money']);

/**
 * The federation entity fetch. Open to apps as a field: each representation is decided by its
 * type's resource ({@link scopesCoverEntity}) and each selected field by its own coordinate.
 */
const ENTITY_FETCH = 'Query._entities';

/** What a coordinate needs: `r`/`s` (or a root field's action) on one resource. */
export interface ScopeNeed {
  resource: ScopeResourceName;
  actions: readonly ScopeAction[];
}

const RESOURCES = Object.entries(SCOPE_RESOURCES) as Array<[ScopeResourceName, ScopeResource]>;
const READ: readonly ScopeAction[] = ['r', 's'];

/** A parsed scope: `system/Patient.rs` → system, Patient, {r, s}; `*` for every resource. */
export interface ParsedScope {
  context: 'system' | 'user';
  resource: ScopeResourceName | '*';
  actions: ReadonlySet<ScopeAction>;
}

/**
 * Parses one SMART v2 scope over our resources; undefined for anything else (unknown resource,
 * actions out of `cruds` order, v1 `.read`), so a typo is refused, never widened.
 * @param scope - one space-separated item of a `scope` parameter
 */
export function parseScope(scope: string): ParsedScope | undefined {
  const match = /^(system|user)\/([A-Za-z*]+)\.([cruds]+)$/.exec(scope);
  if (!match) return undefined;
  const [, context, resource, letters] = match as unknown as [string, 'system' | 'user', string, string];
  if (resource !== '*' && !Object.hasOwn(SCOPE_RESOURCES, resource)) return undefined;
  // SMART v2: letters appear at most once and in the order c, r, u, d, s.
  const ordered = SCOPE_ACTIONS.filter((a) => letters.includes(a)).join('');
  if (ordered !== letters) return undefined;
  return { context, resource: resource as ScopeResourceName | '*', actions: new Set(letters as unknown as ScopeAction[]) };
}

/**
 * What one coordinate needs: a root field its own action; another field `r`/`s` on the resource
 * naming it in `fields`, else on its parent type's resource. `'shared'` for plumbing types,
 * undefined for anything no resource covers (closed to apps).
 * @param coordinate - `Type.field`
 * @param isRoot - the parent is Query, Mutation or Subscription
 */
export function scopeNeededFor(coordinate: string, isRoot: boolean): ScopeNeed | 'shared' | undefined {
  if (isRoot) {
    if (coordinate === ENTITY_FETCH) return 'shared';
    for (const [name, resource] of RESOURCES) {
      const action = resource.rootFields[coordinate];
      if (action) return { resource: name, actions: [action] };
    }
    return undefined;
  }
  const named = RESOURCES.find(([, resource]) => resource.fields.includes(coordinate));
  if (named) return { resource: named[0], actions: READ };
  const typeName = coordinate.slice(0, coordinate.indexOf('.'));
  const owner = RESOURCES.find(([, resource]) => resource.types.includes(typeName));
  // A type opened only field by field (User) owns no resource: its other fields stay closed.
  if (owner) return { resource: owner[0], actions: READ };
  return SHARED_TYPES.has(typeName) ? 'shared' : undefined;
}

/**
 * The resource an entity of this type belongs to, for a subgraph's entity fetch: the resource
 * owning the type, else the one opening some of its fields (User: Practitioner).
 * @param typeName - the representation's `__typename`
 */
export function entityResource(typeName: string): ScopeResourceName | undefined {
  return (
    RESOURCES.find(([, resource]) => resource.types.includes(typeName))?.[0] ??
    RESOURCES.find(([, resource]) => resource.fields.some((coordinate) => coordinate.startsWith(`${typeName}.`)))?.[0]
  );
}

/** Whether granted scopes hold one of the actions on the resource (system scopes only; malformed ones grant nothing). */
function grants(scopes: readonly string[], need: ScopeNeed, context: ScopeContext): boolean {
  return scopes.some((text) => {
    const scope = parseScope(text);
    if (!scope || scope.context !== context) return false;
    if (scope.resource !== '*' && scope.resource !== need.resource) return false;
    return need.actions.some((a) => scope.actions.has(a));
  });
}

/** Whose scopes: an app as itself (`system/`) or an app acting for a signed-in user (`user/`). */
export type ScopeContext = 'system' | 'user';

/**
 * Whether granted scopes cover one coordinate. Only scopes of the given context count (a `user/`
 * scope never opens anything to an app as itself, nor `system/` to an app acting for a user).
 * Malformed scopes grant nothing.
 * @param scopes - the scopes in the app's access token
 * @param coordinate - `Type.field`
 * @param isRoot - the parent is a root type
 * @param context - `system` (client credentials, the default) or `user` (authorization code)
 */
export function scopesCover(scopes: readonly string[], coordinate: string, isRoot: boolean, context: ScopeContext = 'system'): boolean {
  const needed = scopeNeededFor(coordinate, isRoot);
  if (needed === undefined) return false;
  return needed === 'shared' || grants(scopes, needed, context);
}

/**
 * Whether granted scopes let a subgraph resolve an entity of this type for the app: `r`/`s` on
 * the entity's resource. Types of no resource are never resolved for apps.
 * @param scopes - the scopes in the app's access token
 * @param typeName - the entity's type
 * @param context - `system` (the default) or `user`, as for {@link scopesCover}
 */
export function scopesCoverEntity(scopes: readonly string[], typeName: string, context: ScopeContext = 'system'): boolean {
  const resource = entityResource(typeName);
  return resource !== undefined && grants(scopes, { resource, actions: READ }, context);
}

/**
 * The scopes an app may be granted: those requested that its registration allows, each item
 * kept only when every action it names is allowed for that resource (no escalation by asking).
 * Returns undefined when any requested scope is malformed or not allowed (RFC 6749 `invalid_scope`).
 * @param requested - the `scope` parameter's items (empty: all allowed scopes)
 * @param allowed - the scopes the registration allows
 */
export function grantScopes(requested: readonly string[], allowed: readonly string[]): string[] | undefined {
  if (requested.length === 0) return [...allowed];
  const allowedParsed = allowed.map(parseScope).filter((s): s is ParsedScope => s !== undefined);
  for (const text of requested) {
    const scope = parseScope(text);
    if (!scope) return undefined;
    const covered = [...scope.actions].every((action) =>
      allowedParsed.some((a) => a.context === scope.context && (a.resource === '*' || a.resource === scope.resource) && a.actions.has(action)),
    );
    if (!covered) return undefined;
  }
  return [...new Set(requested)];
}

/** Every scope a registration may name: each resource with `cruds`, and the wildcard. */
export function supportedScopes(): string[] {
  return [...Object.keys(SCOPE_RESOURCES).map((name) => `system/${name}.cruds`), 'system/*.cruds'];
}
