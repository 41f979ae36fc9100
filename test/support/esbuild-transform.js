/**
 * Jest transformer, with esbuild (the transpiler tsx already uses):
 * - TypeScript files (ours) are transpiled to CommonJS. Jest only transpiles and
 *   never type-checks: `npm run typecheck` does that once for the whole tree.
 *   esbuild transpiles the tree in a fortieth of the time TypeScript's own
 *   transpiler (ts-jest) takes, which a fresh clone (CI) pays on every run.
 * - The few ESM-only packages hms-sys uses at run time (@kubernetes/client-node
 *   1.x and its openid-client, oauth4webapi, jose and jsonpath-plus) are turned
 *   into CommonJS. Node 20.19+ loads them with require(esm); Jest 29's module
 *   loader cannot. None of them uses import.meta or top-level await, the two ESM
 *   features CommonJS has no form for.
 * Jest caches the output.
 */
const { transformSync } = require('esbuild');

// As tsconfig.json's target ES2022 implies for tsc: class fields are defined, not assigned.
const TSCONFIG = { compilerOptions: { useDefineForClassFields: true } };

module.exports = {
  process(source, filename) {
    const ts = filename.endsWith('.ts');
    const { code, map } = transformSync(source, {
      format: 'cjs',
      target: 'node20',
      loader: ts ? 'ts' : 'js',
      sourcemap: true,
      sourcefile: filename,
      // Jest's CommonJS runtime cannot run a native import() (it needs --experimental-vm-modules):
      // esbuild turns it into a require, as ts-jest did.
      supported: { 'dynamic-import': false },
      ...(ts ? { tsconfigRaw: TSCONFIG } : {}),
    });
    return { code, map };
  },
};
