import type { Profile } from '../client/index';

/** A person known to the mock backend. */
export interface MockUser {
  id: string;
  email: string;
  name: string;
  password: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: string;
  updatedAt: string;
  /** How the person signs in: `credential` (email and password) or a social/OpenID provider id. */
  providerId: string;
}

/** Ready-made states of the backend, for stories and tests. */
export type PersonaName =
  | 'signedOut'
  | 'signedInWithoutProfile'
  | 'signedInWithProfile'
  | 'slowNetwork'
  | 'serverError'
  | 'emailTaken'
  | 'versionConflict'
  | 'emailNotVerified'
  | 'socialFirstVisit'
  | 'socialReturning'
  | 'staleSession'
  | 'severalSessions'
  | 'twoProviders'
  | 'settingsRateLimited'
  | 'socialStaleSession';

export interface Persona {
  /** Whether the demo person starts signed in. */
  signedIn: boolean;
  /** The profile the demo person starts with, or null. */
  profile: Omit<Profile, 'createdAt' | 'updatedAt'> | null;
  /** Milliseconds added to every response; `Infinity`: requests are never answered (loading states). */
  latency?: number;
  /** Every request but get-session fails with 500 SERVER_ERROR. */
  failing?: boolean;
  /** Every sign-up is refused because the email is taken. */
  emailTaken?: boolean;
  /** Every conditional profile write finds that someone else saved first. */
  concurrentEdits?: boolean;
  /**
   * The demo person signs in through this social or OpenID provider (e.g. `github`) and has no password.
   * Social sign-in (`/sign-in/social`) signs them in and redirects to the callback URL.
   */
  provider?: string;
  /**
   * The session is older than better-auth's `freshAge`: deleting the account without the password is
   * refused with `SESSION_EXPIRED`, as the real server does.
   */
  staleSession?: boolean;
  /**
   * As better-auth with `requireEmailVerification`: the demo person has not verified yet, sign-in answers
   * 403 EMAIL_NOT_VERIFIED until they follow the mailed link, and sign-up signs nobody in.
   */
  requireEmailVerification?: boolean;
  /** Other devices the demo person is signed in on (the sessions list), besides this browser. */
  otherDevices?: readonly MockDevice[];
  /** Providers linked besides `provider` (or the password): the sign-in methods list. */
  linkedProviders?: readonly string[];
  /** Every change in the account settings answers 429 RATE_LIMITED (retry after 60 s). */
  settingsRateLimited?: boolean;
}

/** A device in the sessions list, as `/profilekit/sessions` shows it. */
export interface MockDevice {
  browser: string | null;
  os: string | null;
  place?: string | null;
  /** Minutes since it was last active. */
  idleMinutes: number;
}

/** The devices of `severalSessions`. */
export const sampleDevices: readonly MockDevice[] = [
  { browser: 'Safari', os: 'iOS', place: 'Lyon, France', idleMinutes: 50 },
  { browser: 'Firefox', os: 'Windows', idleMinutes: 3 * 24 * 60 },
];

/**
 * Reset tokens every persona starts with, for the demo person: one that works, one past its hour and
 * one already used. Links the backend mails carry tokens of their own (see `outbox`).
 */
export const resetTokens = {
  valid: 'mockresettokenvalid00000',
  expired: 'mockresettokenexpired000',
  used: 'mockresettokenused000000',
} as const;

/**
 * A verification token every persona starts with, for the demo person: one past its hour (following its
 * link leads back with `error=TOKEN_EXPIRED`). Links the backend mails carry tokens of their own.
 */
export const verificationTokens = {
  expired: 'mockverifytokenexpired00',
} as const;

/** The person every persona knows: sign in as `ada@example.com` with `correct-horse-battery`. */
export const demoUser = {
  email: 'ada@example.com',
  password: 'correct-horse-battery',
  name: 'Ada Lovelace',
} as const;

/** A complete profile, as the personas with a profile start. */
export const sampleProfile: Omit<Profile, 'createdAt' | 'updatedAt'> = {
  languages: [
    { language: 'Python', level: 'advanced' },
    { language: 'C', level: 'intermediate' },
  ],
  frameworks: ['Django', 'React'],
  experienceYears: '3-5',
  devices: ['Raspberry Pi 4', 'Arduino Uno'],
  architectureFamiliarity: ['ARM', 'x86_64'],
  softwareExperience: 'advanced',
  hardwareExperience: 'intermediate',
  backgroundPreference: 'both',
  answers: {},
};

export const personas: Readonly<Record<PersonaName, Persona>> = {
  signedOut: { signedIn: false, profile: null },
  signedInWithoutProfile: { signedIn: true, profile: null },
  signedInWithProfile: { signedIn: true, profile: sampleProfile },
  slowNetwork: { signedIn: true, profile: sampleProfile, latency: 1500 },
  serverError: { signedIn: true, profile: sampleProfile, failing: true },
  emailTaken: { signedIn: false, profile: null, emailTaken: true },
  versionConflict: { signedIn: true, profile: sampleProfile, concurrentEdits: true },
  emailNotVerified: { signedIn: false, profile: null, requireEmailVerification: true },
  socialFirstVisit: { signedIn: false, profile: null, provider: 'github' },
  socialReturning: { signedIn: true, profile: sampleProfile, provider: 'github' },
  staleSession: { signedIn: true, profile: sampleProfile, staleSession: true },
  severalSessions: { signedIn: true, profile: sampleProfile, otherDevices: sampleDevices },
  twoProviders: { signedIn: true, profile: sampleProfile, provider: 'github', linkedProviders: ['google'] },
  settingsRateLimited: { signedIn: true, profile: sampleProfile, settingsRateLimited: true },
  socialStaleSession: { signedIn: true, profile: sampleProfile, provider: 'github', staleSession: true },
};
