// ESLint flat config: typescript-eslint (type-aware), react-hooks, Prettier, and the layer rules
// of the architecture (../shared/docs/architecture.md, "Layers, one direction").
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'dgram',
  'url',
  'util',
  'events',
  'stream',
  'worker_threads',
];

/** What every renderer may not import (the console and the board add each other). */
const rendererElectron = {
  name: 'electron',
  message: 'Renderers talk to the host through the preload bridge or WebSocket.',
};
const rendererPatterns = [
  {
    group: ['**/main/**', '**/preload/**'],
    message: 'The renderer never imports src/main or src/preload.',
  },
  { group: nodeModules, message: 'The renderer runs in a sandbox: no Node modules.' },
];

/** One renderer importing the other: what they share lives in src/renderer/shared. */
const otherRenderer = (other) => ({
  group: [`**/renderer/${other}/**`, `../${other}/**`, `../../${other}/**`, `../../../${other}/**`],
  message:
    'The console, the board and the commentator screen never import each other; share through src/renderer/shared.',
});

/** The clock and timers the host must not touch: time comes from its clock and scheduler. */
const hostTimers = 'error';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'resources/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['src/main/cli/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // The pure core: no platform, no clock, no randomness, so a journal replays the same forever.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'pixi.js', 'ws'].map((name) => ({
            name,
            message: 'src/shared is pure TypeScript: no platform or UI imports.',
          })),
          patterns: [
            { group: nodeModules, message: 'src/shared must not use Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'window',
        'document',
        'require',
        '__dirname',
        'setTimeout',
        'setInterval',
        'performance',
        'fetch',
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'The domain core never reads the clock: time comes from the host.',
        },
        { object: 'Math', property: 'random', message: 'The domain core never uses randomness.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain core never reads the clock.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [rendererElectron], patterns: rendererPatterns }],
    },
  },
  {
    files: ['src/renderer/console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [rendererElectron], patterns: [...rendererPatterns, otherRenderer('board')] },
      ],
    },
  },
  {
    // The commentator screen (issue 21) draws what the host pushes, like the board: what it
    // shares with the console lives in src/renderer/shared.
    files: ['src/renderer/commentator/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rendererElectron],
          patterns: [...rendererPatterns, otherRenderer('console'), otherRenderer('board')],
        },
      ],
    },
  },
  {
    files: ['src/renderer/board/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [rendererElectron], patterns: [...rendererPatterns, otherRenderer('console')] },
      ],
    },
  },
  {
    // Plain Node: the host, the servers, OSC, timing, results out and the CLI run without
    // Electron ("browser mode"), so only src/main/electron (the thin shell) and the entry that
    // starts it may touch it (architecture, "Layers"); a new folder of main is covered by default.
    files: ['src/main/**/*.{ts,mjs}'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src/main/electron imports Electron.' }],
          patterns: [
            {
              group: ['electron/*', '**/main/electron/**', '../electron/**', '../../electron/**'],
              message: 'Plain-Node main code never imports Electron or src/main/electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The host takes time from its clock and timers from its scheduler, so tests drive both.
    files: ['src/main/host/**/*.ts'],
    // data-lock.ts waits for a dying holder's socket to close at start-up, before any host
    // (and its scheduler) exists; it stamps host.lock for people, never for a decision.
    ignores: ['src/main/host/scheduler.ts', 'src/main/host/data-lock.ts'],
    rules: {
      'no-restricted-globals': [
        hostTimers,
        { name: 'setTimeout', message: 'The host schedules through scheduler.ts.' },
        { name: 'setInterval', message: 'The host schedules through scheduler.ts.' },
      ],
      'no-restricted-properties': [
        hostTimers,
        { object: 'Date', property: 'now', message: 'The host reads time from its clock.' },
      ],
      'no-restricted-syntax': [
        hostTimers,
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The host reads time from its clock.',
        },
      ],
    },
  },
  {
    // Files do one thing and stay small (architecture, "Style"). Tests are exempt: they mirror
    // src/ file by file, so a long suite follows its source, which this rule already splits.
    files: ['src/**/*.{ts,tsx,mjs}'],
    rules: { 'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.any / expect.stringMatching are typed any by vitest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
