// Matchers such as toBeInTheDocument(), and unmounting after each component test (Testing
// Library only does that by itself when vitest runs with globals).
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
