import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './processes';

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  isAlive: () => boolean;
  /** SIGKILL: the process dies mid-job, without releasing anything (locks, leases, holds). */
  kill: () => Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
}

const live = new Set<number>();
process.on('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
});

/**
 * `npm run worker` (scripts/worker.js) as its own process, as in production: a real Strapi without the
 * HTTP server, on the test app's database (`databaseUrl`) and the given Redis, running the processors.
 * Resolves once the worker logged that its processors run.
 */
export const startWorkerProcess = async ({ databaseUrl, redisUrl, queuePrefix, env = {}, timeoutMs = 90_000 }: { databaseUrl: string; redisUrl: string; queuePrefix: string; env?: Record<string, string>; timeoutMs?: number }): Promise<WorkerProcess> => {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'worker.js')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      STRAPI_DIST_DIR: process.env.TEST_DIST_DIR,
      RUN_WORKERS_IN_PROCESS: 'false',
      QUEUE_PREFIX: queuePrefix,
      ...env,
    },
  });
  const pid = child.pid!;
  live.add(pid);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not running after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20000);
      if (output.includes('[queue] workers running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code ?? signal}) before it ran:\n${output}`));
    });
  });
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* gone */
    }
  };
  await ready;
  return {
    child,
    pid,
    output: () => output,
    isAlive,
    async kill() {
      if (isAlive()) {
        signal('SIGKILL');
        await exited;
      }
      live.delete(pid);
    },
    async stop(graceMs = 15_000) {
      if (isAlive()) {
        signal('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs).unref())]);
        signal('SIGKILL');
        await exited;
      }
      live.delete(pid);
    },
  };
};
