import { accessSync, constants } from 'node:fs';
import { CHROMIUM } from '../../playwright.config';

/** No Chromium, no end-to-end tests: fail loudly rather than skip. */
export default function globalSetup() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH. The end-to-end tests never download a browser.`,
    );
  }
}
