import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'docs/api/**', 'storybook-static/**', 'stories/public/**', 'packages/widgets/custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Personal data must never reach the console; tools and scripts print through console.error/info.
      'no-console': ['error', { allow: ['error', 'warn', 'info'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CatchClause[body.body.length=0]", message: 'Never swallow an error: handle it or rethrow it.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'No innerHTML: render with lit templates.' },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'No unsafeHTML with data.' }] }],
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'stories/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['scripts/**', '**/cli.ts', '**/*.config.mjs', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
