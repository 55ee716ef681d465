import { type HttpHandler, HttpResponse, http } from 'msw';
import type { MockUser } from './personas';
import {
  authError,
  EMAIL,
  failure,
  MAX_PASSWORD,
  MIN_PASSWORD,
  type MockState,
  newId,
  publicUser,
} from './state';

/** better-auth's session, email sign-up, sign-in and sign-out, as profileKitAuthOptions wires them. */
export function authHandlers(s: MockState, authBase: string): HttpHandler[] {
  return [
    http.get(`${authBase}/get-session`, async ({ request }) => {
      await s.pause();
      const user = s.requestUser(request);
      if (!s.session || !user) return HttpResponse.json(null);
      return HttpResponse.json({
        session: {
          id: `session-${s.session.token.slice(0, 8)}`,
          token: s.session.token,
          userId: user.id,
          expiresAt: s.session.expiresAt,
          createdAt: s.session.createdAt,
          updatedAt: s.session.createdAt,
          ipAddress: null,
          userAgent: null,
        },
        user: publicUser(user),
      });
    }),
    http.post(`${authBase}/sign-up/email`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const body = await s.readCredentials(request);
      if (!body) return authError(400, 'BAD_REQUEST', 'Invalid JSON in request body');
      const { email, password, name } = body;
      if (typeof email !== 'string' || !EMAIL.test(email))
        return authError(400, 'VALIDATION_ERROR', '[body.email] Invalid email address');
      if (typeof password !== 'string') {
        return authError(400, 'VALIDATION_ERROR', '[body.password] Invalid input: expected string');
      }
      if (password.length < MIN_PASSWORD) return authError(400, 'PASSWORD_TOO_SHORT', 'Password too short');
      if (password.length > MAX_PASSWORD) return authError(400, 'PASSWORD_TOO_LONG', 'Password too long');
      const normalized = email.toLowerCase();
      if (s.persona.requireEmailVerification && s.users.some((u) => u.email === normalized)) {
        // As better-auth does in this mode: a taken email gets the answer a new one gets.
        const now = new Date().toISOString();
        const name = typeof body.name === 'string' ? body.name : '';
        return HttpResponse.json({
          token: null,
          user: {
            id: newId(),
            email: normalized,
            name,
            emailVerified: false,
            image: null,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
      if (s.persona.emailTaken || s.users.some((u) => u.email === normalized)) {
        return authError(
          422,
          'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
          'User already exists. Use another email.',
        );
      }
      const now = new Date().toISOString();
      const user: MockUser = {
        id: newId(),
        email: normalized,
        name: typeof name === 'string' ? name : '',
        password,
        emailVerified: false,
        image: null,
        createdAt: now,
        updatedAt: now,
        providerId: 'credential',
      };
      s.users.push(user);
      if (s.persona.requireEmailVerification) {
        s.mailVerification(user, request, typeof body.callbackURL === 'string' ? body.callbackURL : '/');
        return HttpResponse.json({ token: null, user: publicUser(user) });
      }
      return s.signedIn(user, {});
    }),
    http.post(`${authBase}/sign-in/email`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const body = await s.readCredentials(request);
      const user = s.users.find((u) => u.email === String(body?.email ?? '').toLowerCase());
      if (!user?.password || user.password !== body?.password) {
        return authError(401, 'INVALID_EMAIL_OR_PASSWORD', 'Invalid email or password');
      }
      if (s.persona.requireEmailVerification && !user.emailVerified) {
        // As better-auth with `sendOnSignIn`: the right password gets a fresh link mailed.
        s.mailVerification(user, request, typeof body.callbackURL === 'string' ? body.callbackURL : '/');
        return authError(403, 'EMAIL_NOT_VERIFIED', 'Email not verified');
      }
      return s.signedIn(user, { redirect: false });
    }),
    http.post(`${authBase}/sign-out`, async () => {
      await s.pause();
      s.session = null;
      return HttpResponse.json({ success: true }, { headers: { 'set-cookie': s.sessionCookie('', 0) } });
    }),
  ];
}
