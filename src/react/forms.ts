// The heavy half of the React entry: the questionnaire, react-hook-form, zod, Radix Dialog and the profile
// client. The build keeps it in its own file (dist/forms.js) that the entry re-exports and AuthGate imports
// on demand, so a page that only gates content never loads it.
export { createProfileClient } from '../client/profile-client';
export { BACKGROUND_FIELDS, defineQuestionnaire } from './fields';
export { ProfileEditor, type ProfileEditorProps } from './profile-editor';
export { ProfileGate } from './profile-gate';
export {
  type SignUpStep,
  SignUpWithBackground,
  type SignUpWithBackgroundProps,
} from './sign-up-with-background';
export { type UseProfileResult, useProfile } from './use-profile';
