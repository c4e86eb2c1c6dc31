// Flat config. The import fences keep the layering honest: core is pure (only `yaml`), cli and server never touch
// vscode, and nothing reaches into another layer's internals.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'process', 'util', 'crypto', 'stream', 'events', 'url', 'http', 'https', 'net', 'buffer', 'readline', 'worker_threads', 'zlib'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.artifacts/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!yaml$|\\.{1,2}/).*', message: 'core/ is pure: it may import only `yaml` and its own files.' },
          { regex: '(^|/)(cli|server|client|protocol|test)/', message: 'core/ may not import the layers above it.' },
        ],
        paths: nodeBuiltins.map((name) => ({ name, message: 'core/ may not use Node built-ins.' })),
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', 'setTimeout'],
    },
  },
  {
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!vscode-languageserver-protocol$|vscode-jsonrpc$)(?!\\.{1,2}/)', message: 'protocol/ holds only types and method names: it may import the LSP protocol package.' }],
      }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^vscode$', message: 'the server must not depend on VS Code (it runs standalone over stdio).' },
          { regex: '^vscode-languageclient', message: 'the server does not use the client library.' },
          { regex: '(^|/)(client|cli)/', message: 'the server uses core and protocol only.' },
        ],
      }],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '(^|/)(server|cli|core)/', message: 'the client talks to the server over LSP (protocol/) and never imports server or core internals.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^(sendRequest|sendNotification|onRequest|onNotification)$/][arguments.0.type='Identifier']",
        message: "protocol/'s type objects and the language client come from different bundles: use sendTyped/onTypedNotification (typed-messages.ts).",
      }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^vscode', message: 'the CLI must not depend on VS Code.' },
          { regex: '^\\.\\./\\.\\./(server|client)/', message: 'the CLI uses core only.' },
        ],
      }],
    },
  },
);
