/** The admin dashboard's operations on staff accounts. */
import { graphql } from '../../gql/index.ts';

/** Staff accounts, ordered by email, optionally of one role or matching a name or email. */
export const AdminUsers = graphql(`
  query AdminUsers($role: Role, $search: String, $after: String) {
    users(role: $role, search: $search, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id email displayName role active createdAt } }
    }
  }
`);

/** Creates a staff account. */
export const AdminCreateUser = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id email displayName role active createdAt }
  }
`);

/** Changes a user's role. */
export const AdminChangeRole = graphql(`
  mutation AdminChangeRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) { id role }
  }
`);

/** Deactivates a user and ends their sessions. */
export const AdminDeactivateUser = graphql(`
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) { id active }
  }
`);

/** Clears a user's sign-in delays and failure budget (after an attack or a typo streak). */
export const AdminUnlockUser = graphql(`
  mutation AdminUnlockUser($id: ID!) {
    unlockUser(id: $id) { id }
  }
`);

/** Lets a deactivated user sign in again. */
export const AdminReactivateUser = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) { id active }
  }
`);

/** Gives a user a temporary password and ends their sessions. */
export const AdminSetTemporaryPassword = graphql(`
  mutation AdminSetTemporaryPassword($id: ID!, $password: String!) {
    setTemporaryPassword(id: $id, password: $password) { id }
  }
`);
