/**
 * Who to notify and how to reach them: patients' contact details from the patients service and
 * doctors' names and emails from the identity service, asked for a whole batch of events at once.
 * The service calls as itself (a signed service principal), not on behalf of a user.
 */
import { randomUUID } from 'node:crypto';
import type { IdentityClient, PatientsClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';

/** A patient's contact details (no name: no message names the patient to staff). */
export interface PatientContact {
  id: string;
  /** Email, null when not recorded. */
  email: string | null;
  /** Phone, null when not recorded. */
  phone: string | null;
}

/** A doctor's name and email. */
export interface DoctorContact {
  id: string;
  displayName: string;
  /** Sign-in email; null when unusable. */
  email: string | null;
}

/** What a batch of lookups found; unknown ids are absent. */
export interface Contacts {
  patients: Map<string, PatientContact>;
  doctors: Map<string, DoctorContact>;
}

/** Looks contacts up in bulk. */
export interface ContactDirectory {
  /**
   * Contacts for these patients and doctors; rejects when a department cannot be reached.
   * @param patientIds - patient UUIDs
   * @param doctorIds - user UUIDs
   */
  lookup(patientIds: readonly string[], doctorIds: readonly string[]): Promise<Contacts>;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Contacts over gRPC, one GetPatients and one GetUsers call per batch. */
export class GrpcContactDirectory implements ContactDirectory {
  /**
   * @param clients - patients and identity promise clients
   * @param internalSecret - to sign the service identity
   * @param serviceName - the principal's name ("notifications")
   */
  constructor(
    private readonly clients: { patients: PatientsClient; identity: IdentityClient },
    private readonly internalSecret: string,
    private readonly serviceName = 'notifications',
  ) {}

  async lookup(patientIds: readonly string[], doctorIds: readonly string[]): Promise<Contacts> {
    // A fresh token per call: service identities are short-lived like the router's.
    const metadata = () => callMetadata(signIdentity({ kind: 'service', service: this.serviceName }, this.internalSecret), randomUUID());
    const [patients, users] = await Promise.all([
      patientIds.length > 0 ? this.clients.patients.getPatients({ ids: [...new Set(patientIds)] }, { metadata: metadata() }) : { patients: [] },
      doctorIds.length > 0 ? this.clients.identity.getUsers({ ids: [...new Set(doctorIds)] }, { metadata: metadata() }) : { users: [] },
    ]);
    return {
      patients: new Map(patients.patients.map((p) => [p.id, { id: p.id, email: orNull(p.email), phone: orNull(p.phone) }])),
      doctors: new Map(users.users.map((u) => [u.id, { id: u.id, displayName: u.displayName, email: orNull(u.email) }])),
    };
  }
}
