import { ErrorCodes } from '../client/errors';
import { questionnaireJsonSchema } from '../client/json-schema';
import { ifNoneMatchHits } from '../client/protocol';
import type { QuestionnaireDefinition } from '../client/questionnaire';

/** FNV-1a (32 bits) of a text, for an ETag that changes when the schema does. No crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * `GET <path>/schema`: the questionnaire's JSON Schema of a profile write. Public (it holds the questions,
 * never an answer), cacheable for five minutes and revalidated by its ETag, readable from any origin.
 */
export function schemaRoute(
  path: string,
  questionnaire: QuestionnaireDefinition | undefined,
): (request: Request) => Response {
  const body = JSON.stringify(questionnaireJsonSchema(questionnaire ?? {}, { id: `${path}/schema` }));
  const etag = `"schema-${fnv1a(body)}-${body.length.toString(36)}"`;
  const headers = {
    etag,
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
    'content-type': 'application/schema+json; charset=utf-8',
  };
  return (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      return new Response(JSON.stringify({ code: ErrorCodes.METHOD_NOT_ALLOWED, message: 'Use GET' }), {
        status: 405,
        headers: { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' },
      });
    }
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
