import { type HttpHandler, HttpResponse, http } from 'msw';
import { textProblem } from '../client/text';
import type { MockUser } from './personas';
import { authError, EMAIL, failure, MAX_PASSWORD, MIN_PASSWORD, type MockState, publicUser } from './state';

/** How recently an account without a password must have signed in to change its email, as the server's default. */
const REAUTHENTICATE_WITHIN = 10 * 60_000;

function rateLimited() {
  return HttpResponse.json(
    { code: 'RATE_LIMITED', message: 'Too many changes to this account; try again later', retryAfter: 60 },
    { status: 429, headers: { 'retry-after': '60' } },
  );
}

/**
 * The account settings, as profilekit's server answers them: update-user, change-email (re-authentication
 * first, a link to the new address), change-password, the sessions list without tokens and revocation by
 * opaque id, revoke-other-sessions, link-social and unlink-account.
 */
export function settingsHandlers(s: MockState, authBase: string): HttpHandler[] {
  /** The signed-in person for a change, or the answer that refuses it. */
  async function changer(request: Request): Promise<MockUser | Response> {
    await s.pause();
    const user = s.requestUser(request);
    if (!s.session || !user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
    if (s.persona.failing) return failure();
    if (s.persona.settingsRateLimited) return rateLimited();
    return user;
  }
  const body = async (request: Request) => (await s.readCredentials(request)) ?? {};

  return [
    http.post(`${authBase}/update-user`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { name, image } = await body(request);
      if (name !== undefined) {
        if (typeof name !== 'string') return authError(400, 'VALIDATION_ERROR', 'Invalid name');
        const trimmed = name.trim().normalize('NFC');
        if (trimmed.length > 100) return authError(400, 'NAME_TOO_LONG', 'The name is too long');
        if (textProblem(trimmed)) return authError(400, 'INVALID_NAME', 'The name is not valid');
        user.name = trimmed;
      }
      if (image !== undefined) {
        if (image !== null && typeof image !== 'string')
          return authError(400, 'VALIDATION_ERROR', 'Invalid image');
        user.image = image || null;
      }
      user.updatedAt = new Date().toISOString();
      return HttpResponse.json({ status: true, user: publicUser(user) });
    }),

    http.post(`${authBase}/change-email`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { newEmail, currentPassword } = await body(request);
      if (typeof newEmail !== 'string' || !EMAIL.test(newEmail)) {
        return authError(400, 'VALIDATION_ERROR', 'Invalid email address');
      }
      if (user.password) {
        if (typeof currentPassword !== 'string' || !currentPassword) {
          return HttpResponse.json(
            { code: 'REAUTHENTICATION_REQUIRED', message: 'Give your current password', method: 'password' },
            { status: 403 },
          );
        }
        if (currentPassword !== user.password) return authError(400, 'INVALID_PASSWORD', 'Invalid password');
      } else if (Date.now() - Date.parse(s.session?.createdAt ?? '') > REAUTHENTICATE_WITHIN) {
        return HttpResponse.json(
          { code: 'REAUTHENTICATION_REQUIRED', message: 'Sign in again', method: 'sign-in' },
          { status: 403 },
        );
      }
      const lowered = newEmail.toLowerCase();
      if (lowered === user.email) return authError(400, 'BAD_REQUEST', 'Email is the same');
      const token = s.token();
      const url = `${new URL(request.url).origin}${s.authPath}/verify-email?token=${token}`;
      // A taken address is answered like a free one; only that mailbox hears of it.
      if (s.users.some((u) => u.email === lowered))
        s.outbox.push({ kind: 'email-in-use', to: lowered, url: '', token: '' });
      else s.outbox.push({ kind: 'change-email', to: lowered, url, token });
      return HttpResponse.json({ status: true });
    }),

    http.post(`${authBase}/change-password`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { currentPassword, newPassword, revokeOtherSessions } = await body(request);
      if (typeof newPassword !== 'string' || newPassword.length < MIN_PASSWORD) {
        return authError(400, 'PASSWORD_TOO_SHORT', 'Password too short');
      }
      if (newPassword.length > MAX_PASSWORD) return authError(400, 'PASSWORD_TOO_LONG', 'Password too long');
      if (!user.password)
        return authError(400, 'CREDENTIAL_ACCOUNT_NOT_FOUND', 'Credential account not found');
      if (currentPassword !== user.password) return authError(400, 'INVALID_PASSWORD', 'Invalid password');
      user.password = newPassword;
      if (revokeOtherSessions === true) s.devices = s.devices.filter((d) => d.userId !== user.id);
      return HttpResponse.json({ token: null, user: publicUser(user) });
    }),

    http.get(`${authBase}/profilekit/sessions`, async ({ request }) => {
      await s.pause();
      const user = s.requestUser(request);
      if (!s.session || !user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
      if (s.persona.failing) return failure();
      const current = {
        id: `current${s.session.token.slice(0, 15)}`,
        browser: 'Chrome',
        os: 'macOS',
        place: null,
        createdAt: s.session.createdAt,
        lastActive: new Date().toISOString(),
        current: true,
      };
      const others = s.devices
        .filter((d) => d.userId === user.id)
        .map(({ userId: _userId, ...device }) => ({
          ...device,
          createdAt: device.lastActive,
          current: false,
        }));
      return HttpResponse.json({ sessions: [current, ...others] });
    }),

    http.post(`${authBase}/profilekit/sessions/revoke`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { id } = await body(request);
      if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
        return authError(400, 'VALIDATION_ERROR', 'Invalid id');
      }
      const found = s.devices.find((d) => d.userId === user.id && d.id === id);
      if (!found) return authError(404, 'SESSION_NOT_FOUND', 'No session of yours has this id');
      s.devices = s.devices.filter((d) => d !== found);
      return HttpResponse.json({ status: true, current: false });
    }),

    http.post(`${authBase}/revoke-other-sessions`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      s.devices = s.devices.filter((d) => d.userId !== user.id);
      return HttpResponse.json({ status: true });
    }),

    http.post(`${authBase}/unlink-account`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { accountId } = await body(request);
      const accounts = s.accountsOf(user);
      const found = accounts.find((a) => a.id === accountId);
      if (!found) return authError(400, 'ACCOUNT_NOT_FOUND', 'Account not found');
      if (accounts.length === 1) {
        return authError(400, 'FAILED_TO_UNLINK_LAST_ACCOUNT', "You can't unlink your last account");
      }
      s.linked = s.linked.filter((a) => a !== found);
      if (found.providerId === 'credential') user.password = '';
      return HttpResponse.json({ status: true });
    }),

    // The provider says yes at once: the method is linked and the browser goes back to the callback URL.
    http.post(`${authBase}/link-social`, async ({ request }) => {
      const user = await changer(request);
      if (user instanceof Response) return user;
      const { provider, callbackURL } = await body(request);
      if (typeof provider !== 'string' || !/^[a-z0-9_-]+$/i.test(provider)) {
        return authError(404, 'PROVIDER_NOT_FOUND', 'Provider not found');
      }
      if (!s.accountsOf(user).some((a) => a.providerId === provider)) {
        s.linked.push({
          id: s.token(),
          userId: user.id,
          providerId: provider,
          accountId: `${provider}-linked`,
        });
      }
      return HttpResponse.json({ url: typeof callbackURL === 'string' ? callbackURL : '/', redirect: true });
    }),
  ];
}
