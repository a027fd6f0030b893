// Machine-wide CPU accounting for a bench window, from /proc (Linux): the CPU time each process used
// between two snapshots, grouped by role (PostgreSQL, Redis, named node processes, everything else).
// process.cpuUsage() only sees one process; on a 2-core machine the question "where does the time go"
// is also about the other core: the database, Redis and the bench's own fake servers.
const fs = require('node:fs');
const os = require('node:os');

const TICK_MS = 1000 / 100; // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).

/** { pid: { comm, ms } } for every live process: utime + stime, in milliseconds. */
const processTimes = () => {
  const out = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid ..." — comm may contain spaces and parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    out.set(Number(entry), { comm, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return out;
};

/** Busy and total CPU milliseconds of the whole machine (all cores), from /proc/stat. */
const machineTimes = () => {
  const [cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const v = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0); // idle + iowait
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0); // guest time is already in user
  return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
};

/** The parent of a local process running `comm` (e.g. a PostgreSQL backend's postmaster), or null. */
const parentOf = (pid, comm) => {
  const proc = processTimes().get(Number(pid));
  return proc && (!comm || proc.comm === comm) ? proc.ppid : null;
};

/**
 * Starts a window. `roles` names processes by pid (e.g. { bench: process.pid, worker: 1234 });
 * `families` names a process and its children (e.g. { postgres: <postmaster pid> }, so another
 * PostgreSQL server on the machine is not counted as ours); the rest are grouped as `other`, broken
 * down by command name. `stop()` returns milliseconds of CPU per role over the window, the machine's
 * busy and total milliseconds, and its idle share.
 */
const startCpuWindow = (roles = {}, families = {}) => {
  const before = processTimes();
  const machine = machineTimes();
  const at = Date.now();
  const roleOf = new Map(Object.entries(roles).flatMap(([role, pids]) => [].concat(pids).map((pid) => [Number(pid), role])));
  return {
    stop: () => {
      const after = processTimes();
      const m = machineTimes();
      const byRole = {};
      const other = {};
      for (const [pid, { comm, ms }] of after) {
        const used = ms - (before.get(pid)?.comm === comm ? before.get(pid).ms : 0);
        if (used <= 0) continue;
        const family = Object.entries(families).find(([, root]) => root && (pid === Number(root) || after.get(pid).ppid === Number(root)));
        const role = roleOf.get(pid) ?? family?.[0] ?? (comm === 'redis-server' ? comm : 'other');
        byRole[role] = (byRole[role] ?? 0) + used;
        if (role === 'other') other[comm] = (other[comm] ?? 0) + used;
      }
      const busyMs = m.busyMs - machine.busyMs;
      const totalMs = m.totalMs - machine.totalMs;
      return { wallMs: Date.now() - at, cores: os.availableParallelism?.() ?? os.cpus().length, busyMs, idleShare: totalMs > 0 ? 1 - busyMs / totalMs : null, byRole, otherByCommand: other };
    },
  };
};

module.exports = { startCpuWindow, parentOf };
