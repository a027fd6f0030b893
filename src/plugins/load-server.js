'use strict';

/**
 * Route B plugin loading (see README, "How our plugins load").
 *
 * Strapi only loads a `.js` server entry. Our plugins are TypeScript, compiled by the app's own `tsc`
 * into `<distDir>/src/plugins/<name>/server/src`. Each plugin's `strapi-server.js` calls this with its
 * folder, and we require the compiled code from whatever dist dir this Strapi instance runs from
 * (`dist/` for develop/start, a private out dir for the test harness).
 */
const path = require('path');

module.exports = function loadServer(pluginDir) {
  const strapi = global.strapi;
  if (!strapi) throw new Error(`Plugin at ${pluginDir} must be loaded by Strapi`);
  const relative = path.relative(strapi.dirs.app.root, pluginDir);
  const entry = path.join(strapi.dirs.dist.root, relative, 'server', 'src');
  // eslint-disable-next-line import/no-dynamic-require, global-require
  const mod = require(entry);
  return mod.default ?? mod;
};
