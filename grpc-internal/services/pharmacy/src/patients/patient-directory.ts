/**
 * What the pharmacy needs to know about a patient before prescribing: do they exist, are they
 * archived, what are they allergic to. The patients department owns the answer; the pharmacy
 * asks it on behalf of the caller and never reads its tables.
 */
import type { CallScope } from '@hospital/service-kit/grpc';

/** The facts prescribing checks. */
export interface PatientFacts {
  /** Patient UUID. */
  id: string;
  /** True once archived: no new prescriptions. */
  archived: boolean;
  /** Allergies as recorded. */
  allergies: string[];
}

/** Lookup of patients in the patients department. */
export interface PatientDirectory {
  /**
   * One patient, or undefined when the patients department knows no such id.
   * @param id - patient UUID
   * @param scope - the call being served (its identity and request id are forwarded)
   */
  find(id: string, scope: Pick<CallScope, 'identityToken' | 'requestId'>): Promise<PatientFacts | undefined>;
}
