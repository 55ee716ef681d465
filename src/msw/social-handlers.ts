import { type HttpHandler, HttpResponse, http } from 'msw';
import { authError, failure, type MockState, newId } from './state';

/** Social and OpenID sign-in, and the list of a person's sign-in methods. */
export function socialHandlers(s: MockState, authBase: string): HttpHandler[] {
  return [
    // Social and OpenID sign-in: the provider says yes at once and the browser goes to the callback URL.
    http.post(`${authBase}/sign-in/social`, async ({ request }) => {
      await s.pause();
      if (s.persona.failing) return failure();
      const body = await s.readCredentials(request);
      const provider = String(body?.provider ?? '');
      if (!/^[a-z0-9_-]+$/i.test(provider)) return authError(404, 'PROVIDER_NOT_FOUND', 'Provider not found');
      let user = s.users.find((u) => u.providerId === provider);
      if (!user) {
        // A first visit through this provider creates the account, as better-auth does.
        const now = new Date().toISOString();
        user = {
          id: newId(),
          email: `${provider.toLowerCase()}-person@example.com`,
          name: 'Social Person',
          password: '',
          emailVerified: true,
          image: null,
          createdAt: now,
          updatedAt: now,
          providerId: provider,
        };
        s.users.push(user);
      }
      s.session = s.startSession(user, true);
      const url = typeof body?.callbackURL === 'string' ? body.callbackURL : '/';
      return HttpResponse.json(
        { url, redirect: true },
        { headers: { 'set-cookie': s.sessionCookie(s.session.token, 604800) } },
      );
    }),
    http.get(`${authBase}/list-accounts`, async ({ request }) => {
      await s.pause();
      const user = s.requestUser(request);
      if (!user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
      const now = user.createdAt;
      return HttpResponse.json(
        s.accountsOf(user).map((a) => ({ ...a, createdAt: now, updatedAt: now, scopes: [] })),
      );
    }),
  ];
}
