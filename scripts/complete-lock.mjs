#!/usr/bin/env node
// Restores the lock entries `npm install` drops when the registry it talks to lacks some platform
// builds (this environment's mirror has only the linux ones of rollup, esbuild, msgpackr-extract...).
// `npm ci` then refuses the lock ("Missing: @rollup/rollup-darwin-arm64@ from lock file") although
// nothing is wrong for this platform. Each missing optional dependency gets a placeholder entry that
// carries the os/cpu its name declares, so npm skips it on other platforms exactly as it would the
// real entry. Run it after any `npm install` that changes the lock: `npm run lock:complete`.
import fs from 'node:fs';
import path from 'node:path';

const lockPath = path.resolve(process.argv[2] ?? 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix', 'netbsd', 'wasi'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

// "linux-arm-gnueabihf" -> { os: linux, cpu: arm }; "darwin-universal" -> { os: darwin }
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('universal') ? undefined : undefined);
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu, libc };
}

// Node's resolution: from node_modules/a/node_modules/b look in .../b/node_modules, .../a/node_modules, node_modules.
function resolves(fromKey, dep) {
  let dir = fromKey;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${dep}`]) return true;
    if (!dir) return false;
    const idx = dir.lastIndexOf('/node_modules/');
    dir = idx === -1 ? '' : dir.slice(0, idx);
  }
}

let added = 0;
for (const [key, entry] of Object.entries({ ...packages })) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(key, dep)) continue;
    const version = String(spec).replace(/^[\^~=]/, '');
    if (!/^\d+\.\d+\.\d+/.test(version)) continue; // a range we cannot pin; leave it for npm to report
    const { os, cpu, libc } = platformOf(dep);
    if (!os) continue; // not a platform package: a real gap, do not paper over it
    packages[`node_modules/${dep}`] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      license: 'UNKNOWN',
      optional: true,
      os: [os],
    };
    added += 1;
  }
}

const [rootKey, ...rest] = Object.keys(packages);
const sorted = { [rootKey]: packages[rootKey] };
for (const k of rest.sort()) sorted[k] = packages[k];
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} platform placeholder(s) to ${path.basename(lockPath)}`);
