/** Default English text of ForgotPassword and ResetPassword, loaded with them. */
export const recoveryMessages = {
  'forgot.title': 'Reset your password',
  'forgot.description':
    'Enter the email address of your account and we will send you a link to choose a new password.',
  'forgot.email': 'Email',
  'forgot.submit': 'Send the link',
  'forgot.submitting': 'Sending…',
  'forgot.sent':
    'If an account uses {email}, a link to reset its password is on its way. It works once, for one hour. Check your spam folder too.',
  'forgot.sendAgain': 'Send another link',
  'forgot.toSignIn': 'Back to sign in',
  'reset.title': 'Choose a new password',
  'reset.description': 'Choose a password you do not use on any other site.',
  'reset.password': 'New password',
  'reset.passwordHint': 'At least {min} characters.',
  'reset.tooShort': 'Use at least {min} characters.',
  'reset.tooLong': 'Use at most {max} characters.',
  'reset.submit': 'Save the new password',
  'reset.submitting': 'Saving…',
  'reset.done':
    'Your password is changed, and every other device is signed out. Sign in with your new password.',
  'reset.invalidTitle': 'This link cannot be used',
  'reset.requestNew': 'Send me a new link',
  'reset.toSignIn': 'Sign in',
  'error.INVALID_TOKEN':
    'This link has expired, was already used, or was cut short. Links work once, for one hour: ask for a new one.',
  'error.TOKEN_EXPIRED': 'This link has expired. Ask for a new one.',
  'error.RESET_TOKEN_MISSING':
    'This page needs the link from your email. Open the whole link from the email, or ask for a new one.',
  'error.RESET_PASSWORD_DISABLED': 'Password reset is not available on this site. Contact its support.',
} satisfies Record<string, string>;
