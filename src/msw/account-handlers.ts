import { type HttpHandler, HttpResponse, http } from 'msw';
import { authError, failure, type MockState } from './state';

/** Account deletion, as better-auth's delete-user with profileKitAuthOptions. */
export function accountHandlers(s: MockState, authBase: string): HttpHandler[] {
  return [
    // Like better-auth's delete-user: the password when one is given, else a fresh session.
    http.post(`${authBase}/delete-user`, async ({ request }) => {
      await s.pause();
      const user = s.requestUser(request);
      if (!s.session || !user) return authError(401, 'UNAUTHORIZED', 'Unauthorized');
      if (s.persona.failing) return failure();
      const body = (await s.readCredentials(request)) ?? {};
      if (typeof body.password === 'string') {
        if (!user.password)
          return authError(400, 'CREDENTIAL_ACCOUNT_NOT_FOUND', 'Credential account not found');
        if (body.password !== user.password) return authError(400, 'INVALID_PASSWORD', 'Invalid password');
      } else if (Date.now() - Date.parse(s.session.createdAt) >= 864e5) {
        return authError(400, 'SESSION_EXPIRED', 'Session expired. Re-authenticate to perform this action.');
      }
      s.users = s.users.filter((u) => u.id !== user.id);
      s.profiles.delete(user.id);
      s.session = null;
      return HttpResponse.json(
        { success: true, message: 'User deleted' },
        { headers: { 'set-cookie': s.sessionCookie('', 0) } },
      );
    }),
  ];
}
