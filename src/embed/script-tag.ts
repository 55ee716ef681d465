import { list } from './attributes';
import { assetsFromScript, configure } from './config';

/**
 * The script tag's `data-*` settings: `<script src=".../profilekit.js" data-base-url="..." data-auth-mode="bearer">`.
 * Each entry: the dataset key, the option of `configure` it sets and how its text is read. A new shared
 * setting gets a line here (and in SHARED, options.ts).
 */
const SCRIPT_DATA: Record<string, { option: string; type: 'string' | 'boolean' | 'list' | 'json' }> = {
  baseUrl: { option: 'baseURL', type: 'string' },
  authMode: { option: 'authMode', type: 'string' },
  theme: { option: 'theme', type: 'string' },
  shadow: { option: 'shadow', type: 'boolean' },
  socialProviders: { option: 'socialProviders', type: 'list' },
  assetsUrl: { option: 'assetsURL', type: 'string' },
  locale: { option: 'locale', type: 'string' },
  // The questionnaire as JSON, host questions included (defineQuestionnaire's result).
  questionnaire: { option: 'questionnaire', type: 'json' },
};

/** A `data-*` setting's JSON text, or an error naming the setting. */
function json(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(
      `profilekit: the script tag's data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is not valid JSON`,
    );
  }
}

/** Reads the shared settings of the script tag that loaded the loader, and where its chunks are. */
export function configureFromScript(script: HTMLOrSVGScriptElement | null) {
  if (!(script instanceof HTMLScriptElement)) return;
  try {
    configure(readScriptData(script));
  } catch (error) {
    console.error(error);
  }
  try {
    assetsFromScript(script.src);
  } catch (error) {
    console.error(error);
  }
}

function readScriptData(script: HTMLScriptElement): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(script.dataset)) {
    const spec = SCRIPT_DATA[key];
    if (!spec || value === undefined) continue;
    options[spec.option] =
      spec.type === 'boolean'
        ? value !== 'false'
        : spec.type === 'list'
          ? list(value)
          : spec.type === 'json'
            ? json(value, key)
            : value;
  }
  return options;
}
