import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettierConfig from 'eslint-config-prettier';
import { LIB_LAYERS, forbiddenFor } from './scripts/lib/layers.mjs';

// lib/ is a stack of layers (scripts/lib/layers.mjs): a folder may not import a higher one.
const layerRules = LIB_LAYERS.flat().map((folder) => ({
  files: [`lib/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenFor(folder).map((up) => ({
            group: [`../${up}/*`, `../../${up}/*`],
            message: `lib/${folder} sits below lib/${up} (scripts/lib/layers.mjs).`,
          })),
          { group: ['**/components/*', '**/entrypoints/*', 'react', 'react-dom'], message: 'lib/ is framework-free.' },
          ...(folder === 'platform'
            ? []
            : [
                {
                  group: ['wxt/*', 'wxt', '@wxt-dev/*', 'webextension-polyfill'],
                  message: 'Browser APIs only through lib/platform.',
                },
              ]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'dist/',
      'demo-site/',
      'test/fixtures/site/',
      'coverage/',
      '.demo-out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  ...layerRules,
  // Type-aware rules for the product code (not tests, which read untyped JSON on purpose).
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({
    ...c,
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
  })),
  {
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Our string-table hooks return plain arrow functions typed as methods ({ t(key): string }): destructuring
      // them is safe, and this rule would flag every component.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Firefox content scripts see DOM objects through Xray wrappers: the iterators these return cannot
    // be looped over there, and Array.from of them is [] (a silent failure). Loop over the object itself.
    files: ['lib/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(values|entries|keys)$/][callee.object.property.name=/^(searchParams|headers|classList)$/]',
          message: 'Not iterable in Firefox content scripts: loop over the object itself, or use forEach.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(values|entries|keys)$/][callee.object.type='NewExpression'][callee.object.callee.name=/^(URLSearchParams|Headers|FormData)$/]",
          message: 'Not iterable in Firefox content scripts: loop over the object itself, or use forEach.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Long functions become named steps with plain data in and out (issue 15). React components are left out:
  // their length is mostly markup.
  {
    files: ['lib/**/*.ts', 'entrypoints/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  // Formatting is Prettier's (.prettierrc.json); this turns off the stylistic rules it owns.
  prettierConfig,
);
