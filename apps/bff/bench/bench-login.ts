import { totpAt } from '../src/components/auth/domain/totp';
import { EMBEDDED_SEED_TOTP_SECRET } from '../src/platform/config';

/**
 * The TOTP code of the seeded accounts now, for benchmarks that sign in as an MFA role (admin, investigator): the
 * login answers the second step in one request when the code comes with the password.
 */
export const seedCode = (): string => totpAt(EMBEDDED_SEED_TOTP_SECRET, Date.now() / 1000);
