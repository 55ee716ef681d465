/**
 * Default English text of the sign-in form and of the errors signing in or up can meet. Tables are split
 * by what needs them, so a page that only gates content loads none of this.
 */
export const signInMessages = {
  'signIn.title': 'Sign in',
  'signIn.description': 'Sign in to your account to continue.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.noAccount': 'New here?',
  'signIn.toSignUp': 'Create an account',
  'signIn.forgot': 'Forgot your password?',
  'signIn.verified': 'Your email is verified. Sign in.',
  'issue.required': 'This is required.',
  'issue.invalid_email': 'Enter a valid email address.',
  'error.RATE_LIMITED': 'Too many attempts. Wait a moment and try again.',
  'error.RATE_LIMITED_WAIT': 'Too many attempts. Try again in {seconds} s.',
  'error.NETWORK_ERROR': 'We could not reach the server. Check your connection and try again.',
  'error.TIMEOUT': 'The server took too long to answer. Try again.',
  'error.SERVER_ERROR': 'Something went wrong on our side. Try again in a moment.',
  'error.UNKNOWN_ERROR': 'Something went wrong. Try again.',
  'error.INVALID_EMAIL': 'Enter a valid email address.',
  'error.INVALID_EMAIL_OR_PASSWORD': 'The email or password is not right.',
  'error.EMAIL_NOT_VERIFIED': 'Verify your email address first: we sent you a new link.',
} satisfies Record<string, string>;
