/** StaffAssignmentRepository on Prisma (table `ward.staff_assignments`). */
import type { PrismaClient } from '@hospital/db';
import { databaseErrorOf, SQLSTATE } from '@hospital/service-kit';
import type { StaffAssignmentRecord } from './records.ts';
import type { StaffAssignmentRepository } from './staff-assignment-repository.ts';

/** Staff assignments stored by Prisma. */
export class PrismaStaffAssignmentRepository implements StaffAssignmentRepository {
  /** @param db - the Prisma client */
  constructor(private readonly db: PrismaClient) {}

  async wardIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db.staffAssignment.findMany({ where: { userId }, select: { wardId: true } });
    return rows.map((row) => row.wardId);
  }

  async assign(assignment: { userId: string; wardId: string }): Promise<'assigned' | 'ward-not-found'> {
    try {
      // skipDuplicates: a repeated (or concurrent) assignment is a no-op, not a unique violation.
      await this.db.staffAssignment.createMany({ data: [assignment], skipDuplicates: true });
      return 'assigned';
    } catch (error) {
      if (databaseErrorOf(error)?.sqlState === SQLSTATE.foreignKeyViolation) return 'ward-not-found';
      throw error;
    }
  }

  async unassign(assignment: { userId: string; wardId: string }): Promise<void> {
    await this.db.staffAssignment.deleteMany({ where: assignment });
  }

  async staffOfWards(wardIds: readonly string[]): Promise<StaffAssignmentRecord[]> {
    if (wardIds.length === 0) return [];
    return this.db.staffAssignment.findMany({
      where: { wardId: { in: [...wardIds] } },
      orderBy: [{ wardId: 'asc' }, { assignedAt: 'asc' }, { userId: 'asc' }],
      select: { userId: true, wardId: true, assignedAt: true },
    });
  }
}
