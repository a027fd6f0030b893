// `npm run develop`: the whole product on one machine with demo data. Starts an embedded PostgreSQL
// (unless DATABASE_URL is set) and Redis if needed, then `strapi develop` with the job workers in-process.
import('./lib/services.mjs').then(({ runWithServices, ROOT }) =>
  runWithServices(`${ROOT}/node_modules/.bin/strapi`, ['develop', ...process.argv.slice(2)], {
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
    RUN_WORKERS_IN_PROCESS: process.env.RUN_WORKERS_IN_PROCESS ?? 'true',
    ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@igny8.local',
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'Igny8-Admin-2026',
    STRAPI_TELEMETRY_DISABLED: 'true',
  })
);
