/** CareDirectory over the appointments and ward gRPC services, forwarding the caller. */
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { AppointmentsClient, WardClient } from '@hospital/grpc-contracts';
import { serviceBusy } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import type { CareDirectory, ForwardedCall } from './care-directory.ts';

/** The appointment statuses that make a doctor one of the patient's carers. */
const CARING_STATUSES = ['APPOINTMENT_STATUS_SCHEDULED', 'APPOINTMENT_STATUS_CHECKED_IN', 'APPOINTMENT_STATUS_COMPLETED'] as const;

/** Clients of the departments asked, opened on first use (see startPatientsService). */
export interface CareClients {
  appointments(): AppointmentsClient;
  ward(): WardClient;
}

/** Care relationships asked over gRPC. */
export class GrpcCareDirectory implements CareDirectory {
  /** @param clients - the appointments and ward clients */
  constructor(private readonly clients: CareClients) {}

  async doctorSeesPatient(doctorId: string, patientId: string, call: ForwardedCall): Promise<boolean> {
    // The doctor is named explicitly: the answer does not rest on what a doctor may list.
    const { pageInfo } = await ask('appointments', () =>
      this.clients
        .appointments()
        .listAppointments(
          { doctorId, patientId, statuses: [...CARING_STATUSES], page: { first: 1 }, omitHistory: true },
          { metadata: callMetadata(call.identityToken, call.requestId) },
        ),
    );
    return (pageInfo?.totalCount ?? 0) > 0;
  }

  async wardHoldsPatient(patientId: string, call: ForwardedCall): Promise<boolean> {
    // The ward department returns only admissions on the caller's own wards (its object-level
    // rule, in one place there); a current one among them is the relationship.
    const { admissions } = await ask('ward', () =>
      this.clients.ward().getPatientAdmissions({ patientIds: [patientId] }, { metadata: callMetadata(call.identityToken, call.requestId) }),
    );
    return admissions.some((admission) => admission.patientId === patientId && admission.status === 'ADMISSION_STATUS_ADMITTED');
  }
}

/** Statuses that mean "the department cannot answer now", not "no". */
const UNREACHABLE = new Set<number>([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED, GrpcStatus.RESOURCE_EXHAUSTED]);
/** Seconds a client is told to wait when a department cannot answer. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Runs one question; a department that is down or overloaded makes the change wait
 * (SERVICE_UNAVAILABLE, retry later) instead of failing as an internal error. The change is never
 * allowed without an answer.
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
