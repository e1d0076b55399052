import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The base path is set at build time (`npm run build -- --base=/django-sessions/`), so the same
// code serves from a domain root or a sub-path.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // Component tests click through the whole app; a loaded 2-core CI machine needs headroom.
    testTimeout: 20_000,
  },
});
