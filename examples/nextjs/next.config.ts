import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // This app has a lockfile of its own inside the profilekit repository: it is its own root.
  turbopack: { root: dirname(fileURLToPath(import.meta.url)) },
};

export default config;
