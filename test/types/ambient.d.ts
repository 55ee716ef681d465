// What README's snippets take from the page around them: a host component, a mail service and vitest's globals.
/// <reference types="vitest/globals" />

declare function Course(): null;

declare const mailer: { send(message: { to: string; subject: string; text: string }): Promise<void> };

// A bundler's asset import (Vite's `?url`, as vite/client declares it): the embed page imports the loader so.
declare module '*?url' {
  const url: string;
  export default url;
}
