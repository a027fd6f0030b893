import fs from 'node:fs';

export default async function globalTeardown() {
  const pg = globalThis.__IGNY8_PG__;
  if (pg) {
    await pg.pg.stop().catch(() => undefined);
    fs.rmSync(pg.dataDir, { recursive: true, force: true });
  }
  await globalThis.__IGNY8_REDIS__?.stop();
}
