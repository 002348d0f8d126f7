// Jest transformer for the few ES-module-only packages in node_modules (matrix-js-sdk): jest 29
// runs the tests as CommonJS and cannot `require` an ES module, so esbuild (a devDependency
// already, for the tab's bundle) rewrites their `import`/`export` to `require`/`exports`.
// Node 20.19+ itself loads them with require() (the built server needs nothing of this).
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { version } = require('esbuild/package.json');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcemap: true, sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(`esmToCjs:${version}:${filename}:`).update(source).digest('hex');
  },
};
