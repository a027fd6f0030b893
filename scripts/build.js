// `npm run build`: `strapi build` (admin panel + compiled app in dist/). Strapi loads the app's config
// to build, and the config requires the secrets and a DATABASE_URL: a fresh clone gets its .env here as
// under develop/start (no secret ends up in the build), and the build never connects to the database,
// so a placeholder URL does when none is set.
import('./lib/services.mjs').then(({ ensureSecrets, ROOT }) => {
  ensureSecrets();
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(`${ROOT}/node_modules/.bin/strapi`, ['build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: ROOT,
    env: { DATABASE_URL: 'postgres://build@127.0.0.1:1/unused', ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  process.exit(result.status ?? 1);
});
