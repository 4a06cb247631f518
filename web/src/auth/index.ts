/** Sign-in and the in-memory session. */
export { useSession, SessionContext, type Session } from './session-context.ts';
export { createAuthApi, type AuthApi, type SessionTokens, type SessionUser } from './auth-api.ts';
export { useAuthSession, refreshDelayMs, type AuthSession } from './use-auth-session.ts';
export { SignInForm } from './SignInForm.tsx';
export { NewPasswordFields, newPasswordProblem, useNewPassword, type NewPassword } from './NewPasswordFields.tsx';
export { useIdleLock } from './use-idle-lock.ts';
