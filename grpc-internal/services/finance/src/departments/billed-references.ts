/**
 * What finance needs to know about the appointment or admission an invoice bills: whose it is.
 * Asked of the owning departments over gRPC (never by reading their tables), as the finance
 * service itself: billing staff may not read schedules or bed boards, and the answer used here is
 * only the patient id, which never leaves finance.
 */
import type { AppointmentsClient, WardClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata, type CallScope } from '@hospital/service-kit/grpc';

/** Looks up the patient of a billed appointment or admission. */
export interface BilledReferences {
  /**
   * The patient of the appointment, or undefined when there is no appointment with this id.
   * @param appointmentId - UUID
   * @param scope - the call being served (its request id travels on)
   */
  patientOfAppointment(appointmentId: string, scope: CallScope): Promise<string | undefined>;
  /**
   * The patient of the admission, or undefined when there is no admission with this id.
   * @param admissionId - UUID
   * @param scope - the call being served (its request id travels on)
   */
  patientOfAdmission(admissionId: string, scope: CallScope): Promise<string | undefined>;
}

/** BilledReferences over the appointments and ward gRPC services. */
export class GrpcBilledReferences implements BilledReferences {
  /**
   * @param clients - promise clients of the appointments and ward services
   * @param internalSecret - signs the finance service's own identity
   */
  constructor(
    private readonly clients: { appointments: AppointmentsClient; ward: WardClient },
    private readonly internalSecret: string,
  ) {}

  private metadata(scope: CallScope) {
    // A fresh short-lived service token per call, carrying the request id of the call being served.
    return { metadata: callMetadata(signIdentity({ kind: 'service', service: 'finance' }, this.internalSecret), scope.requestId) };
  }

  async patientOfAppointment(appointmentId: string, scope: CallScope): Promise<string | undefined> {
    const { appointments } = await this.clients.appointments.getAppointments({ ids: [appointmentId] }, this.metadata(scope));
    return appointments.find((appointment) => appointment.id === appointmentId)?.patientId;
  }

  async patientOfAdmission(admissionId: string, scope: CallScope): Promise<string | undefined> {
    const { admissions } = await this.clients.ward.getAdmissions({ ids: [admissionId] }, this.metadata(scope));
    return admissions.find((admission) => admission.id === admissionId)?.patientId;
  }
}
