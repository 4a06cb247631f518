/** Validation of RefreshTokenRequest and LogoutRequest. */
import { z } from 'zod';

/** A refresh token as the client holds it (shape is checked by the handler, not here). */
export const refreshTokenSchema = z.object({
  refreshToken: z.string().min(1, 'A refresh token is required.').max(256, 'Invalid refresh token.'),
});
