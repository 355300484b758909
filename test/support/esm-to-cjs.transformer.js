/**
 * Jest transformer for the ESM-only packages of node_modules (every @nestjs/* package since Nest 12, mailparser,
 * smtp-server…). Jest on Node 20 cannot require(esm), so files whose package says "type": "module" are compiled to
 * CommonJS by Babel; every other file passes through untouched.
 */
const fs = require('node:fs');
const path = require('node:path');
const babelJest = require('babel-jest').default;

// `const require = createRequire(import.meta.url)` is how ESM reaches CommonJS; once compiled to CommonJS the
// module's own `require` does that job, and keeping the declaration would shadow it.
function dropCreateRequire() {
  return {
    visitor: {
      VariableDeclarator(p) {
        const { id, init } = p.node;
        if (
          id.type === 'Identifier' &&
          id.name === 'require' &&
          init?.type === 'CallExpression' &&
          init.callee.type === 'Identifier' &&
          init.callee.name === 'createRequire'
        ) {
          p.remove();
        }
      },
    },
  };
}

const isEsm = (file) => file.endsWith('.mjs') || (file.endsWith('.js') && packageType(path.dirname(file)) === 'module');

/**
 * How an `import x from '…'` reads its module once compiled. A CommonJS package: its whole `module.exports`, as Node
 * does ('node'). A file this transformer compiled too (an ESM package importing its own files, or another ESM-only
 * package, e.g. @pdfme/pdf-lib → color → color-convert): its `default` export ('babel', keyed on `__esModule`).
 */
function interop(specifier, requester) {
  if (specifier.startsWith('.')) return 'babel';
  try {
    return isEsm(require.resolve(specifier, { paths: [path.dirname(requester ?? process.cwd() + '/x')] })) ? 'babel' : 'node';
  } catch {
    return 'node';
  }
}

const babel = babelJest.createTransformer({
  babelrc: false,
  configFile: false,
  sourceMaps: 'inline',
  plugins: [
    dropCreateRequire,
    'babel-plugin-transform-import-meta',
    // `await import(pkg)` (Nest's optional packages) becomes a require through Jest's module registry.
    '@babel/plugin-transform-dynamic-import',
    ['@babel/plugin-transform-modules-commonjs', { importInterop: interop }],
  ],
});

const packageTypes = new Map();
function packageType(dir) {
  if (!packageTypes.has(dir)) {
    const manifest = path.join(dir, 'package.json');
    const parent = path.dirname(dir);
    let type = 'commonjs';
    if (fs.existsSync(manifest)) type = JSON.parse(fs.readFileSync(manifest, 'utf8')).type ?? 'commonjs';
    else if (parent !== dir) type = packageType(parent);
    packageTypes.set(dir, type);
  }
  return packageTypes.get(dir);
}

module.exports = {
  canInstrument: false,
  getCacheKey: (src, file, options) => `interop-2:${isEsm(file) ? 'esm' : 'cjs'}:${babel.getCacheKey(src, file, options)}`,
  process: (src, file, options) => (isEsm(file) ? babel.process(src, file, options) : { code: src }),
};
