/**
 * The IdentityService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { IdentityServiceHandlers } from '@hospital/grpc-contracts';
import { unary, type HandlerSecurity } from '@hospital/service-kit';
import type { IdentityDeps } from './identity-deps.ts';
import { changeUserRoleHandler } from './handlers/change-user-role.handler.ts';
import { createUserHandler } from './handlers/create-user.handler.ts';
import { deactivateUserHandler } from './handlers/deactivate-user.handler.ts';
import { getUsersHandler } from './handlers/get-users.handler.ts';
import { listUsersHandler } from './handlers/list-users.handler.ts';
import { listTokenRevocationsHandler } from './handlers/list-token-revocations.handler.ts';
import { loginHandler } from './handlers/login.handler.ts';
import { logoutHandler } from './handlers/logout.handler.ts';
import { refreshTokenHandler } from './handlers/refresh-token.handler.ts';
import { unlockUserHandler } from './handlers/unlock-user.handler.ts';

/** Fully qualified service name, as health checks know it. */
export const IDENTITY_SERVICE_NAME = 'hospital.identity.v1.IdentityService';

/**
 * Builds the handlers of IdentityService.
 * @param deps - repositories and token settings
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createIdentityHandlers(deps: IdentityDeps, security: HandlerSecurity): IdentityServiceHandlers {
  const admins = ['admin'] as const;
  return {
    // Public: signing in is what anonymous callers do (still only through the router).
    Login: unary('public', (request, scope) => loginHandler(request, deps, scope), security),
    RefreshToken: unary('public', (request, scope) => refreshTokenHandler(request, deps, scope), security),
    Logout: unary('public', (request, scope) => logoutHandler(request, deps, scope), security),
    // Any colleague may see who authored a record.
    GetUsers: unary('authenticated', (request) => getUsersHandler(request, deps), security),
    ListUsers: unary(admins, (request) => listUsersHandler(request, deps), security),
    CreateUser: unary(admins, (request, scope) => createUserHandler(request, deps, scope), security),
    ChangeUserRole: unary(admins, (request, scope) => changeUserRoleHandler(request, deps, scope), security),
    DeactivateUser: unary(admins, (request, scope) => deactivateUserHandler(request, deps, scope), security),
    UnlockUser: unary(admins, (request, scope) => unlockUserHandler(request, deps, scope), security),
    // Only the system's own services (the router's revocation poll); no user, not even an admin.
    ListTokenRevocations: unary('internal', (request) => listTokenRevocationsHandler(request, deps), security),
  };
}
