/**
 * ListLabTests, OrderLabTests, EnterLabResult, AmendLabResult, GetPatientLabOrders and GetLabOrders. A doctor
 * orders catalogue tests in an open encounter; staff enter each item's result once (value in the
 * test's unit, flagged against its ranges); a correction is an amendment that keeps the original.
 * Ward staff enter and read the results of patients admitted on their wards only, like vitals.
 */
import type {
  AmendLabResultRequest__Output,
  EnterLabResultRequest__Output,
  GetLabOrdersRequest__Output,
  GetLabOrdersResponse,
  GetPatientLabOrdersRequest__Output,
  GetPatientLabOrdersResponse,
  LabOrder,
  LabTest,
  ListLabTestsResponse,
  OrderLabTestsRequest__Output,
  OrderLabTestsResponse,
} from '@hospital/grpc-contracts';
import { conflict, denyObjectAccess, distinctIds, invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import { findLabTest, flagResult, implausibleResult, LAB_TESTS, type LabTestEntry } from '../domain/lab-catalogue.ts';
import { labResultEvent } from '../outbox/clinical-events.ts';
import type { LabOrderRecord, LabResultRecord } from '../repositories/records.ts';
import { assertMayTouchRecord, readablePatients, readableRecords } from '../domain/record-access.ts';
import { encounterOrNotFound } from './encounters.handler.ts';
import { getLabOrdersSchema, getPatientLabOrdersSchema, labResultSchema, orderLabTestsSchema } from './labs.schema.ts';

const isWardStaff = (scope: CallScope) => scope.caller.kind === 'user' && scope.caller.role === 'ward_staff';

/** A catalogue test as sent (the plausibility bound stays inside). */
function toProtoTest({ loincCode, name, unit, referenceLow, referenceHigh, criticalLow, criticalHigh }: LabTestEntry): LabTest {
  return { loincCode, name, unit, referenceLow, referenceHigh, ...(criticalLow === undefined ? {} : { criticalLow }), ...(criticalHigh === undefined ? {} : { criticalHigh }) };
}

/**
 * An order item as sent, with its test and results.
 * @param record - the stored item
 */
export function toProtoLabOrder(record: LabOrderRecord): LabOrder {
  const test = findLabTest(record.loincCode);
  return {
    id: record.id,
    patientId: record.patientId,
    encounterId: record.encounterId,
    test: test ? toProtoTest(test) : null,
    orderedBy: record.orderedBy,
    orderedAt: record.orderedAt.toISOString(),
    results: record.results.map((r) => ({
      id: r.id,
      value: r.value,
      unit: r.unit,
      flag: r.flag,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt.toISOString(),
      amendsResultId: r.amendsResultId ?? '',
    })),
  };
}

/** The catalogue (no patient data: not audited). */
export function listLabTestsHandler(): Promise<ListLabTestsResponse> {
  return Promise.resolve({ tests: LAB_TESTS.map(toProtoTest) });
}

/**
 * Orders catalogue tests in an open encounter.
 * @param request - encounter and LOINC codes
 * @param deps - storage
 * @param scope - the caller
 */
export async function orderLabTestsHandler(request: OrderLabTestsRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<OrderLabTestsResponse> {
  const { encounterId, loincCodes } = parseRequest(orderLabTestsSchema, request);
  const orderedBy = requireActingUser(scope.caller, 'Only a signed-in doctor may order lab tests.');
  const unknown = loincCodes.find((code) => !findLabTest(code));
  if (unknown !== undefined) throw invalidInput(`${unknown} is not in the lab catalogue.`, 'loincCodes');
  const encounter = await encounterOrNotFound(encounterId, deps);
  await assertMayTouchRecord(encounter.patientId, deps.carers, scope, 'lab order', [encounter.openedBy]);
  if (encounter.closedAt) throw conflict('The encounter is closed: order tests in an open one.');
  const orders = await deps.labs.order({ patientId: encounter.patientId, encounterId, orderedBy, loincCodes });
  scope.logger.info({ encounterId, tests: orders.length }, 'lab tests ordered');
  return { orders: orders.map(toProtoLabOrder) };
}

/** A result to enter or amend, its request already validated. */
export interface ResultInput {
  orderId: string;
  value: number;
  unit: string;
}

/**
 * The ward of the patient's current admission (for the event's ward scoping); for ward staff a
 * patient not admitted on their wards is refused. For others an unreachable ward department
 * leaves the ward unknown rather than refusing the result.
 */
async function wardOfPatient(order: LabOrderRecord, deps: ClinicalDeps, scope: CallScope): Promise<string | null> {
  const key = order.patientId.toLowerCase();
  if (isWardStaff(scope)) {
    const wardId = (await deps.care.currentWards([key], scope)).get(key);
    if (wardId === undefined) throw denyObjectAccess(scope, { kind: 'lab order', id: order.id, patientId: order.patientId }, "not admitted on the caller's wards");
    return wardId;
  }
  try {
    return (await deps.care.currentWards([key], scope)).get(key) ?? null;
  } catch (error) {
    scope.logger.warn({ err: error, orderId: order.id }, 'ward of the patient unknown: the lab event carries no ward');
    return null;
  }
}

/** The item, its test, the checked result and the patient's ward, or a typed error (ward staff: their wards' patients only). */
async function checkedResult({ orderId, value, unit }: ResultInput, deps: ClinicalDeps, scope: CallScope, expectLoinc?: string) {
  const enteredBy = requireActingUser(scope.caller, 'Only signed-in staff may enter lab results.');
  const order = await deps.labs.find(orderId);
  if (!order) throw notFound('No lab order with this id.');
  // The care relationship (ward staff: the patient on their wards), or the doctor who ordered it.
  await assertMayTouchRecord(order.patientId, deps.carers, scope, 'lab result', [order.orderedBy]);
  const wardId = await wardOfPatient(order, deps, scope);
  const test = findLabTest(order.loincCode);
  if (!test) throw conflict('The ordered test is no longer in the catalogue.');
  if (expectLoinc !== undefined && expectLoinc !== test.loincCode) throw invalidInput(`The result is for ${expectLoinc}, the order for ${test.loincCode}.`, 'loincCode');
  const wrong = implausibleResult(test, value, unit);
  if (wrong) throw invalidInput(wrong.message, wrong.field);
  const result = { orderId, value, unit: test.unit, flag: flagResult(test, value), enteredBy };
  // The event is built from the stored row, inside the result's transaction.
  const eventOf = (stored: LabResultRecord) => labResultEvent(order, test, stored, { actorId: enteredBy, encounterId: order.encounterId, wardId });
  return { order, result, eventOf };
}

/**
 * Enters an item's result, once (staff typing it, or a lab's HL7 message).
 * @param input - item, value, unit
 * @param deps - storage and the ward department
 * @param scope - the caller
 * @param expectLoinc - the test the result is said to be for (HL7 OBX-3), checked against the order
 */
export async function enterResult(input: ResultInput, deps: ClinicalDeps, scope: CallScope, expectLoinc?: string): Promise<LabOrder> {
  const { order, result, eventOf } = await checkedResult(input, deps, scope, expectLoinc);
  if (order.results.length > 0) throw conflict('This test has a result already: amend it instead.');
  const entered = await deps.labs.enter(result, eventOf);
  if (entered === 'entered') throw conflict('This test has a result already: amend it instead.');
  scope.logger.info({ orderId: order.id, flag: result.flag }, 'lab result entered');
  return toProtoLabOrder(entered);
}

/**
 * Corrects an item's current result; the original and earlier amendments stay.
 * @param input - item, corrected value, unit
 * @param deps - storage and the ward department
 * @param scope - the caller
 * @param expectLoinc - the test the result is said to be for (HL7 OBX-3), checked against the order
 */
export async function amendResult(input: ResultInput, deps: ClinicalDeps, scope: CallScope, expectLoinc?: string): Promise<LabOrder> {
  const { order, result, eventOf } = await checkedResult(input, deps, scope, expectLoinc);
  const current = order.results.at(-1);
  if (!current) throw conflict('This test has no result to amend: enter it first.');
  const amended = await deps.labs.amend({ ...result, amendsResultId: current.id }, eventOf);
  if (amended === 'stale') throw conflict('The result was amended meanwhile: reload and amend the current one.');
  scope.logger.info({ orderId: order.id, flag: result.flag }, 'lab result amended');
  return toProtoLabOrder(amended);
}

/**
 * EnterLabResult.
 * @param request - item, value, unit
 * @param deps - storage and the ward department
 * @param scope - the caller
 */
export function enterLabResultHandler(request: EnterLabResultRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<LabOrder> {
  return enterResult(parseRequest(labResultSchema, request), deps, scope);
}

/**
 * AmendLabResult.
 * @param request - item, corrected value, unit
 * @param deps - storage and the ward department
 * @param scope - the caller
 */
export function amendLabResultHandler(request: AmendLabResultRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<LabOrder> {
  return amendResult(parseRequest(labResultSchema, request), deps, scope);
}

/**
 * The lab orders of several patients: those in the caller's care (the others withheld and audited
 * as denied; FORBIDDEN when none is, which the `labResultEvents(patientId)` subscription asks).
 * @param request - the patients
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getPatientLabOrdersHandler(request: GetPatientLabOrdersRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetPatientLabOrdersResponse> {
  const { patientIds } = parseRequest(getPatientLabOrdersSchema, request);
  const visible = await readablePatients(distinctIds(patientIds), deps.carers, scope, 'lab order');
  return { orders: (await deps.labs.ofPatients(visible)).map(toProtoLabOrder) };
}

/**
 * Order items by id in request order, for entity batching (a lab notification's order). Unknown ids
 * are left out; so are items of patients outside the caller's care that they did not order (each
 * left out like an unknown id, with a denied audit row: domain/record-access.ts).
 * @param request - the order item ids
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getLabOrdersHandler(request: GetLabOrdersRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetLabOrdersResponse> {
  const { ids } = parseRequest(getLabOrdersSchema, request);
  const keys = distinctIds(ids);
  const stored = await deps.labs.findByIds(keys);
  const shape = { keyOf: (o: LabOrderRecord) => o.id, patientOf: (o: LabOrderRecord) => o.patientId, authorsOf: (o: LabOrderRecord) => [o.orderedBy] };
  const found = await readableRecords(keys, stored, shape, deps.carers, scope, 'lab order', true);
  const byId = new Map(found.map((order) => [order.id.toLowerCase(), order]));
  return { orders: ids.flatMap((id) => byId.get(id.toLowerCase()) ?? []).map(toProtoLabOrder) };
}
