// Loads a TypeScript helper from tests/helpers (a fake outside service) into the bench, transpiled by
// @swc/core the way jest does: the bench uses the very fakes the tests use.
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const tsRequire = (file) => {
  const { code } = transformSync(fs.readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(require('node:path').dirname(file));
  mod._compile(code, file);
  return mod.exports;
};

module.exports = { tsRequire };
