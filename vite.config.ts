import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { lessonIndex } from './scripts/vite/lessonIndex.ts';
import { localeParts } from './scripts/vite/localeParts.ts';
import { webApp } from './scripts/vite/webApp.ts';

// The base path is set at build time (`npm run build -- --base=/django-sessions/`), so the same
// code serves from a domain root or a sub-path.
export default defineConfig(() => ({
  plugins: [react(), lessonIndex(), localeParts(), webApp()],
  resolve: {
    // MSW without its cookie jar (src/server/msw/noCookieStore.ts says why), in the build and in
    // the tests alike: the tests run msw/node through Vite (server.deps.inline below) so that the
    // alias reaches MSW's own import of tough-cookie.
    alias: [
      {
        find: /^tough-cookie$/,
        replacement: fileURLToPath(new URL('./src/server/msw/noCookieStore.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    server: { deps: { inline: ['msw'] } },
    // Component tests click through the whole app; a loaded 2-core CI machine needs headroom.
    testTimeout: 20_000,
  },
}));
