import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort } from './processes';

/**
 * A private redis-server on a free port that a test can stop and start again (same port), to see
 * how the app behaves while Redis is away. With `persist`, every write is appended and fsynced to an
 * AOF in a temp dir (as a production Redis would be configured), so a restart, even after SIGKILL,
 * comes back with the queues as they were.
 */
export const startPrivateRedis = async ({ persist = false }: { persist?: boolean } = {}) => {
  const port = await freePort();
  const dir = persist ? fs.mkdtempSync(path.join(os.tmpdir(), 'igny8-redis-')) : undefined;
  const persistence = dir ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;

  const answers = async () => {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return (await redis.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      redis.disconnect();
    }
  };

  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await answers()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };

  const stop = async () => {
    // A killed child has a signalCode and no exitCode: checking exitCode alone would wait for an exit already past.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };

  const isRunning = () => Boolean(child && child.exitCode === null && child.signalCode === null);

  /** Stops the server for good and removes its data. */
  const dispose = async () => {
    await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };

  await start();
  return { url, port, start, stop, isRunning, dispose };
};
