// Reads a guide under docs/guides/ as the steps it asks for, in order: files to write and shell commands.
// A fenced block is a file when its first line is a comment naming its path (`// web/src/App.tsx`,
// `# server/.env`, `<!-- web/index.html -->`); an `sh` block holds commands, one a line, run from the guide's
// folder. A command ending in `# keeps running` (a server) is started and left running.

export type GuideStep =
  | { kind: 'file'; path: string; content: string; line: number }
  | { kind: 'command'; command: string; keepsRunning: boolean; line: number };

export interface GuideBlock {
  lang: string;
  body: string;
  line: number;
}

const PATH_COMMENT = /^(?:\/\/|#|<!--)\s*([\w@.-]+(?:\/[\w@.[\]-]+)*\.?[\w-]*)\s*(?:-->)?\s*$/;

/** Every fenced block of a Markdown text, with its language and the line its fence opens on. */
export function fencedBlocks(markdown: string): GuideBlock[] {
  const lines = markdown.split('\n');
  const blocks: GuideBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]?.match(/^```(\S*)\s*$/);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end < 0) throw new Error(`line ${i + 1}: a fence that never closes`);
    blocks.push({ lang: open[1] ?? '', body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

/** The path a block names on its first line, if it is a file. */
export function filePathOf(block: GuideBlock): string | undefined {
  if (block.lang === 'sh') return undefined;
  const first = block.body.split('\n')[0] ?? '';
  const path = first.match(PATH_COMMENT)?.[1];
  return path?.includes('.') || path?.includes('/') ? path : undefined;
}

export function guideSteps(markdown: string): GuideStep[] {
  const steps: GuideStep[] = [];
  for (const block of fencedBlocks(markdown)) {
    if (block.lang === 'sh') {
      for (const raw of block.body.split('\n')) {
        const command = raw.trim();
        if (!command || command.startsWith('#')) continue;
        const keepsRunning = /#\s*keeps running\s*$/.test(command);
        steps.push({
          kind: 'command',
          command: command.replace(/\s*#\s*keeps running\s*$/, ''),
          keepsRunning,
          line: block.line,
        });
      }
      continue;
    }
    const path = filePathOf(block);
    if (!path) throw new Error(`line ${block.line}: a ${block.lang || 'plain'} block that names no file`);
    if (path.startsWith('/') || path.split('/').includes('..')) {
      throw new Error(`line ${block.line}: ${path} is outside the guide's folder`);
    }
    steps.push({ kind: 'file', path, content: `${block.body}\n`, line: block.line });
  }
  return steps;
}
