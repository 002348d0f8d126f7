// Jest transformer for the few ES-module-only packages in node_modules (matrix-js-sdk): jest 29
// runs the tests as CommonJS and cannot `require` an ES module, so esbuild (a devDependency
// already, for the tab's bundle) rewrites their `import`/`export` to `require`/`exports`.
// `import()` becomes `require()` too: jest's sandbox has no dynamic import without
// --experimental-vm-modules (matrix-js-sdk loads its Rust crypto that way). Node 20.19+ itself
// loads these packages with require() (the built server needs nothing of this).
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { version } = require('esbuild/package.json');
const self = readFileSync(__filename);

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', supported: { 'dynamic-import': false }, sourcemap: true, sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(self).update(`:${version}:${filename}:`).update(source).digest('hex');
  },
};
