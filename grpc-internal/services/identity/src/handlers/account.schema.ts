/** Validation of ReactivateUserRequest, SetTemporaryPasswordRequest and ChangeOwnPasswordRequest. */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { MAX_PASSWORD_LENGTH } from '../domain/password-policy.ts';

/** A user to reactivate. */
export const reactivateUserSchema = z.object({ id: uuidSchema });

/** A password as typed; the policy is checked by the handler, which knows whose password it is. */
const passwordSchema = z.string().max(MAX_PASSWORD_LENGTH, 'Password is too long.');

/** A temporary password for a user. */
export const setTemporaryPasswordSchema = z.object({ id: uuidSchema, password: passwordSchema });

/** The caller's current and new password. */
export const changeOwnPasswordSchema = z.object({ currentPassword: passwordSchema.min(1, 'Enter your current password.'), newPassword: passwordSchema });
