/** Storage of ward staff assignments: which wards a ward staff member reads and runs. */
import type { StaffAssignmentRecord } from './records.ts';

/** Staff assignments. */
export interface StaffAssignmentRepository {
  /**
   * The wards a user is assigned to.
   * @param userId - user UUID
   */
  wardIdsOf(userId: string): Promise<string[]>;
  /**
   * Assigns a user to a ward; assigning twice changes nothing. 'ward-not-found' when the ward is unknown.
   * @param assignment - user and ward
   */
  assign(assignment: { userId: string; wardId: string }): Promise<'assigned' | 'ward-not-found'>;
  /**
   * Removes a user's assignment to a ward, if there is one.
   * @param assignment - user and ward
   */
  unassign(assignment: { userId: string; wardId: string }): Promise<void>;
  /**
   * The assignments of several wards, ordered by ward then assignment time.
   * @param wardIds - ward UUIDs
   */
  staffOfWards(wardIds: readonly string[]): Promise<StaffAssignmentRecord[]>;
}
