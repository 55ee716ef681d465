import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProfileClient, isProfileKitError, type Profile, ProfileKitError } from '../../src/client';

const API = 'https://api.example.test';
const URL_ = `${API}/api/profile`;

const stored: Profile = {
  languages: [{ language: 'Python', level: 'intermediate' }],
  frameworks: ['Django'],
  experienceYears: '3-5',
  devices: null,
  architectureFamiliarity: null,
  softwareExperience: 'advanced',
  hardwareExperience: null,
  backgroundPreference: 'software',
  answers: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const fast = { retryDelay: () => 1 };

async function caught(promise: Promise<unknown>): Promise<ProfileKitError> {
  try {
    await promise;
  } catch (error) {
    if (isProfileKitError(error)) return error;
    throw new Error(`expected a ProfileKitError, got ${String(error)}`);
  }
  throw new Error('expected the promise to reject');
}

describe('createProfileClient', () => {
  it('refuses to start without a baseURL string', () => {
    // @ts-expect-error baseURL is required
    expect(() => createProfileClient({})).toThrow(/baseURL/);
  });

  describe('get', () => {
    it('returns the typed profile and keeps its ETag', async () => {
      server.use(http.get(URL_, () => HttpResponse.json(stored, { headers: { ETag: '"v1"' } })));
      const client = createProfileClient({ baseURL: API });
      await expect(client.get()).resolves.toEqual({ profile: stored, etag: '"v1"' });
      expect(client.etag).toBe('"v1"');
    });

    it('sends cookies cross-origin by default and the configured headers', async () => {
      let seen: Request | undefined;
      server.use(
        http.get(URL_, ({ request }) => {
          seen = request;
          return HttpResponse.json(stored);
        }),
      );
      await createProfileClient({ baseURL: `${API}/`, headers: () => ({ 'x-tenant': 'acme' }) }).get();
      expect(seen?.credentials).toBe('include');
      expect(seen?.headers.get('x-tenant')).toBe('acme');
      expect(seen?.headers.get('authorization')).toBeNull();
    });

    it('sends a bearer token in bearer mode, fetching it each time', async () => {
      const auth: (string | null)[] = [];
      server.use(
        http.get(URL_, ({ request }) => {
          auth.push(request.headers.get('authorization'));
          return HttpResponse.json(stored);
        }),
      );
      let token = 'first';
      const client = createProfileClient({ baseURL: API, token: async () => token });
      await client.get();
      token = 'second';
      await client.get();
      expect(auth).toEqual(['Bearer first', 'Bearer second']);
    });

    it('uses an injected fetch instead of the global one', async () => {
      const calls: string[] = [];
      const client = createProfileClient({
        baseURL: 'https://elsewhere.test',
        path: '/v2/me/profile',
        fetch: async (input) => {
          calls.push(String(input));
          return Response.json(stored);
        },
      });
      await client.get();
      expect(calls).toEqual(['https://elsewhere.test/v2/me/profile']);
    });

    it.each([
      [401, 'UNAUTHENTICATED', { code: 'UNAUTHENTICATED', message: 'Sign in first' }],
      [404, 'PROFILE_NOT_FOUND', { code: 'PROFILE_NOT_FOUND', message: 'No profile yet' }],
      [403, 'FORBIDDEN', 'forbidden'],
      [429, 'RATE_LIMITED', null],
    ])('turns a %i into %s', async (status, code, body) => {
      server.use(
        http.get(URL_, () =>
          typeof body === 'string' ? new HttpResponse(body, { status }) : HttpResponse.json(body, { status }),
        ),
      );
      const error = await caught(createProfileClient({ baseURL: API }).get());
      expect(error).toBeInstanceOf(ProfileKitError);
      expect(error).toMatchObject({ code, status });
    });

    it('reads 200 null as PROFILE_NOT_FOUND (no profile yet) and forgets the kept ETag', async () => {
      let answer: Profile | null = stored;
      server.use(
        http.get(URL_, () => HttpResponse.json(answer, { headers: answer ? { etag: '"v1"' } : {} })),
      );
      const client = createProfileClient({ baseURL: API });
      await client.get();
      expect(client.etag).toBe('"v1"');
      answer = null;
      const error = await caught(client.get());
      expect(error).toMatchObject({ code: 'PROFILE_NOT_FOUND', status: 200 });
      expect(client.etag).toBeNull();
    });

    it('does not read a null answer to a write as "no profile yet"', async () => {
      server.use(http.put(URL_, () => HttpResponse.json(null)));
      const { createdAt: _c, updatedAt: _u, answers: _a, ...input } = stored;
      const error = await caught(createProfileClient({ baseURL: API }).put(input));
      expect(error).toMatchObject({ code: 'INVALID_RESPONSE' });
    });

    it("capabilities(): reads the server's answer, and takes a server without the route to offer everything", async () => {
      let status = 200;
      server.use(
        http.get(`${URL_}/config`, () =>
          status === 200
            ? HttpResponse.json({ passwordReset: false, emailVerification: true })
            : HttpResponse.json({ code: 'NOT_FOUND', message: 'Not found' }, { status }),
        ),
      );
      const client = createProfileClient({ baseURL: API });
      expect(await client.capabilities?.()).toEqual({ passwordReset: false, emailVerification: true });
      status = 404;
      expect(await client.capabilities?.()).toEqual({ passwordReset: true, emailVerification: true });
    });

    it('retries a 5xx and then succeeds', async () => {
      let calls = 0;
      server.use(
        http.get(URL_, () => {
          calls++;
          return calls < 3 ? new HttpResponse('busy', { status: 503 }) : HttpResponse.json(stored);
        }),
      );
      const result = await createProfileClient({ baseURL: API, ...fast }).get();
      expect(result.profile).toEqual(stored);
      expect(calls).toBe(3);
    });

    it('gives up after the configured retries with SERVER_ERROR', async () => {
      let calls = 0;
      server.use(
        http.get(URL_, () => {
          calls++;
          return HttpResponse.json({ code: 'SERVER_ERROR', message: 'boom' }, { status: 500 });
        }),
      );
      const error = await caught(createProfileClient({ baseURL: API, retries: 1, ...fast }).get());
      expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
      expect(calls).toBe(2);
    });

    it('retries a network failure and reports NETWORK_ERROR when it persists', async () => {
      let calls = 0;
      server.use(
        http.get(URL_, () => {
          calls++;
          return HttpResponse.error();
        }),
      );
      const error = await caught(createProfileClient({ baseURL: API, ...fast }).get());
      expect(error.code).toBe('NETWORK_ERROR');
      expect(calls).toBe(3);
    });

    it('does not retry a 4xx', async () => {
      let calls = 0;
      server.use(
        http.get(URL_, () => {
          calls++;
          return HttpResponse.json({ code: 'UNAUTHENTICATED', message: 'no' }, { status: 401 });
        }),
      );
      await caught(createProfileClient({ baseURL: API, ...fast }).get());
      expect(calls).toBe(1);
    });

    it('fails with TIMEOUT when the server does not answer in time', async () => {
      server.use(http.get(URL_, () => new Promise<never>(() => {})));
      const error = await caught(createProfileClient({ baseURL: API, timeout: 20, retries: 0 }).get());
      expect(error.code).toBe('TIMEOUT');
    });

    it('fails with ABORTED when the caller aborts, without retrying', async () => {
      let calls = 0;
      server.use(
        http.get(URL_, () => {
          calls++;
          return new Promise<never>(() => {});
        }),
      );
      const controller = new AbortController();
      const pending = createProfileClient({ baseURL: API, ...fast }).get({ signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      const error = await caught(pending);
      expect(error.code).toBe('ABORTED');
      expect(calls).toBe(1);
    });

    it('fails with ABORTED at once for a signal that is already aborted', async () => {
      const error = await caught(createProfileClient({ baseURL: API }).get({ signal: AbortSignal.abort() }));
      expect(error.code).toBe('ABORTED');
    });

    it.each([
      ['HTML instead of JSON', () => new HttpResponse('<html>oops</html>', { status: 200 })],
      ['an empty body', () => new HttpResponse(null, { status: 200 })],
      ['JSON of the wrong shape', () => HttpResponse.json({ languages: 'Python' })],
      ['a JSON array', () => HttpResponse.json([stored])],
      ['an unknown level', () => HttpResponse.json({ ...stored, softwareExperience: 'wizard' })],
    ])('reports INVALID_RESPONSE for %s', async (_name, resolver) => {
      server.use(http.get(URL_, resolver));
      const error = await caught(createProfileClient({ baseURL: API }).get());
      expect(error.code).toBe('INVALID_RESPONSE');
    });

    it('falls back to a code from the status when an error body is not JSON', async () => {
      server.use(http.get(URL_, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
      const error = await caught(createProfileClient({ baseURL: API, retries: 0 }).get());
      expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502 });
    });

    it('ignores an unknown code in an error body', async () => {
      server.use(
        http.get(URL_, () => HttpResponse.json({ code: 'SOMETHING_ELSE', message: 'x' }, { status: 404 })),
      );
      const error = await caught(createProfileClient({ baseURL: API }).get());
      expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    });
  });

  describe('put and patch', () => {
    it('sends the normalised body as JSON and returns the stored profile', async () => {
      let body: unknown;
      let contentType: string | null = null;
      server.use(
        http.put(URL_, async ({ request }) => {
          body = await request.json();
          contentType = request.headers.get('content-type');
          return HttpResponse.json(stored, { headers: { ETag: '"v2"' } });
        }),
      );
      const client = createProfileClient({ baseURL: API });
      const result = await client.put({
        languages: [{ language: 'Python', level: 'Intermediate' }],
        frameworks: [{ name: 'Django' }],
      });
      expect(body).toEqual({
        languages: [{ language: 'Python', level: 'intermediate' }],
        frameworks: ['Django'],
      });
      expect(contentType).toBe('application/json');
      expect(result.etag).toBe('"v2"');
      expect(client.etag).toBe('"v2"');
    });

    it('refuses invalid input before any request is made', async () => {
      const client = createProfileClient({ baseURL: API });
      // No handler is registered: a request would fail the test through onUnhandledRequest.
      const error = await caught(client.patch({ languages: [{ language: 'Go', level: 'guru' }] }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.status).toBeUndefined();
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'languages.0.level', code: 'invalid_value' }),
      ]);
    });

    it('sends the kept ETag as If-Match when asked', async () => {
      const ifMatch: (string | null)[] = [];
      server.use(
        http.get(URL_, () => HttpResponse.json(stored, { headers: { ETag: '"v1"' } })),
        http.patch(URL_, ({ request }) => {
          ifMatch.push(request.headers.get('if-match'));
          return HttpResponse.json(stored, { headers: { ETag: '"v2"' } });
        }),
      );
      const client = createProfileClient({ baseURL: API });
      await client.get();
      await client.patch({ devices: ['Pi'] }, { ifMatch: true });
      await client.patch({ devices: ['Pi 5'] }, { ifMatch: true });
      await client.patch({ devices: ['Arduino'] }, { ifMatch: '"explicit"' });
      await client.patch({ devices: [] });
      expect(ifMatch).toEqual(['"v1"', '"v2"', '"explicit"', null]);
    });

    it('sends If-None-Match: * for a create-only put, and nothing otherwise', async () => {
      const ifNoneMatch: (string | null)[] = [];
      server.use(
        http.put(URL_, ({ request }) => {
          ifNoneMatch.push(request.headers.get('if-none-match'));
          return HttpResponse.json(stored, { status: 201, headers: { ETag: '"v1"' } });
        }),
      );
      const client = createProfileClient({ baseURL: API });
      await client.put({ languages: [], frameworks: [] }, { ifNoneMatch: '*' });
      await client.put({ languages: [], frameworks: [] });
      expect(ifNoneMatch).toEqual(['*', null]);
    });

    it('refuses ifMatch: true before any version is known', async () => {
      const error = await caught(
        createProfileClient({ baseURL: API }).put({ languages: [], frameworks: [] }, { ifMatch: true }),
      );
      expect(error.code).toBe('ETAG_UNAVAILABLE');
    });

    it('reports a stale version as PROFILE_VERSION_CONFLICT', async () => {
      server.use(
        http.patch(URL_, () =>
          HttpResponse.json(
            { code: 'PROFILE_VERSION_CONFLICT', message: 'Changed elsewhere' },
            { status: 412 },
          ),
        ),
      );
      const error = await caught(
        createProfileClient({ baseURL: API }).patch({ devices: [] }, { ifMatch: '"old"' }),
      );
      expect(error).toMatchObject({ code: 'PROFILE_VERSION_CONFLICT', status: 412 });
    });

    it('carries field issues from a 400', async () => {
      const issues = [{ path: 'frameworks.0', code: 'too_long', message: 'At most 100 characters' }];
      server.use(
        http.put(URL_, () =>
          HttpResponse.json({ code: 'VALIDATION_FAILED', message: 'Invalid', issues }, { status: 400 }),
        ),
      );
      const error = await caught(
        createProfileClient({ baseURL: API }).put({ languages: [], frameworks: [] }),
      );
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, issues });
    });

    it('never retries a write, even after a 503', async () => {
      let calls = 0;
      server.use(
        http.put(URL_, () => {
          calls++;
          return new HttpResponse(null, { status: 503 });
        }),
      );
      const error = await caught(
        createProfileClient({ baseURL: API, ...fast }).put({ languages: [], frameworks: [] }),
      );
      expect(error.code).toBe('SERVER_ERROR');
      expect(calls).toBe(1);
    });

    it('forgets the ETag on reset', async () => {
      server.use(http.get(URL_, () => HttpResponse.json(stored, { headers: { ETag: '"v1"' } })));
      const client = createProfileClient({ baseURL: API });
      await client.get();
      client.reset();
      expect(client.etag).toBeNull();
    });
  });

  describe('ProfileKitError', () => {
    it('is recognised by the guard, with or without a code, and serialises to the API body', () => {
      const error = new ProfileKitError('VALIDATION_FAILED', 'bad', {
        status: 400,
        issues: [{ path: 'a', code: 'x', message: 'm' }],
      });
      expect(isProfileKitError(error)).toBe(true);
      expect(isProfileKitError(error, 'VALIDATION_FAILED')).toBe(true);
      expect(isProfileKitError(error, 'TIMEOUT')).toBe(false);
      expect(isProfileKitError(new Error('x'))).toBe(false);
      expect(isProfileKitError({ code: 'TIMEOUT' })).toBe(false);
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'bad',
        issues: [{ path: 'a', code: 'x', message: 'm' }],
      });
    });
  });
});

describe('exportData', () => {
  const data = {
    format: 'profilekit-export/1',
    exportedAt: '2026-01-02T00:00:00.000Z',
    user: {
      id: 'u1',
      email: 'ada@example.test',
      name: 'Ada',
      emailVerified: true,
      image: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    accounts: [],
    sessions: [],
    profile: stored,
  };

  it('reads <path>/export with the bearer token', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${URL_}/export`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(data);
      }),
    );
    const client = createProfileClient({ baseURL: API, token: 't0k' });
    await expect(client.exportData()).resolves.toEqual(data);
    expect(authorization).toBe('Bearer t0k');
  });

  it('fails with the server code, or INVALID_RESPONSE for a body that is not an export', async () => {
    server.use(
      http.get(`${URL_}/export`, () =>
        HttpResponse.json({ code: 'UNAUTHENTICATED', message: 'Sign in' }, { status: 401 }),
      ),
    );
    const client = createProfileClient({ baseURL: API });
    expect((await caught(client.exportData())).code).toBe('UNAUTHENTICATED');
    server.use(http.get(`${URL_}/export`, () => HttpResponse.json({ hello: 'world' })));
    expect((await caught(client.exportData())).code).toBe('INVALID_RESPONSE');
  });
});
