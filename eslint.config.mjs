import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layersPlugin } from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.next/', '.next-*/', 'next-env.d.ts', '.cache/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, perimeter: layersPlugin },
    rules: {
      'perimeter/layers': 'error',
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'bin/*'],
    languageOptions: { globals: { process: 'readonly', require: 'readonly', module: 'writable', console: 'readonly', __dirname: 'readonly' } },
  },
  // CommonJS files (bin/perimeter, scripts/*.cjs) load modules with require().
  { files: ['**/*.cjs', 'bin/*'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['cli/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
