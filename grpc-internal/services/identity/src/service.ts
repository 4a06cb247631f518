/**
 * The IdentityService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { IdentityServiceHandlers } from '@hospital/grpc-contracts';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from './identity-deps.ts';
import { changeUserRoleHandler } from './handlers/change-user-role.handler.ts';
import { createUserHandler } from './handlers/create-user.handler.ts';
import { deactivateUserHandler } from './handlers/deactivate-user.handler.ts';
import { getUsersHandler } from './handlers/get-users.handler.ts';
import { listUsersHandler } from './handlers/list-users.handler.ts';
import { listDoctorsHandler } from './handlers/list-doctors.handler.ts';
import { listTokenRevocationsHandler } from './handlers/list-token-revocations.handler.ts';
import { loginHandler } from './handlers/login.handler.ts';
import { logoutHandler } from './handlers/logout.handler.ts';
import { refreshTokenHandler } from './handlers/refresh-token.handler.ts';
import { unlockUserHandler } from './handlers/unlock-user.handler.ts';
import { reactivateUserHandler } from './handlers/reactivate-user.handler.ts';
import { setTemporaryPasswordHandler } from './handlers/set-temporary-password.handler.ts';
import { changeOwnPasswordHandler } from './handlers/change-own-password.handler.ts';
import { listClientAppsHandler, listClientOriginsHandler, registerClientAppHandler, revokeClientAppHandler, rotateClientSecretHandler } from './client-apps/client-app.handlers.ts';
import { issueClientTokenHandler } from './client-apps/issue-client-token.handler.ts';
import { checkAuthorizationHandler, createAuthorizationCodeHandler } from './client-apps/authorization.handlers.ts';

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
    // Reception books for any doctor: those who book see the doctors' names (never their accounts).
    ListDoctors: unary(['admin', 'ward_staff', 'doctor'], (request) => listDoctorsHandler(request, deps), security),
    CreateUser: unary(admins, (request, scope) => createUserHandler(request, deps, scope), security),
    ChangeUserRole: unary(admins, (request, scope) => changeUserRoleHandler(request, deps, scope), security),
    DeactivateUser: unary(admins, (request, scope) => deactivateUserHandler(request, deps, scope), security),
    UnlockUser: unary(admins, (request, scope) => unlockUserHandler(request, deps, scope), security),
    ReactivateUser: unary(admins, (request, scope) => reactivateUserHandler(request, deps, scope), security),
    SetTemporaryPassword: unary(admins, (request, scope) => setTemporaryPasswordHandler(request, deps, scope), security),
    // Every signed-in person, for their own account only (the handler takes the id from the caller).
    ChangeOwnPassword: unary('authenticated', (request, scope) => changeOwnPasswordHandler(request, deps, scope), security),
    // Only the system's own services (the router's revocation poll); no user, not even an admin.
    ListTokenRevocations: unary('internal', (request) => listTokenRevocationsHandler(request, deps), security),
    // Third-party apps: admins manage them; only the router's token endpoint and CORS read them.
    RegisterClientApp: unary(admins, (request, scope) => registerClientAppHandler(request, deps, scope), security),
    ListClientApps: unary(admins, (request) => listClientAppsHandler(request, deps), security),
    RotateClientSecret: unary(admins, (request, scope) => rotateClientSecretHandler(request, deps, scope), security),
    RevokeClientApp: unary(admins, (request, scope) => revokeClientAppHandler(request, deps, scope), security),
    IssueClientToken: unary('internal', (request, scope) => issueClientTokenHandler(request, deps, scope), security),
    ListClientOrigins: unary('internal', () => listClientOriginsHandler(deps), security),
    // Authorization code + PKCE: the router vets requests; the clinician's approval mints the code.
    CheckAuthorization: unary('internal', (request) => checkAuthorizationHandler(request, deps), security),
    CreateAuthorizationCode: unary('authenticated', (request, scope) => createAuthorizationCodeHandler(request, deps, scope), security),
  };
}
