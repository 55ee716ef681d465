/** Default English text of what the password reset says once it is done. Loaded with the reset form. */
export const recoveryFeedbackMessages = {
  'reset.doneTitle': 'Your password is changed',
  'reset.doneText': 'Every device, this one included, is signed out. Sign in with your new password.',
} satisfies Record<string, string>;
