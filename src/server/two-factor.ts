import type { BetterAuthPlugin } from 'better-auth';
import { type TwoFactorOptions, twoFactor } from 'better-auth/plugins/two-factor';
import { TRUST_DEVICE_DAYS } from '../client/protocol';

/**
 * Two-factor sign-in with an authenticator app (TOTP) and ten single-use backup codes, through
 * better-auth's `twoFactor` plugin on profilekit's tables (migration 0005). What a host may change; the
 * rest is fixed to the safe choice: a new secret guards sign-in only after a first code from the app
 * confirms it, and enabling, regenerating codes and turning it off each ask for the password.
 */
export interface ProfileKitTwoFactorOptions {
  /** The name authenticator apps show beside the account. Default: better-auth's `appName`. */
  issuer?: string;
  /** How long "trust this device" skips the code on that browser, in days. Default 30. */
  trustDeviceDays?: number;
  /**
   * Wrong codes (app or backup) allowed per account, across sign-ins and devices, before the account's
   * second step is locked for `lockMinutes`. Kept in the `two_factors` row, so every instance shares it.
   * Default 10 in 15 minutes.
   */
  maxFailedCodes?: number;
  /** Minutes the second step stays locked after `maxFailedCodes` wrong codes. Default 15. */
  lockMinutes?: number;
  /** Minutes a person has, after the password, to give the code before signing in again. Default 10. */
  challengeMinutes?: number;
}

const positive = (value: number | undefined, fallback: number, name: string) => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`profileKitAuthOptions: \`twoFactor.${name}\` must be a positive number`);
  }
  return value;
};

/** better-auth's options for its plugin, from profilekit's. */
export function twoFactorPluginOptions(options: ProfileKitTwoFactorOptions): TwoFactorOptions {
  const trustDays = positive(options.trustDeviceDays, TRUST_DEVICE_DAYS, 'trustDeviceDays');
  const maxFailed = positive(options.maxFailedCodes, 10, 'maxFailedCodes');
  if (!Number.isInteger(maxFailed)) {
    throw new TypeError('profileKitAuthOptions: `twoFactor.maxFailedCodes` must be a whole number');
  }
  return {
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    trustDeviceMaxAge: Math.round(trustDays * 86_400),
    twoFactorCookieMaxAge: Math.round(positive(options.challengeMinutes, 10, 'challengeMinutes') * 60),
    accountLockout: {
      enabled: true,
      maxFailedAttempts: maxFailed,
      durationSeconds: Math.round(positive(options.lockMinutes, 15, 'lockMinutes') * 60),
    },
    skipVerificationOnEnable: false,
    allowPasswordless: false,
    backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
    schema: {
      user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
      twoFactor: {
        modelName: 'two_factors',
        fields: {
          userId: 'user_id',
          backupCodes: 'backup_codes',
          failedVerificationCount: 'failed_verification_count',
          lockedUntil: 'locked_until',
        },
      },
    },
  };
}

/** The plugin, or nothing when the host leaves two-factor off. */
export function twoFactorPlugins(
  option: ProfileKitTwoFactorOptions | boolean | undefined,
): BetterAuthPlugin[] {
  if (!option) return [];
  return [twoFactor(twoFactorPluginOptions(option === true ? {} : option)) as BetterAuthPlugin];
}
