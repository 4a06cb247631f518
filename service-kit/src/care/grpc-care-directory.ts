/** The care relationships' facts over the appointments and ward gRPC services, forwarding the caller. */
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { AppointmentsClient, WardClient } from '@hospital/grpc-contracts';
import { serviceBusy } from '../errors.ts';
import { callMetadata } from '../grpc-metadata.ts';
import type { CareDirectory, ForwardedCall } from './care-rule.ts';

/** The appointment statuses that make a doctor one of the patient's carers. */
const CARING_STATUSES = ['APPOINTMENT_STATUS_SCHEDULED', 'APPOINTMENT_STATUS_CHECKED_IN', 'APPOINTMENT_STATUS_COMPLETED'] as const;

/** Clients of the departments asked, opened on first use by the service that owns them. */
export interface CareClients {
  appointments(): AppointmentsClient;
  ward(): WardClient;
}

/** Care relationships asked over gRPC: one call to each department however many patients. */
export class GrpcCareDirectory implements CareDirectory {
  /** @param clients - the appointments and ward clients */
  constructor(private readonly clients: CareClients) {}

  async patientsOfDoctor(doctorId: string, patientIds: readonly string[], call: ForwardedCall): Promise<Set<string>> {
    if (patientIds.length === 0) return new Set();
    // The appointments department shows a doctor only their own appointments; the doctor id is
    // still checked here, so a wider listing rule there could never widen this answer.
    const { patients } = await ask('appointments', () =>
      this.clients
        .appointments()
        .listAppointmentsForPatients(
          { patientIds: [...patientIds], statuses: [...CARING_STATUSES], page: { first: 1 }, omitHistory: true },
          { metadata: callMetadata(call.identityToken, call.requestId) },
        ),
    );
    return new Set(patients.filter((p) => p.appointments.some((a) => a.doctorId.toLowerCase() === doctorId.toLowerCase())).map((p) => p.patientId.toLowerCase()));
  }

  async patientsOnCallersWards(patientIds: readonly string[], call: ForwardedCall): Promise<Set<string>> {
    if (patientIds.length === 0) return new Set();
    // The ward department returns only admissions on the caller's own wards (its object-level
    // rule, in one place there); a current one among them is the relationship.
    const { admissions } = await ask('ward', () =>
      this.clients.ward().getPatientAdmissions({ patientIds: [...patientIds] }, { metadata: callMetadata(call.identityToken, call.requestId) }),
    );
    return new Set(admissions.filter((admission) => admission.status === 'ADMISSION_STATUS_ADMITTED').map((admission) => admission.patientId.toLowerCase()));
  }
}

/** Statuses that mean "the department cannot answer now", not "no". */
const UNREACHABLE = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.RESOURCE_EXHAUSTED]);
/** Seconds a client is told to wait when a department cannot answer. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Runs one question; a department that is down or overloaded makes the call wait
 * (SERVICE_UNAVAILABLE, retry later) instead of failing as an internal error. Access is never
 * granted without an answer.
 */
async function ask<T>(department: string, question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && UNREACHABLE.has(code)) {
      throw serviceBusy(`The ${department} department cannot confirm who cares for this patient right now; try again shortly.`, RETRY_AFTER_SECONDS);
    }
    throw error;
  }
}
