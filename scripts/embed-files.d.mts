/** The files of dist/embed a page with these elements fetches (scripts/embed-files.mjs). */
export function embedFiles(page: { elements: string[]; load?: RegExp }): string[];
