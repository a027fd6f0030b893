// Boots the compiled app in a child process (app-process.js) listening on a free port.
const { fork } = require('node:child_process');
const path = require('node:path');

/** Returns { baseUrl, call(cmd, args), stop() }. `env` is added to this process's environment. */
const startApp = async ({ distDir, env }) => {
  const { freePort } = await import(path.join(__dirname, '..', '..', 'scripts', 'lib', 'services.mjs'));
  const port = await freePort();
  const child = fork(path.join(__dirname, 'app-process.js'), [], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', BENCH_DIST_DIR: distDir },
    // The app's output goes to stderr: stdout carries only the bench's report.
    stdio: ['ignore', 2, 2, 'ipc'],
  });

  const pending = new Map();
  let nextId = 0;
  let exited = null;
  child.on('message', (message) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error));
    else waiter.resolve(message.result);
  });

  const info = await new Promise((resolve, reject) => {
    child.on('message', (message) => message.ready && resolve(message));
    child.once('exit', (code) => reject(new Error(`the app exited during boot (code ${code})`)));
  });
  child.on('exit', (code) => {
    exited = code;
    for (const waiter of pending.values()) waiter.reject(new Error(`the app exited (code ${code})`));
    pending.clear();
  });

  const call = (cmd, args) =>
    new Promise((resolve, reject) => {
      if (exited !== null) return reject(new Error(`the app exited (code ${exited})`));
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, cmd, args });
    });

  const stop = async () => {
    if (exited !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    await call('stop').catch(() => undefined);
    if (exited === null) await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
  };

  return { baseUrl: `http://127.0.0.1:${port}`, nodeEnv: info.nodeEnv, pid: child.pid, call, stop };
};

module.exports = { startApp };
