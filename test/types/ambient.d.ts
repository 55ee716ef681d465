// What the docs' snippets take from a host's own setup in the bundler and node16 modes: a bundler's asset
// import (Vite's `?url`, as vite/client declares it; the embed page imports the loader so). The vite-template
// configuration of check.mjs has vite/client itself and no ambient file at all.
declare module '*?url' {
  const url: string;
  export default url;
}
