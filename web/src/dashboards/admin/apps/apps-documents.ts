/** The admin dashboard's operations on third-party apps (issue 16). */
import { graphql } from '../../../gql/index.ts';

/** Registered apps, newest first. */
export const AdminClientApps = graphql(`
  query AdminClientApps {
    clientApps(first: 50) {
      totalCount
      edges { node { id name contact allowedScopes allowedOrigins tokenEndpointAuthMethod createdAt revokedAt } }
    }
  }
`);

/** Registers an app; the answer carries its secret, shown once. */
export const AdminRegisterClientApp = graphql(`
  mutation AdminRegisterClientApp($input: RegisterClientAppInput!) {
    registerClientApp(input: $input) { clientSecret app { id name } }
  }
`);

/** Issues a new secret, shown once; the old one stops working. */
export const AdminRotateClientSecret = graphql(`
  mutation AdminRotateClientSecret($id: ID!) {
    rotateClientSecret(id: $id) { clientSecret app { id name } }
  }
`);

/** Revokes an app and its tokens. */
export const AdminRevokeClientApp = graphql(`
  mutation AdminRevokeClientApp($id: ID!) {
    revokeClientApp(id: $id) { id revokedAt }
  }
`);
