// What README's snippets take from the page around them: a host component, a mail service and vitest's globals.
/// <reference types="vitest/globals" />

declare function Course(): null;

declare const mailer: { send(message: { to: string; subject: string; text: string }): Promise<void> };
