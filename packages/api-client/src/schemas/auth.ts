import { z } from 'zod';
import { isoTime } from './common';
import { mfaCodeSchema, sessionInfoSchema } from './user';

/**
 * What a login answers. Either the session (no second factor needed, or the code came with the request), or the
 * next step: `totp` (enter a code from the authenticator app or a recovery code) or `enrol` (the role requires MFA
 * and the account has none yet: enrol now, before any session exists). The pending step is held by an httpOnly
 * cookie that lives five minutes.
 */
export const loginResultSchema = z.union([
  sessionInfoSchema,
  z.object({ mfa: z.enum(['totp', 'enrol']), expiresAt: isoTime }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export function isSession(r: LoginResult): r is z.infer<typeof sessionInfoSchema> {
  return 'user' in r;
}

/** The second step of a login: the code for the pending challenge. */
export const mfaVerifyRequestSchema = z.object({ code: mfaCodeSchema });
export type MfaVerifyRequest = z.infer<typeof mfaVerifyRequestSchema>;

/** A fresh TOTP secret to enrol: shown once as a QR code and as text for manual entry. */
export const mfaEnrolmentSchema = z.object({
  /** Base32 secret (RFC 4648), for typing into an authenticator app. */
  secret: z.string(),
  /** `otpauth://totp/...` URI the QR code encodes. */
  otpauthUrl: z.string(),
  /** The QR code as an SVG data URL (rendered locally, no external request). */
  qrDataUrl: z.string().startsWith('data:image/svg+xml'),
  issuer: z.string(),
  digits: z.literal(6),
  periodSeconds: z.literal(30),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

export const mfaConfirmRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '6 digits'),
});
export type MfaConfirmRequest = z.infer<typeof mfaConfirmRequestSchema>;

/** Recovery codes are shown once, when made; only their hashes are kept. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** Confirming an enrolment at login opens the session and hands out the recovery codes. */
export const enrolLoginResultSchema = z.object({
  session: sessionInfoSchema,
  recoveryCodes: z.array(z.string()).length(10),
});
export type EnrolLoginResult = z.infer<typeof enrolLoginResultSchema>;

export const mfaStatusSchema = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  enrolledAt: isoTime.nullable(),
  recoveryCodesLeft: z.number().int().nonnegative(),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

/** One of the caller's sessions (the token itself is never shown, not even to its owner). */
export const sessionSummarySchema = z.object({
  id: z.string(),
  current: z.boolean(),
  method: z.enum(['password', 'oidc']),
  createdAt: isoTime,
  lastSeenAt: isoTime,
  expiresAt: isoTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** How this center lets people sign in. */
export const authProvidersSchema = z.object({
  password: z.literal(true),
  oidc: z.object({ label: z.string() }).nullable(),
});
export type AuthProviders = z.infer<typeof authProvidersSchema>;
