import type { ProfileKitLocale } from '../react/index';
import { shippedLocale } from './options';

/**
 * Each shipped locale behind an import of its own: in the script-tag build every one is a chunk beside the
 * element chunks (`dist/embed/<tag>-<hash>.js`), fetched only when a widget asks for that language.
 */
const FILES: Record<string, () => Promise<ProfileKitLocale>> = {
  en: () => import('../locales/en').then((m) => m.en),
  de: () => import('../locales/de').then((m) => m.de),
  fr: () => import('../locales/fr').then((m) => m.fr),
  es: () => import('../locales/es').then((m) => m.es),
  ja: () => import('../locales/ja').then((m) => m.ja),
  ar: () => import('../locales/ar').then((m) => m.ar),
};

const loading = new Map<string, Promise<ProfileKitLocale | undefined>>();
const loaded = new Map<string, ProfileKitLocale | undefined>();

/**
 * The locale a widget asked for: an object as given; a tag once its chunk has loaded (`undefined` meanwhile,
 * and `onLoad` runs when it has). Each chunk loads once per page, and only when a widget asks for it: the
 * loader and the element chunks hold none of them. A chunk that fails to load is reported in the console
 * and English stays.
 */
export function localeFor(
  wanted: string | ProfileKitLocale | undefined,
  onLoad: () => void,
): { ready: boolean; locale: ProfileKitLocale | undefined } {
  if (wanted === undefined || typeof wanted === 'object') return { ready: true, locale: wanted };
  const tag = shippedLocale(wanted) ?? 'en';
  if (loaded.has(tag)) return { ready: true, locale: loaded.get(tag) };
  let pending = loading.get(tag);
  if (!pending) {
    const load = FILES[tag] ?? FILES.en;
    pending = (load as () => Promise<ProfileKitLocale>)().then(
      (locale) => locale,
      (error: unknown) => {
        console.error(`profilekit: the "${tag}" locale could not be loaded`, error);
        return undefined;
      },
    );
    pending.then((locale) => loaded.set(tag, locale));
    loading.set(tag, pending);
  }
  pending.then(onLoad);
  return { ready: false, locale: undefined };
}
