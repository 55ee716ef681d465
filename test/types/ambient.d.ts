// What the docs' snippets take from a host's own setup: vitest's globals (a test file's snippet) and a
// bundler's asset import. Anything a snippet uses beyond the published types is written in the snippet.
/// <reference types="vitest/globals" />

// A bundler's asset import (Vite's `?url`, as vite/client declares it): the embed page imports the loader so.
declare module '*?url' {
  const url: string;
  export default url;
}
