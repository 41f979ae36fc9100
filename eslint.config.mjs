// Lint rules that guard the architecture, not style.
import tseslint from 'typescript-eslint';

const PROVIDER_ROOTS = ['aws', 'azurerm', 'kubernetes', 'tfe'].map((p) => `@cdktf/provider-${p}`);
const PROVIDER_ROOT_PATHS = PROVIDER_ROOTS.map((name) => ({
  name,
  message: `Import the resource by deep path, e.g. '${name}/lib/<resource>': the package root loads every resource.`,
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cdktf.out/**', '.gen/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A provider package root loads every resource class: 2.8 s and 800 MB to
      // type-check against 0.2 s for a deep import. Import `@cdktf/provider-aws/lib/<resource>`.
      'no-restricted-imports': ['error', { paths: PROVIDER_ROOT_PATHS }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // main.ts loads the commands; a command (or its help) importing main makes a cycle, and would load
    // every command's dependencies to print one usage line. A command's usage is in lib/cli/help/<command>.ts.
    files: ['lib/cli/commands/**/*.ts', 'lib/cli/help/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: PROVIDER_ROOT_PATHS,
        patterns: [{ regex: '(^|/)cli/main$|^\\.\\./main$', message: 'main.ts loads the commands: read a usage from lib/cli/help/<command>.ts instead of importing main.' }],
      }],
    },
  },
  {
    // Tests walk synthesized Terraform JSON, whose shape is the provider's, not ours.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
