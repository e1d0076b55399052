/**
 * Where the e2e suite serves its two builds. E2E_PORT lets two suites run side by side (two
 * checkouts, or one file rerun while the whole suite runs): the domain-root build takes the next
 * port, and each port has its own build folder, so one suite never rebuilds under the other.
 */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const ROOT_PORT = PORT + 1;
/** The offline and update tests' own static hosts (tests/e2e/offline.spec.ts). */
export const OFFLINE_PORT = PORT + 2;
export const UPDATE_PORT = PORT + 3;
/** The builds this suite serves and writes: dist-e2e/<port>/{sub,root,offline}. */
export const DIST = `dist-e2e/${PORT}`;
