import { type HttpHandler, HttpResponse, http } from 'msw';
import { authError, EMAIL, failure, HOUR, MAX_PASSWORD, MIN_PASSWORD, type MockState } from './state';

/** better-auth's default rule for sending verification links: 3 per 60 s (per IP; here, per backend). */
const VERIFY_SENDS = { window: 60_000, max: 3 };
const RESET_ANSWER = {
  status: true,
  message: 'If this email exists in our system, check your email for the reset link',
};

/** better-auth's password reset and email verification, as profileKitAuthOptions wires them. */
export function recoveryHandlers(s: MockState, authBase: string): HttpHandler[] {
  const invalidToken = () => authError(400, 'INVALID_TOKEN', 'Invalid token');
  const liveReset = (value: string | undefined) => {
    const found = value ? s.resets.get(value) : undefined;
    return found && found.expiresAt > Date.now() ? found : null;
  };
  return [
    http.post(`${authBase}/request-password-reset`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const body = await s.readCredentials(request);
      if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
      const { email, redirectTo } = body;
      if (typeof email !== 'string' || !EMAIL.test(email)) {
        return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
      }
      const user = s.users.find((u) => u.email === email.toLowerCase());
      if (user) {
        const value = s.token();
        s.resets.set(value, { userId: user.id, expiresAt: Date.now() + HOUR });
        const callbackURL = typeof redirectTo === 'string' ? encodeURIComponent(redirectTo) : '';
        const url = `${new URL(request.url).origin}${s.authPath}/reset-password/${value}?callbackURL=${callbackURL}`;
        s.outbox.push({ kind: 'reset-password', to: user.email, url, token: value });
      }
      return HttpResponse.json(RESET_ANSWER);
    }),
    http.get(`${authBase}/reset-password/:token`, ({ params, request }) => {
      const callbackURL = new URL(request.url).searchParams.get('callbackURL');
      if (!callbackURL) return authError(400, 'VALIDATION_ERROR', '[query.callbackURL] Invalid input');
      const target = new URL(callbackURL, request.url);
      const value = String(params.token);
      if (liveReset(value)) target.searchParams.set('token', value);
      else target.searchParams.set('error', 'INVALID_TOKEN');
      return new HttpResponse(null, { status: 302, headers: { location: target.href } });
    }),
    http.post(`${authBase}/reset-password`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const body = await s.readCredentials(request);
      if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
      const { newPassword } = body;
      const value = typeof body.token === 'string' ? body.token : undefined;
      if (!value) return invalidToken();
      if (typeof newPassword !== 'string') {
        return authError(400, 'VALIDATION_ERROR', '[body.newPassword] Invalid input: expected string');
      }
      if (newPassword.length < MIN_PASSWORD)
        return authError(400, 'PASSWORD_TOO_SHORT', 'Password too short');
      if (newPassword.length > MAX_PASSWORD) return authError(400, 'PASSWORD_TOO_LONG', 'Password too long');
      const found = liveReset(value);
      const user = found && s.users.find((u) => u.id === found.userId);
      s.resets.delete(value);
      if (!user) return invalidToken();
      user.password = newPassword;
      user.updatedAt = new Date().toISOString();
      // profileKitAuthOptions sets revokeSessionsOnPasswordReset: every session of the person ends.
      if (s.session?.userId === user.id) s.session = null;
      return HttpResponse.json({ status: true });
    }),
    // As better-auth: the same answer for an unknown, a verified and an unverified address, unless a
    // session names the person (then a different address or a verified one is refused).
    http.post(`${authBase}/send-verification-email`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const now = Date.now();
      if (now - s.sends.last >= VERIFY_SENDS.window) s.sends = { count: 0, last: now };
      if (s.sends.count >= VERIFY_SENDS.max) {
        const wait = Math.ceil((s.sends.last + VERIFY_SENDS.window - now) / 1000);
        return HttpResponse.json(
          { message: 'Too many requests. Please try again later.' },
          { status: 429, headers: { 'x-retry-after': String(wait) } },
        );
      }
      s.sends = { count: s.sends.count + 1, last: now };
      const body = await s.readCredentials(request);
      const email = typeof body?.email === 'string' ? body.email.toLowerCase() : '';
      if (!EMAIL.test(email)) return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
      const callbackURL = typeof body?.callbackURL === 'string' ? body.callbackURL : '/';
      const asker = s.requestUser(request);
      if (asker) {
        if (asker.email !== email) return authError(400, 'EMAIL_MISMATCH', 'Email mismatch');
        if (asker.emailVerified) return authError(400, 'EMAIL_ALREADY_VERIFIED', 'Email is already verified');
      }
      const user = asker ?? s.users.find((u) => u.email === email);
      if (user && !user.emailVerified) s.mailVerification(user, request, callbackURL);
      return HttpResponse.json({ status: true });
    }),
    // As better-auth: a link works until it expires (an hour), however often it is followed; once the
    // address is verified it only leads back. With a callbackURL, a dead link leads back with `?error=`.
    http.get(`${authBase}/verify-email`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const callbackURL = params.get('callbackURL');
      const found = s.verifications.get(params.get('token') ?? '');
      const user = found ? s.users.find((u) => u.id === found.userId) : undefined;
      const code = !found
        ? 'INVALID_TOKEN'
        : found.expiresAt <= Date.now()
          ? 'TOKEN_EXPIRED'
          : user
            ? ''
            : 'USER_NOT_FOUND';
      const headers: Record<string, string> = {};
      if (user && !code && !user.emailVerified) {
        user.emailVerified = true;
        user.updatedAt = new Date().toISOString();
        // profileKitAuthOptions sets autoSignInAfterVerification.
        s.session = s.startSession(user, true);
        headers['set-cookie'] = s.sessionCookie(s.session.token, 604800);
      }
      if (!callbackURL) {
        return code
          ? authError(401, code, code === 'TOKEN_EXPIRED' ? 'Token expired' : 'Invalid token')
          : HttpResponse.json({ status: true, user: null }, { headers });
      }
      const target = new URL(callbackURL, request.url);
      if (code) target.searchParams.set('error', code);
      return new HttpResponse(null, { status: 302, headers: { ...headers, location: target.href } });
    }),
  ];
}
