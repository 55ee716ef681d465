import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app imports `profilekit` by its public name; examples/react-app/build.ts links the package in.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/react-app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
