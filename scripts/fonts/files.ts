/**
 * The Bangla font files (src/ui/styles.css names them too): Noto Sans Bengali as a whole
 * (make-bengali-font.sh), for what students type, and the app's cut of it (make-app-font.ts),
 * which a Bangla page waits for. Kept apart from banglaText.ts so that the build reads these
 * names without loading HarfBuzz.
 */
export const WHOLE_FONT = 'src/ui/fonts/noto-sans-bengali.woff2';
export const APP_FONT = 'src/ui/fonts/noto-sans-bengali-app.woff2';
