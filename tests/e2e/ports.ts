/**
 * Where the e2e suite serves its two builds. E2E_PORT lets two checkouts run their suites side by
 * side; the domain-root build takes the next port.
 */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const ROOT_PORT = PORT + 1;
/** The offline and update tests' own static hosts (tests/e2e/offline.spec.ts). */
export const OFFLINE_PORT = PORT + 2;
export const UPDATE_PORT = PORT + 3;
