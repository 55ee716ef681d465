import type { NormalizedProfileInput, NormalizedProfilePatch, Profile } from '../client/index';
import type { StoredProfile } from '../client/profile-write';
import { etagForVersion } from '../client/protocol';
import type { ProfileKitDatabase } from './database';

// A user_profiles row and the API's profile, both ways.

type Row = ProfileKitDatabase['user_profiles'];
/** @internal A user_profiles row as selected. */
export type Selected = {
  [K in keyof Row]: Row[K] extends { __select__: infer S } ? S : Row[K];
};

/** @internal */
export function etagOf(row: { version: number }): string {
  return etagForVersion(row.version);
}

function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** @internal The API's camelCase profile from a row. */
export function toProfile(row: Selected): Profile {
  return {
    languages: row.languages.map(({ language, level }) => ({ language, level })) as Profile['languages'],
    frameworks: row.frameworks,
    experienceYears: row.experience_years,
    devices: row.devices,
    architectureFamiliarity: row.architecture_familiarity,
    softwareExperience: row.software_experience as Profile['softwareExperience'],
    hardwareExperience: row.hardware_experience as Profile['hardwareExperience'],
    backgroundPreference: row.background_preference as Profile['backgroundPreference'],
    answers: row.answers ?? {},
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

const jsonb = (value: unknown) => (value === null ? null : JSON.stringify(value));

export function columnsOf(input: NormalizedProfilePatch): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (input.languages !== undefined) columns.languages = jsonb(input.languages);
  if (input.frameworks !== undefined) columns.frameworks = jsonb(input.frameworks);
  if (input.experienceYears !== undefined) columns.experience_years = input.experienceYears;
  if (input.devices !== undefined) columns.devices = jsonb(input.devices);
  if (input.architectureFamiliarity !== undefined)
    columns.architecture_familiarity = jsonb(input.architectureFamiliarity);
  if (input.softwareExperience !== undefined) columns.software_experience = input.softwareExperience;
  if (input.hardwareExperience !== undefined) columns.hardware_experience = input.hardwareExperience;
  if (input.backgroundPreference !== undefined) columns.background_preference = input.backgroundPreference;
  return columns;
}

/** A whole replacement: every optional field that is absent becomes null. */
export function replacementColumns(input: NormalizedProfileInput): Record<string, unknown> {
  return columnsOf({
    experienceYears: null,
    devices: null,
    architectureFamiliarity: null,
    softwareExperience: null,
    hardwareExperience: null,
    backgroundPreference: null,
    ...input,
  });
}

/** @internal What a row holds, as the questionnaire's validation reads it. */
export function storedOf(row: Selected): StoredProfile {
  const { answers, createdAt: _c, updatedAt: _u, ...fields } = toProfile(row);
  return { fields, answers };
}
