/** The list questions answered with checkboxes plus a free-text "other". */
export type MultiField = 'frameworks' | 'devices' | 'architectureFamiliarity';

/** The questionnaire's form state: plain strings, as the inputs hold them. */
export interface BackgroundValues {
  languages: { language: string; level: string }[];
  frameworks: string[];
  devices: string[];
  architectureFamiliarity: string[];
  other: Record<MultiField, string>;
  experienceYears: string;
  softwareExperience: string;
  hardwareExperience: string;
  backgroundPreference: string;
  /**
   * The host questions' answers by id, as the inputs hold them (a number's text, a group's rows); stored
   * answers of questions the form does not ask stay here untouched.
   */
  answers: Record<string, unknown>;
}

/** The sign-up form: the account fields and the questionnaire. */
export interface SignUpValues extends BackgroundValues {
  name: string;
  email: string;
  password: string;
}
