/** CreateInvoice: opens a DRAFT for an existing, non-archived patient. */
import type { CreateInvoiceRequest__Output, Invoice } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { FinanceDeps } from '../finance-deps.ts';
import { createInvoiceSchema } from './create-invoice.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

/**
 * Refuses an appointment or admission that does not exist or is another patient's, asking the
 * department that owns it. Both cases read the same, so billing learns nothing about records it
 * may not see.
 */
async function assertReferencesBelongToPatient(
  input: { patientId: string; appointmentId: string | null; admissionId: string | null },
  deps: Pick<FinanceDeps, 'references'>,
  scope: CallScope,
): Promise<void> {
  if (input.appointmentId && (await deps.references.patientOfAppointment(input.appointmentId, scope)) !== input.patientId) {
    throw invalidInput("No appointment of this invoice's patient has this id.", 'appointmentId');
  }
  if (input.admissionId && (await deps.references.patientOfAdmission(input.admissionId, scope)) !== input.patientId) {
    throw invalidInput("No admission of this invoice's patient has this id.", 'admissionId');
  }
}

/**
 * Creates a DRAFT invoice. The patient is checked with the patients department, as the caller;
 * a billed appointment or admission with the department that owns it.
 * @param request - patient, currency, optional appointment or admission
 * @param deps - invoice storage, patient directory and billed-reference lookups
 * @param scope - the call (identity forwarded to the patients service)
 */
export async function createInvoiceHandler(
  request: CreateInvoiceRequest__Output,
  deps: Pick<FinanceDeps, 'invoices' | 'patients' | 'references'>,
  scope: CallScope,
): Promise<Invoice> {
  const input = parseRequest(createInvoiceSchema, request);
  const patient = await deps.patients.find(input.patientId, scope);
  if (!patient) throw notFound('No patient with this id.');
  if (patient.archived) throw invalidInput('The patient record is archived and can no longer be billed.', 'patientId');
  await assertReferencesBelongToPatient(input, deps, scope);
  const invoice = await deps.invoices.create({ ...input, createdBy: actingUserId(scope.caller) });
  scope.logger.info({ invoiceId: invoice.id, patientId: invoice.patientId }, 'invoice created');
  return toProtoInvoice(invoice);
}
