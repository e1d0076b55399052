// Matchers such as toBeInTheDocument() for the component tests (harmless in Node tests).
import '@testing-library/jest-dom/vitest';
