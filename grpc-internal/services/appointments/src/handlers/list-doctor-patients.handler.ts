/**
 * ListDoctorPatients: a doctor's default patient list ("my patients"), the patients they have
 * appointments with. Searching every patient stays possible in the patients department (a doctor
 * must find a new patient to book them); this list is only the default view.
 */
import type { ListDoctorPatientsRequest__Output, ListDoctorPatientsResponse } from '@hospital/grpc-contracts';
import { invalidInput, pageSize, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { z } from 'zod';
import type { AppointmentsDeps } from '../appointments-deps.ts';
import { listingDoctor } from '../domain/appointment-access.ts';
import { optionalIdSchema } from './appointment-fields.schema.ts';

const listDoctorPatientsSchema = z.object({ doctorId: optionalIdSchema, limit: z.number().int() });

/**
 * Patient ids, most recent appointment first. A doctor gets their own and may not name a
 * colleague; admins and ward staff name the doctor.
 * @param request - doctor and limit
 * @param deps - appointment storage
 * @param scope - the caller
 */
export async function listDoctorPatientsHandler(
  request: ListDoctorPatientsRequest__Output,
  deps: Pick<AppointmentsDeps, 'appointments'>,
  scope: CallScope,
): Promise<ListDoctorPatientsResponse> {
  const { doctorId, limit } = parseRequest(listDoctorPatientsSchema, request);
  const doctor = listingDoctor(scope.caller, doctorId);
  if (doctor === undefined) throw invalidInput('Name the doctor whose patients to list.', 'doctorId');
  return { patientIds: await deps.appointments.patientsOfDoctor(doctor, pageSize(limit)) };
}
