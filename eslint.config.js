// ESLint (flat config) with typescript-eslint's recommended rules, without type information (fast
// on 2 cores). `npm run lint` runs it and the import-circle check; formatting is prettier's job
// (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'coverage/', 'temp/', 'node_modules/', '.bench-data/', 'out/', 'orgraph-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        AbortSignal: 'readonly',
        AbortController: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        globalThis: 'readonly',
      },
    },
    rules: {
      // Unused names are errors, except those starting with _ (deliberately ignored arguments).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Non-null assertions are used where an index was just checked (hot loops); allowed.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // No code from strings anywhere (issue 12): new Function / eval are errors.
      'no-new-func': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // A test may evaluate generated script text to check what a browser would read.
    files: ['test/**/*.ts'],
    rules: { 'no-new-func': 'off' },
  },
);
