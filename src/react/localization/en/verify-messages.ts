/** Default English text of the sign-up's "Check your inbox" screen, loaded with it. */
export const verifyMessages = {
  'verify.title': 'Check your inbox',
  'verify.sent': 'We sent a link to {email}. Follow it to confirm your address and finish signing up.',
  'verify.kept':
    'Your answers are kept in this tab and saved once you are back and signed in. No email after a few minutes? Check your spam folder, or send the link again. If this address already has an account, sign in instead.',
  'verify.resend': 'Send the link again',
  'verify.sending': 'Sending…',
  'verify.wait': 'You can send it again in {seconds} s.',
  'verify.resent': 'A new link is on its way to {email}.',
  'verify.resentWait': 'A new link is on its way to {email}. You can send it again in {seconds} s.',
  'verify.ready': 'You can send the link again now.',
  'verify.changeEmail': 'Use a different email',
  'verify.expired': 'This link has expired. Send yourself a new one.',
  'verify.invalid': 'This link cannot be used: it was cut short or changed. Send yourself a new one.',
  'verify.confirmed': 'Your address is confirmed. Sign in to save your background: your answers are kept.',
  'verify.toSignIn': 'Sign in',
  'error.VERIFICATION_EMAIL_NOT_ENABLED': 'This site does not send verification emails. Contact its support.',
} satisfies Record<string, string>;
