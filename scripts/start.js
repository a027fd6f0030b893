// `npm start`: the built app (run `npm run build` first). Workers run separately (`npm run worker`)
// unless RUN_WORKERS_IN_PROCESS=true.
import('./lib/services.mjs').then(({ runWithServices, ROOT }) =>
  runWithServices(`${ROOT}/node_modules/.bin/strapi`, ['start'], { STRAPI_TELEMETRY_DISABLED: 'true' })
);
