// Type-aware linting. The import restrictions enforce the architecture's invariants
// (see ARCHITECTURE.md): only server/src/yaml imports `yaml`; only the LSP layer imports
// vscode-languageserver; the engine and the rules are pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noLsp = { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'Only server/src/handlers and startServer.ts speak LSP.' };
const noYaml = { name: 'yaml', message: 'Only server/src/yaml imports the yaml package.' };
const noVscode = { name: 'vscode', message: 'Only the client imports vscode.' };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', 'test/fixtures/**', '**/*.js', 'test/e2e/workspace*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/handlers/**', 'server/src/startServer.ts', 'server/src/main.ts', 'server/src/yaml/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noYaml, noVscode], patterns: [noLsp] }], 'no-console': 'error' },
  },
  {
    files: ['server/src/handlers/**', 'server/src/startServer.ts', 'server/src/main.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noYaml, noVscode] }], 'no-console': 'error' },
  },
  {
    files: ['server/src/yaml/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noLsp] }] },
  },
  {
    files: ['server/src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noYaml, noVscode], patterns: [noLsp] }], 'no-console': 'off' },
  },
  {
    files: ['shared/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noYaml, noVscode, { name: 'node:fs' }, { name: 'fs' }], patterns: [noLsp] }] },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noYaml], patterns: [{ group: ['**/server/src/**'], message: 'The client talks to the server over LSP only.' }] }] },
  },
  {
    // Plain JavaScript build scripts: no types to be unsafe about.
    files: ['**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
