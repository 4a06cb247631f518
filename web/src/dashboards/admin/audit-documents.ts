/** The audit viewer's operations: the trail of patient-data access and the hash chain's state. */
import { graphql } from '../../gql/index.ts';

/** One page of the trail, newest first, filtered by patient, user and time. */
export const AdminAuditTrail = graphql(`
  query AdminAuditTrail($patientId: ID, $userId: ID, $from: DateTime, $to: DateTime, $after: String) {
    auditTrail(patientId: $patientId, userId: $userId, from: $from, to: $to, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          seq
          occurredAt
          actorKind
          actorId
          actorRole
          user { id displayName }
          action
          operation
          resource
          patientId
          fields
          outcome
          reason
          ip
        }
      }
    }
  }
`);

/** Whether the trail's hash chain is intact. */
export const AdminAuditChainStatus = graphql(`
  query AdminAuditChainStatus {
    auditChainStatus { ok records headSeq brokenSeq problem }
  }
`);

/** Wards with the ward staff assigned to each. */
export const AdminWardsStaff = graphql(`
  query AdminWardsStaff {
    wards { id name code staff { id displayName email } }
  }
`);

/** Ward staff accounts, to assign. */
export const AdminWardStaffUsers = graphql(`
  query AdminWardStaffUsers {
    users(role: WARD_STAFF, first: 100) { edges { node { id displayName email active } } }
  }
`);

/** Assigns a ward staff member to a ward. */
export const AdminAssignStaff = graphql(`
  mutation AdminAssignStaff($userId: ID!, $wardId: ID!) {
    assignStaffToWard(userId: $userId, wardId: $wardId) { id staff { id displayName email } }
  }
`);

/** Takes a ward staff member off a ward. */
export const AdminUnassignStaff = graphql(`
  mutation AdminUnassignStaff($userId: ID!, $wardId: ID!) {
    unassignStaffFromWard(userId: $userId, wardId: $wardId) { id staff { id displayName email } }
  }
`);
