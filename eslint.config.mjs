// Lint rules that guard the architecture, not style.
import tseslint from 'typescript-eslint';

const PROVIDER_ROOTS = ['aws', 'azurerm', 'kubernetes', 'tfe'].map((p) => `@cdktf/provider-${p}`);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'cdktf.out/**', '.gen/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A provider package root loads every resource class: 2.8 s and 800 MB to
      // type-check against 0.2 s for a deep import. Import `@cdktf/provider-aws/lib/<resource>`.
      'no-restricted-imports': ['error', {
        paths: PROVIDER_ROOTS.map((name) => ({
          name,
          message: `Import the resource by deep path, e.g. '${name}/lib/<resource>': the package root loads every resource.`,
        })),
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests walk synthesized Terraform JSON, whose shape is the provider's, not ours.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
