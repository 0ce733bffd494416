import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Apps Script's V8 has none of these; code under src/ runs there (tests beside it run in Node).
const notInAppsScript = [
  'process',
  'setTimeout',
  'setInterval',
  'fetch',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'require',
  'Buffer',
].map((name) => ({ name, message: `${name} does not exist in the Apps Script V8 runtime.` }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-artifacts/', 'out/', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...notInAppsScript],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'PropertyDefinition[static=true]',
          message: 'Static class fields: avoid in Apps Script.',
        },
        { selector: 'PrivateIdentifier', message: 'Private #fields: avoid in Apps Script.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
