/**
 * One role, three spellings (`WARD_STAFF`, `ROLE_WARD_STAFF`, `ward_staff`). The translations live
 * once, beside the access rules in `@hospital/grpc-contracts`; resolvers take them from the kit.
 */
export { GRAPHQL_ROLES, graphqlRoleFromProto, protoRoleFromGraphql, roleNameFromEnum, roleNameFromGraphql, type GraphqlRole, type ProtoRole } from '@hospital/grpc-contracts/roles';
