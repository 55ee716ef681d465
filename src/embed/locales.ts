import type { ProfileKitLocale } from '../react/index';
import { shippedLocale } from './options';

// Captured while the embed script runs: the locale files sit beside it (`dist/locales/<tag>.js`).
const script =
  typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;
const loading = new Map<string, Promise<ProfileKitLocale | undefined>>();
const loaded = new Map<string, ProfileKitLocale | undefined>();

/**
 * The locale a widget asked for: an object as given; a tag once its file has loaded (`undefined` meanwhile,
 * and `onLoad` runs when it has). Each file loads once per page, and only when a widget asks for it: the
 * embed script holds none of them. A file that fails to load is reported in the console and English stays.
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
    const url = new URL(`locales/${tag}.js`, script ?? document.baseURI).href;
    pending = import(/* @vite-ignore */ url).then(
      (module: Record<string, ProfileKitLocale>) => module[tag],
      (error: unknown) => {
        console.error(`profilekit: the "${tag}" locale could not be loaded from ${url}`, error);
        return undefined;
      },
    );
    pending.then((locale) => loaded.set(tag, locale));
    loading.set(tag, pending);
  }
  pending.then(onLoad);
  return { ready: false, locale: undefined };
}
