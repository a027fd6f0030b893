// The app under test, in a process of its own so the load generator does not share its event loop.
// Started by app.js with the environment set; answers { id, cmd, args } messages over IPC.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

const commands = {
  /** Runs `fn` exported by a bench module inside the app process: `(app, args) => result` (JSON-serialisable). */
  runModule: (app, { file, fn, args }) => require(file)[fn](app, args),
  /** Tenant scoping on or off (the tenancy plugin refuses "off" in production). */
  setEnforced: (app, value) => {
    app.plugin('tenancy').service('tenant-context').setEnforced(Boolean(value));
    return app.plugin('tenancy').service('tenant-context').isEnforced();
  },
  /** Physical table, column and link-table names of the given content types. */
  metadata: (app, uids) =>
    Object.fromEntries(
      uids.map((uid) => {
        const meta = app.db.metadata.get(uid);
        const columns = {};
        const relations = {};
        for (const [name, attribute] of Object.entries(meta.attributes)) {
          if (attribute.joinTable) {
            const jt = attribute.joinTable;
            relations[name] = {
              target: attribute.target,
              table: jt.name,
              ownerColumn: jt.joinColumn.name,
              targetColumn: jt.inverseJoinColumn.name,
              orderColumn: jt.orderColumnName ?? null,
              inverseOrderColumn: jt.inverseOrderColumnName ?? null,
            };
          } else if (attribute.columnName) {
            columns[name] = attribute.columnName;
          }
        }
        return [uid, { tableName: meta.tableName, columns, relations }];
      })
    ),
  /**
   * Waits until no request is in flight (a load run that ends abandons its last requests, which the
   * app still finishes), then returns this process's CPU time (µs) and the requests it has answered.
   */
  idle: async () => {
    for (let waited = 0; http.active > 0 && waited < 60000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    const { user, system } = process.cpuUsage();
    return { cpuMicros: user + system, answered: http.answered, active: http.active };
  },
};

const http = { active: 0, answered: 0 };

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: process.env.BENCH_DIST_DIR, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  // Counts requests until the app has finished them, even when the client has gone: outermost Koa
  // middleware (Koa composes its middleware on the first request, so this is still in time).
  app.server.app.middleware.unshift(async (ctx, next) => {
    http.active++;
    try {
      await next();
    } finally {
      http.active--;
      http.answered++;
    }
  });
  // Listen without Strapi's startup banner.
  await new Promise((resolve, reject) => {
    app.server.mount();
    app.server.httpServer.once('error', reject);
    app.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve);
  });

  process.on('message', async ({ id, cmd, args }) => {
    if (cmd === 'stop') {
      await commands.idle();
      await app.destroy().catch(() => undefined);
      process.send({ id, result: true }, () => process.exit(0));
      return;
    }
    try {
      process.send({ id, result: await commands[cmd](app, args) });
    } catch (error) {
      process.send({ id, error: error.message });
    }
  });
  process.send({ ready: true, nodeEnv: process.env.NODE_ENV ?? null });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
