import type { Profile } from './schema';

/**
 * Everything profilekit stores about one person, as `GET /api/profile/export` answers it and the
 * "Download my data" action saves it. Secrets (password hashes, OAuth tokens, session tokens) are left out:
 * they identify nothing a person could read and would let whoever holds the file act as them.
 */
export interface PersonalData {
  /** Bumped when the shape changes. */
  format: 'profilekit-export/1';
  exportedAt: string;
  user: {
    id: string;
    email: string;
    name: string;
    emailVerified: boolean;
    /** Sign-in asks for a code from an authenticator app (the secret and backup codes are left out). */
    twoFactorEnabled: boolean;
    image: string | null;
    createdAt: string;
    updatedAt: string;
  };
  /** How the person signs in: `credential` is an email and password, others are social or OpenID providers. */
  accounts: { providerId: string; accountId: string; scope: string | null; createdAt: string }[];
  /** Where the person is signed in. */
  sessions: { createdAt: string; expiresAt: string; ipAddress: string | null; userAgent: string | null }[];
  /** The background profile, or null when none is saved. */
  profile: Profile | null;
  /**
   * Every stored host answer with the label of its question, including answers to questions the host has
   * since hidden or removed (`label` is then the id, `asked` false). Empty without host answers.
   */
  answers?: { id: string; label: string; asked: boolean; value: unknown }[];
}

/** The file name a download of {@link PersonalData} gets. */
export const PERSONAL_DATA_FILE = 'profilekit-my-data.json';
