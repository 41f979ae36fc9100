/**
 * Jest transformer for the few ESM-only packages hms-sys uses at run time
 * (@kubernetes/client-node 1.x and its openid-client, oauth4webapi, jose and
 * jsonpath-plus). Node 20.19+ loads them with require(esm); Jest 29's module
 * loader cannot, so their files are turned into CommonJS with esbuild, the
 * transpiler tsx already uses. None of them uses import.meta or top-level await,
 * the two ESM features CommonJS has no form for. Jest caches the output.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', target: 'node20', loader: 'js', sourcemap: true, sourcefile: filename });
    return { code, map };
  },
};
