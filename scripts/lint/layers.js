/**
 * The layers of src/, top to bottom: a folder may import from the folders below it, never from
 * one above (README, "How the code is laid out"). ESLint enforces it (import-x's
 * no-restricted-paths resolves each import to the file it names); tests/lint/layers.test.ts proves
 * that a deliberate upward import fails.
 *
 *   ui -> lessons -> world -> browser -> server -> django -> python
 *   conformance (the replay tool): browser, server, django, python
 */
const ORDER = ['ui', 'lessons', 'world', 'browser', 'server', 'django', 'python'];

/** Folder -> the folders it must not import from. */
export const FORBIDDEN = Object.fromEntries([
  ...ORDER.map((layer, i) => [layer, [...ORDER.slice(0, i), 'conformance']]),
  ['conformance', ['ui', 'lessons', 'world']],
]);

const zones = Object.entries(FORBIDDEN).map(([layer, above]) => ({
  target: `./src/${layer}`,
  from: above.map((folder) => `./src/${folder}`),
  message: `src/${layer} may not import from src/${above.join(', src/')}: layers point down (README, "How the code is laid out").`,
}));

// Below the UI nothing renders; in Django's port nothing knows how requests arrive.
const UI_PACKAGES = ['react', 'react-dom', 'react-dom/client', 'react-i18next', 'i18next'];
const packageRule = (folders, names, why) => ({
  files: folders.map((f) => `src/${f}/**/*.{ts,tsx}`),
  rules: {
    'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message: why })) }],
  },
});

export const layerRules = [
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  packageRule(
    ['lessons', 'world', 'browser', 'server', 'conformance'],
    UI_PACKAGES,
    'Only src/ui renders: below it, no React and no i18next.',
  ),
  // Inside the port, as in Django: the framework (core, http, utils, ...) knows nothing of the
  // contrib apps built on it. A type may be named (HttpRequest.session is typed, where Django's
  // middleware sets the attribute at run time), a value may not.
  {
    files: ['src/django/**/*.ts'],
    ignores: ['src/django/contrib/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/contrib', '**/contrib/**'],
              allowTypeImports: true,
              message: 'Django itself does not import django.contrib: contrib apps build on it.',
            },
          ],
        },
      ],
    },
  },
  packageRule(
    ['django', 'python'],
    [...UI_PACKAGES, 'msw', 'msw/browser', 'msw/node'],
    'The port of Django knows nothing of the UI or of MSW.',
  ),
];
