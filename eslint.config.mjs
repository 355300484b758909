// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'var/', 'coverage/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The web front-end reaches the API through its generated client only (web/src/commun/api.ts, openapi-fetch):
    // no hand-written request, so every call is checked against the contract.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Appelez l’API par le client généré (web/src/commun/api.ts : $api, api), jamais fetch().' },
        { name: 'XMLHttpRequest', message: 'Appelez l’API par le client généré (web/src/commun/api.ts).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'fetch', message: 'Appelez l’API par le client généré (web/src/commun/api.ts).' },
        { object: 'globalThis', property: 'fetch', message: 'Appelez l’API par le client généré (web/src/commun/api.ts).' },
        { object: 'self', property: 'fetch', message: 'Appelez l’API par le client généré (web/src/commun/api.ts).' },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
