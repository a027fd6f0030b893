import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface Launched {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process printed so far (for failure messages). */
  output: () => string;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; removes the temp dir. */
  stop: (graceMs?: number) => Promise<void>;
}

export interface LaunchArgs {
  /** A script under scripts/ (develop.js, start.js) run with node. */
  script: string;
  args?: string[];
  env?: Record<string, string>;
}

const INHERITED_TEST_SETTINGS = [
  'DATABASE_URL', 'NODE_ENV', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'SEED_DEMO_DATA', 'CRON_ENABLED', 'RUN_WORKERS_IN_PROCESS',
  'TEST_SERVER_URL', 'TEST_TEMPLATE_DB', 'TEST_DIST_DIR',
];

const live = new Set<number>();
// Last resort when jest exits with a process still up (a failed beforeAll, a crash): kill its group.
process.on('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/**
 * Starts one of our launch scripts the way a user would, on a free port with its own embedded
 * PostgreSQL in a temp dir (a fresh database), in its own process group so that stop() reaches
 * Strapi, its develop workers and the PostgreSQL server it started.
 */
export const launch = async ({ script, args = [], env = {} }: LaunchArgs): Promise<Launched> => {
  const port = await freePort();
  const pgPort = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'igny8-e2e-'));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    EMBEDDED_PG_DIR: path.join(tmp, 'pg'),
    QUEUE_PREFIX: `igny8e2e${port}`,
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...env,
  };
  // Run as a user would: none of the settings the api project's global setup put into this process
  // (no demo data, no first admin, NODE_ENV=test, a test database), unless `env` sets them again.
  for (const name of INHERITED_TEST_SETTINGS) if (!(name in env)) delete childEnv[name];
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child.pid!);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* group already gone */
    }
  };

  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop(graceMs = 10000) {
      if (child.exitCode === null && child.signalCode === null) {
        signal('SIGTERM');
        const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
        await Promise.race([exited, timer]);
      }
      // Whatever is left of the group (PostgreSQL, a develop worker) goes now.
      signal('SIGKILL');
      live.delete(child.pid!);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
};

/** Polls GET /api/health until it answers 200; fails early, with the process output, if it exits. */
export const waitForHealth = async (app: Launched, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      throw new Error(`process exited (${app.child.exitCode ?? app.child.signalCode}) before it was healthy:\n${app.output()}`);
    }
    try {
      const res = await fetch(`${app.baseUrl}/api/health`);
      if (res.status === 200) return (await res.json()) as { status: string };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${app.output()}`);
};

export const http = async (app: Launched, method: string, url: string, { token, body, headers }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
  const res = await fetch(`${app.baseUrl}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, body: json, text };
};

export const adminLogin = async (app: Launched, email: string, password: string) => {
  const res = await http(app, 'POST', '/admin/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${res.text}`);
  return res.body.data.token as string;
};

/**
 * Each of our plugins answers its routes as registered: anonymous calls are refused (401/403), never
 * 404. A route that does not exist is the control: it must 404, or the check proves nothing.
 */
export const anonymousPluginRoutes = [
  ['GET', '/api/tenancy/account'],
  ['GET', '/api/tenancy/api-keys'],
  ['POST', '/api/soft-delete/keywords/x/restore'],
  ['GET', '/queue/status'],
  ['GET', '/staff/navigation'],
  ['GET', '/api/billing/packages'],
  ['GET', '/billing/payments'],
  ['POST', '/billing/payments/bulk'],
  ['POST', '/credits/accounts/1/adjustments'],
  ['POST', '/soft-delete/api::keyword.keyword/x/restore'],
  ['GET', '/monitoring/health'],
  ['GET', '/monitoring/widgets/accounts'],
  ['GET', '/monitoring/debug'],
  ['POST', '/api/ai/runs'],
  ['GET', '/ai/runs'],
  ['GET', '/bulk-actions/runs'],
  ['POST', '/bulk-actions/run'],
  ['GET', '/audit/entries'],
] as const;
