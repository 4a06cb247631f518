/**
 * What the clinical record asks other departments, over gRPC on behalf of the caller (never by
 * reading their tables). The caller's own identity travels on, so each department applies its own
 * rules: a doctor sees only their own appointments; ward staff only admissions on their wards.
 */
import { status } from '@grpc/grpc-js';
import type { AppointmentsClient, WardClient } from '@hospital/grpc-contracts';
import { callMetadata, type CallScope } from '@hospital/service-kit/grpc';

/** An appointment as a visit needs it. */
export interface AppointmentFacts {
  id: string;
  patientId: string;
  status: 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW' | 'UNSPECIFIED';
}

/** An admission as a stay or a vital-signs entry needs it. */
export interface AdmissionFacts {
  id: string;
  patientId: string;
  active: boolean;
}

/** The appointments and ward departments, as the clinical record uses them. */
export interface CareDepartments {
  /** The appointment, when it exists and the caller may see it. */
  appointment(id: string, scope: CallScope): Promise<AppointmentFacts | undefined>;
  /** Completes a checked-in appointment (the visit is over); false when it was no longer checked in. */
  completeAppointment(id: string, scope: CallScope): Promise<boolean>;
  /** The admission, when it exists and the caller may see it. */
  admission(id: string, scope: CallScope): Promise<AdmissionFacts | undefined>;
  /** The ward of each patient's current admission, for those admitted where the caller may see (lower-case patient id → ward id), in one call. */
  currentWards(patientIds: readonly string[], scope: CallScope): Promise<Map<string, string>>;
  /** The ids of the wards the caller may see (the ward department's assignments decide), lower-case. */
  wardsCallerSees(scope: CallScope): Promise<string[]>;
}

const metadataOf = (scope: CallScope) => ({ metadata: callMetadata(scope.identityToken, scope.requestId) });

/** The appointments and ward gRPC services as {@link CareDepartments}. */
export class GrpcCareDepartments implements CareDepartments {
  /**
   * @param appointments - promise client of the appointments service
   * @param ward - promise client of the ward service
   */
  constructor(
    private readonly appointments: AppointmentsClient,
    private readonly ward: WardClient,
  ) {}

  async appointment(id: string, scope: CallScope): Promise<AppointmentFacts | undefined> {
    const { appointments } = await this.appointments.getAppointments({ ids: [id] }, metadataOf(scope));
    const found = appointments.find((a) => a.id === id);
    return found ? { id: found.id, patientId: found.patientId, status: found.status.replace('APPOINTMENT_STATUS_', '') as AppointmentFacts['status'] } : undefined;
  }

  async completeAppointment(id: string, scope: CallScope): Promise<boolean> {
    try {
      await this.appointments.completeAppointment({ id }, metadataOf(scope));
      return true;
    } catch (error) {
      // Completed (or cancelled) meanwhile: the caller re-reads the appointment to tell which.
      if ((error as { code?: number }).code === status.FAILED_PRECONDITION || (error as { code?: number }).code === status.ABORTED) return false;
      throw error;
    }
  }

  async admission(id: string, scope: CallScope): Promise<AdmissionFacts | undefined> {
    const { admissions } = await this.ward.getAdmissions({ ids: [id] }, metadataOf(scope));
    const found = admissions.find((a) => a.id === id);
    return found ? { id: found.id, patientId: found.patientId, active: found.status === 'ADMISSION_STATUS_ADMITTED' } : undefined;
  }

  async currentWards(patientIds: readonly string[], scope: CallScope): Promise<Map<string, string>> {
    const wards = new Map<string, string>();
    if (patientIds.length === 0) return wards;
    const { admissions } = await this.ward.getPatientAdmissions({ patientIds: [...patientIds] }, metadataOf(scope));
    // Newest first: a patient's first admitted row is the current admission.
    for (const a of admissions) if (a.status === 'ADMISSION_STATUS_ADMITTED' && !wards.has(a.patientId.toLowerCase())) wards.set(a.patientId.toLowerCase(), a.wardId);
    return wards;
  }

  async wardsCallerSees(scope: CallScope): Promise<string[]> {
    const { wards } = await this.ward.listWards({}, metadataOf(scope));
    return wards.map((w) => w.id.toLowerCase());
  }
}
