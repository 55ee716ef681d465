import { checkKeys, checkValues, type EmbedConfig, fail, SHARED } from './options';

/** Settings of the loader itself, beside the ones every widget shares. */
export interface LoaderConfig {
  /**
   * Where the chunk files are, as a URL (relative to the page). Default: the folder of the script tag's
   * file, or its `data-assets-url`. Needed only when the loader runs without a script tag of its own.
   */
  assetsURL?: string;
}

let config: EmbedConfig = {};
let assets: string | null = null;

/** The settings `configure` and the script tag gave. */
export const sharedConfig = (): EmbedConfig => config;

/** An http(s) URL of a folder, ending in `/`, from an absolute or page-relative URL. */
export function folderURL(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    fail(`"${name}" must be a URL; got ${JSON.stringify(value)}`);
  let url: URL | null = null;
  try {
    url = new URL(value, document.baseURI);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol))
    fail(`"${name}" must be an http(s) URL; got ${JSON.stringify(value)}`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Sets options every widget shares (a widget's own options win), and where the chunks are. */
export function configure(options: EmbedConfig & LoaderConfig): void {
  const { assetsURL, ...shared } = checkKeys(options, [...SHARED, 'assetsURL'], 'configure');
  const folder = assetsURL === undefined ? assets : folderURL(assetsURL, 'assetsURL');
  checkValues(shared);
  assets = folder;
  config = { ...config, ...(shared as EmbedConfig) };
}

/** The folder the element chunks load from. */
export function assetsBase(): string {
  if (!assets)
    fail(
      'cannot tell where its chunk files are: load it with a <script src> tag, or set data-assets-url on the tag or ProfileKit.configure({ assetsURL })',
    );
  return assets;
}

/** The default folder: the one holding the script tag's file. */
export function assetsFromScript(src: string) {
  if (src && assets === null) assets = folderURL(new URL('.', src).href, 'src');
}
