/** CareDirectory over the appointments and ward gRPC services, forwarding the caller. */
import type { AppointmentsClient, WardClient } from '@hospital/grpc-contracts';
import { callMetadata } from '@hospital/service-kit';
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
    const { pageInfo } = await this.clients
      .appointments()
      .listAppointments({ doctorId, patientId, statuses: [...CARING_STATUSES], page: { first: 1 } }, { metadata: callMetadata(call.identityToken, call.requestId) });
    return (pageInfo?.totalCount ?? 0) > 0;
  }

  async wardHoldsPatient(patientId: string, call: ForwardedCall): Promise<boolean> {
    // The ward department returns only admissions on the caller's own wards (its object-level
    // rule, in one place there); a current one among them is the relationship.
    const { admissions } = await this.clients.ward().getPatientAdmissions({ patientIds: [patientId] }, { metadata: callMetadata(call.identityToken, call.requestId) });
    return admissions.some((admission) => admission.patientId === patientId && admission.status === 'ADMISSION_STATUS_ADMITTED');
  }
}
