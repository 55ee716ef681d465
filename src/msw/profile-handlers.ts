import { HttpResponse, http } from 'msw';
import {
  ErrorCodes,
  type NormalizedProfileInput,
  PERSONAL_DATA_FILE,
  type PersonalData,
  type Profile,
  parseProfileInput,
  parseProfilePatch,
  parseProfileWrite,
  type QuestionnaireDefinition,
  questionnaireJsonSchema,
} from '../client/index';
import {
  absenceHolds,
  DEFAULT_MAX_BODY_BYTES,
  etagForVersion,
  ifNoneMatchHits,
  PROFILE_METHODS,
  parseIfMatch,
  preconditionHolds,
  readJsonBody,
  type ServerCapabilities,
} from '../client/protocol';
import { apiError, type MockState, type StoredProfile } from './state';

/** The profile API as createProfileHandler serves it, and the data export. */
export function profileHandlers(s: MockState, profileUrl: string, questionnaire?: QuestionnaireDefinition) {
  return [
    exportHandler(s, profileUrl),
    configHandler(profileUrl),
    http.get(`${profileUrl}/schema`, () =>
      HttpResponse.json(questionnaireJsonSchema(questionnaire ?? {}), {
        headers: { 'content-type': 'application/schema+json; charset=utf-8' },
      }),
    ),
    profileHandler(s, profileUrl, questionnaire),
  ];
}

/** A write checked by the questionnaire as the real handler checks it: the host answers to store, or a 400. */
function parseWrite(
  method: 'PUT' | 'PATCH',
  value: unknown,
  stored: StoredProfile | undefined,
  questionnaire: QuestionnaireDefinition | undefined,
) {
  if (!questionnaire) {
    const parsed = method === 'PUT' ? parseProfileInput(value) : parseProfilePatch(value);
    return parsed.success
      ? { success: true as const, data: parsed.data, answers: stored?.profile.answers ?? {} }
      : parsed;
  }
  const { answers, createdAt: _c, updatedAt: _u, ...fields } = stored?.profile ?? ({} as Partial<Profile>);
  const parsed = parseProfileWrite(questionnaire, value, {
    mode: method === 'PUT' ? 'put' : 'patch',
    stored: stored && { fields, answers: answers ?? {} },
    whole: method === 'PUT' || stored !== undefined,
  } as { mode: 'put' });
  return parsed.success
    ? { success: true as const, data: parsed.data.profile, answers: parsed.data.answers }
    : parsed;
}

/** `GET /api/profile/config`: the mock sends every message (to its outbox), so it offers everything. */
const configHandler = (profileUrl: string) =>
  http.get(`${profileUrl}/config`, () =>
    HttpResponse.json({ passwordReset: true, emailVerification: true } satisfies ServerCapabilities),
  );

/** `GET /api/profile/export`: the person's data as a JSON file, as the real handler answers it. */
const exportHandler = (s: MockState, profileUrl: string) =>
  http.get(`${profileUrl}/export`, async ({ request }) => {
    await s.pause();
    const user = s.requestUser(request);
    if (!user) return apiError(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to export your data');
    if (s.persona.failing)
      return apiError(500, ErrorCodes.SERVER_ERROR, 'The server failed to handle the request');
    const data: PersonalData = {
      format: 'profilekit-export/1',
      exportedAt: new Date().toISOString(),
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
        twoFactorEnabled: false,
        image: user.image,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      accounts: [
        {
          providerId: user.providerId,
          accountId: user.providerId === 'credential' ? user.id : `${user.providerId}-${user.id.slice(0, 8)}`,
          scope: null,
          createdAt: user.createdAt,
        },
      ],
      sessions: s.session
        ? [
            {
              createdAt: s.session.createdAt,
              expiresAt: s.session.expiresAt,
              ipAddress: null,
              userAgent: null,
            },
          ]
        : [],
      profile: s.profiles.get(user.id)?.profile ?? null,
    };
    return HttpResponse.json(data, {
      headers: {
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${PERSONAL_DATA_FILE}"`,
      },
    });
  });

function respond(status: number, stored: StoredProfile) {
  return HttpResponse.json(stored.profile, {
    status,
    headers: { etag: etagForVersion(stored.version), 'cache-control': 'no-store' },
  });
}

function simulateConcurrentEdit(s: MockState, stored: StoredProfile | undefined) {
  if (!s.persona.concurrentEdits || !stored) return;
  stored.version++;
  stored.profile = { ...stored.profile, experienceYears: '10+', updatedAt: new Date().toISOString() };
}

const profileHandler = (s: MockState, profileUrl: string, questionnaire?: QuestionnaireDefinition) =>
  http.all(profileUrl, async ({ request }) => {
    await s.pause();
    const method = request.method.toUpperCase();
    if (!(PROFILE_METHODS as readonly string[]).includes(method)) {
      return HttpResponse.json(
        { code: ErrorCodes.METHOD_NOT_ALLOWED, message: `Use one of ${PROFILE_METHODS.join(', ')}` },
        { status: 405, headers: { allow: PROFILE_METHODS.join(', ') } },
      );
    }
    const user = s.requestUser(request);
    if (!user) return apiError(401, ErrorCodes.UNAUTHENTICATED, 'Sign in to use your profile');
    if (s.persona.failing)
      return apiError(500, ErrorCodes.SERVER_ERROR, 'The server failed to handle the request');
    const stored = s.profiles.get(user.id);

    if (method === 'GET' || method === 'HEAD') {
      // No profile yet is an answer, not an error: 200 with `null`, as profilekit/server answers.
      if (!stored) {
        return method === 'HEAD'
          ? new HttpResponse(null, { headers: { 'cache-control': 'no-store' } })
          : HttpResponse.json(null, { headers: { 'cache-control': 'no-store' } });
      }
      if (ifNoneMatchHits(request.headers.get('if-none-match'), etagForVersion(stored.version))) {
        return new HttpResponse(null, { status: 304, headers: { etag: etagForVersion(stored.version) } });
      }
      return method === 'HEAD'
        ? new HttpResponse(null, { headers: { etag: etagForVersion(stored.version) } })
        : respond(200, stored);
    }

    const precondition = parseIfMatch(request.headers.get('if-match'));
    const body = await readJsonBody(request, DEFAULT_MAX_BODY_BYTES);
    if (!body.ok) return apiError(body.status, body.code, body.message);
    const parsed = parseWrite(method as 'PUT' | 'PATCH', body.value, stored, questionnaire);
    if (!parsed.success) {
      return apiError(400, ErrorCodes.VALIDATION_FAILED, parsed.error.message, {
        issues: parsed.error.issues,
      });
    }
    const unless =
      method === 'PUT' ? parseIfMatch(request.headers.get('if-none-match')) : ({ kind: 'none' } as const);
    if (unless.kind !== 'none') {
      if (precondition.kind !== 'none') {
        const message = 'Send If-Match or If-None-Match, not both';
        return apiError(400, ErrorCodes.VALIDATION_FAILED, message, {
          issues: [{ path: 'if-none-match', code: 'conflicting_preconditions', message }],
        });
      }
      if (!absenceHolds(unless, stored?.version)) {
        return apiError(
          412,
          ErrorCodes.PROFILE_VERSION_CONFLICT,
          unless.kind === 'any'
            ? 'A profile already exists; read it and send If-Match to replace it'
            : 'The profile is at a version If-None-Match names',
        );
      }
    }
    if (precondition.kind !== 'none') simulateConcurrentEdit(s, stored);
    if (!preconditionHolds(precondition, stored?.version)) {
      return apiError(
        412,
        ErrorCodes.PROFILE_VERSION_CONFLICT,
        'The profile changed since it was read; read it again',
      );
    }
    const now = new Date().toISOString();
    if (method === 'PATCH') {
      if (!stored)
        return apiError(404, ErrorCodes.PROFILE_NOT_FOUND, 'There is no profile yet; PUT one first');
      const changes: Record<string, unknown> = Object.fromEntries(
        Object.entries(parsed.data).filter(([, v]) => v !== undefined),
      );
      if ((body.value as { answers?: unknown }).answers !== undefined) changes.answers = parsed.answers;
      if (Object.keys(changes).length === 0) return respond(200, stored);
      stored.profile = { ...stored.profile, ...changes, updatedAt: now };
      stored.version++;
      return respond(200, stored);
    }
    const input = parsed.data as NormalizedProfileInput;
    const replacement: Profile = {
      languages: input.languages,
      frameworks: input.frameworks,
      experienceYears: input.experienceYears ?? null,
      devices: input.devices ?? null,
      architectureFamiliarity: input.architectureFamiliarity ?? null,
      softwareExperience: input.softwareExperience ?? null,
      hardwareExperience: input.hardwareExperience ?? null,
      backgroundPreference: input.backgroundPreference ?? null,
      answers: parsed.answers,
      createdAt: stored?.profile.createdAt ?? now,
      updatedAt: now,
    };
    if (stored) {
      stored.profile = replacement;
      stored.version++;
      return respond(200, stored);
    }
    const created = { profile: replacement, version: 1 };
    s.profiles.set(user.id, created);
    return respond(201, created);
  });
