// `npm run worker`: the job processors without the HTTP server (same code and config as the API), so
// workers scale on their own. SIGTERM/SIGINT stop taking jobs, finish the active ones, then exit.
const path = require('node:path');

const main = async () => {
  const { prepareRuntime, ROOT } = await import('./lib/services.mjs');
  const stopServices = await prepareRuntime();
  const { createStrapi } = require('@strapi/strapi');
  const distDir = process.env.STRAPI_DIST_DIR ?? path.join(ROOT, 'dist');
  const app = createStrapi({ appDir: ROOT, distDir, autoReload: false, serveAdminPanel: false });
  await app.load();
  app.plugin('queue').service('queues').startWorkers();
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`[worker] ${signal}: finishing active jobs`);
    await app.destroy();
    await stopServices();
    process.exit(0);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
