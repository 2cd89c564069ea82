// @ts-check
/**
 * Lint: typescript-eslint's type-aware recommended rules, React's hooks rules, no `any`, and
 * the import direction of STYLE.md held by `no-restricted-imports` (one block per layer below).
 * `npm run lint` allows no warnings.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every folder of src/ that holds code, so each layer can list what it may not import. */
const LAYERS = /** @type {const} */ ([
  'protocol',
  'engine',
  'worker',
  'host',
  'trace',
  'share',
  'i18n',
  'examples',
  'hooks',
  'store',
  'editor',
  'timeline',
  'panels',
  'export',
  'compare',
  'breakpoints',
  'predict',
  'app',
  'embed',
  'offline',
]);

/** The folders of views: each may import store, trace, protocol, i18n and share, never another view. */
const VIEWS = ['editor', 'timeline', 'panels', 'export', 'compare', 'breakpoints', 'predict'];

/**
 * A `no-restricted-imports` rule forbidding relative imports that climb out of the current
 * folder into any of `forbidden` (e.g. `../store/playbackSlice`, `../../panels`).
 * @param {readonly string[]} forbidden folder names under src/
 * @param {string} why the message shown on a violation
 * @param {readonly string[]} [packages] npm packages this layer must not use either
 * @param {readonly string[]} [typesOnly] folders this layer may import types from, and nothing else
 */
function importsOnlyInward(forbidden, why, packages = [], typesOnly = []) {
  const climbsInto = (/** @type {readonly string[]} */ folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: packages.map((name) => ({ name, message: why })),
        patterns: [
          ...(forbidden.length === 0 ? [] : [{ regex: climbsInto(forbidden), message: why }]),
          ...packages.map((name) => ({ group: [`${name}/*`], message: why })),
        ],
      },
    ],
    // typescript-eslint's variant knows `import type`: these folders lend their types, not their code.
    ...(typesOnly.length === 0
      ? {}
      : {
          '@typescript-eslint/no-restricted-imports': [
            'error',
            { patterns: [{ regex: climbsInto(typesOnly), message: why, allowTypeImports: true }] },
          ],
        }),
  };
}

/** LAYERS minus the ones a layer is allowed to import (and itself). */
const allBut = (/** @type {readonly string[]} */ ...allowed) =>
  LAYERS.filter((layer) => !allowed.includes(layer));

/** UI and browser-bundle packages the pure core and the engine must not pull in. */
const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'd3', 'monaco-editor', '@monaco-editor/react'];

export default defineConfig([
  globalIgnores([
    'dist/',
    'node_modules/',
    'playwright-report/',
    'test-results/',
    'public/',
    'src/engine/python/',
    // Local experiments, never committed (see .gitignore).
    'scratch/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Finds each file's tsconfig project (app, test or node) through tsconfig.json's references.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // `onClick={async () => ...}` is fine in React: the returned promise is ignored on purpose.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `never` in a template is the defensive branch of an exhaustive check (a trace from a
      // newer engine, an unknown message): its runtime message is worth having.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowNever: true }],
      eqeqeq: ['error', 'always'],
    },
  },

  // Plain JS (bin/, bench runner, this file): no type information, Node globals.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // React code.
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // The import direction (STYLE.md): imports point inward, views never import each other.
  // Tests may reach across layers to set things up, so they are exempt.
  ...[
    {
      layer: 'protocol',
      forbidden: allBut('protocol'),
      why: 'src/protocol is the shared contract: it imports nothing of ours.',
      packages: UI_PACKAGES,
    },
    {
      layer: 'trace',
      forbidden: allBut('trace', 'protocol'),
      why: 'src/trace is pure and says facts, not words: it imports only src/protocol (src/i18n renders its facts).',
      packages: UI_PACKAGES,
    },
    {
      layer: 'share',
      forbidden: allBut('share', 'protocol', 'i18n'),
      why: 'src/share is pure: it imports only src/protocol (and src/i18n for the Lang type).',
      packages: UI_PACKAGES,
    },
    {
      layer: 'i18n',
      forbidden: allBut('i18n', 'protocol', 'trace', 'export'),
      typesOnly: ['trace', 'export'],
      why: "src/i18n makes the words: it imports src/protocol, and the types of src/trace's and src/export's facts (import type), no code.",
      packages: UI_PACKAGES,
    },
    {
      layer: 'examples',
      forbidden: allBut('examples', 'protocol', 'i18n'),
      why: 'src/examples is data: it imports only src/protocol and src/i18n.',
      packages: UI_PACKAGES,
    },
    {
      layer: 'hooks',
      forbidden: allBut('hooks'),
      why: 'src/hooks holds the React hooks views share (they may not import each other): it imports nothing of ours.',
      packages: UI_PACKAGES.filter((name) => name !== 'react'),
    },
    {
      layer: 'engine',
      forbidden: allBut('engine', 'protocol'),
      why: 'src/engine runs in the worker and in Node: it imports only src/protocol.',
      packages: UI_PACKAGES,
    },
    {
      layer: 'worker',
      forbidden: allBut('worker', 'engine', 'protocol'),
      why: 'src/worker is a thin shell around the engine: it imports only src/engine and src/protocol.',
      packages: UI_PACKAGES,
    },
    {
      layer: 'host',
      forbidden: allBut('host', 'protocol', 'trace'),
      why: 'src/host runs the engine\'s worker for the page: it imports only src/protocol and src/trace (for partial traces).',
      packages: UI_PACKAGES,
    },
    {
      layer: 'offline',
      forbidden: allBut('offline'),
      why: 'src/offline is the service worker: a separate bundle that imports only Workbox and its own files.',
      packages: UI_PACKAGES,
    },
    {
      layer: 'store',
      forbidden: ['engine', 'worker', ...VIEWS, 'app', 'embed'],
      why: 'src/store sits under the views: it must not import them (nor the engine, which lives in the worker; it hears the engine through src/host).',
      packages: [],
    },
    ...VIEWS.map((view) => ({
      layer: view,
      forbidden: ['engine', 'worker', 'host', 'app', 'embed', ...VIEWS.filter((v) => v !== view)],
      why: 'Views (editor, timeline, panels, export, compare, breakpoints, predict) import store, trace, protocol, i18n, share and hooks, never each other.',
      packages: [],
    })),
    {
      layer: 'app',
      forbidden: ['engine'],
      why: 'The engine runs in the worker: the app starts it through src/host and talks to it through the store, never by import.',
      packages: [],
    },
    {
      // The embed is a second shell (an iframe's compact layout): it lays views out as src/app does.
      layer: 'embed',
      forbidden: ['engine'],
      why: 'The engine runs in the worker: the embed starts it through src/host and talks to it through the store, never by import.',
      packages: [],
    },
  ].map(({ layer, forbidden, why, packages, typesOnly }) => ({
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    // Tests and their helpers (a layer's testing/ folder) may reach across layers for fakes.
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/*/testing/**'],
    rules: importsOnlyInward(forbidden, why, packages, typesOnly),
  })),

  // The headless CLI runs the engine in Node: no browser views or store.
  {
    files: ['cli/**/*.ts', 'bin/**/*.mjs'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // src/host/watchdog.ts is the one part of the page's host both hosts share.
              regex: '^(\\.\\./)+src/(store|editor|timeline|panels|app|worker|host(?!/watchdog$))(/|$)',
              message: 'The CLI runs in Node: it may use src/engine, src/trace, src/protocol, src/i18n and src/host/watchdog, not the browser UI.',
            },
          ],
        },
      ],
    },
  },

  // Node-side code: tests, e2e, CLI, benchmarks, the Vite plugin and the configs.
  {
    files: ['test/**', 'e2e/**', 'cli/**', 'bench/**', 'vite/**', '*.config.ts', 'src/**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },
]);
