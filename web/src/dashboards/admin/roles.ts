/** The five staff roles as the admin screens name them. */
import type { Role } from '../../gql/graphql.ts';

/** Every role, in the order the selects list them. */
export const ROLES: readonly Role[] = ['DOCTOR', 'WARD_STAFF', 'PHARMACIST', 'FINANCE', 'ADMIN'];

/** People's words for a role. */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrator',
  DOCTOR: 'Doctor',
  PHARMACIST: 'Pharmacist',
  FINANCE: 'Finance',
  WARD_STAFF: 'Ward staff',
};

/** `{ value, label }` options for a role select. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
