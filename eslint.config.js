// Lint: the recommended rules of ESLint and typescript-eslint over all our TypeScript.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The renderer runs in the window: it reaches the core only through the API, never Node itself,
  // and of db/ it imports the API contract alone (its types and pure values).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: '界面代码（renderer/）不能使用 Node 模块：请通过 API 调用后台。' },
            { group: ['better-sqlite3-multiple-ciphers', 'electron'], message: '界面代码（renderer/）只能通过 API 调用后台。' },
            {
              regex: '(^|/)db/(?!api/contract\\.ts$)',
              message: '界面代码（renderer/）只能从 db/ 引用接口约定 db/api/contract.ts：所需的类型和值请经由接口约定导出。',
            },
          ],
        },
      ],
    },
  },
);
