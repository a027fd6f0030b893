#!/usr/bin/env node
// `node bench/lib/profile-summary.js <file.cpuprofile>`: self time by where the code lives (our plugins'
// files, each node_modules package, node internals, GC/idle), biggest first. For `npm run bench -- ai --profile`.
const fs = require('node:fs');

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const where = (frame) => {
  const url = frame.url || '';
  if (!url) return `(${frame.functionName || 'native'})`;
  const pkg = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const ours = url.match(/\/(src\/(?:plugins\/[^/]+|[^/]+))\//);
  if (ours) return ours[1];
  if (url.startsWith('node:')) return 'node internals';
  return url;
};
const groups = new Map();
const fns = new Map();
let total = 0;
for (const [id, us] of self) {
  const frame = byId.get(id).callFrame;
  const key = where(frame);
  if (key === '(idle)' || key === '(program)') continue;
  total += us;
  groups.set(key, (groups.get(key) ?? 0) + us);
  const fn = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
  fns.set(fn, (fns.get(fn) ?? 0) + us);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log(`busy self time ${(total / 1000).toFixed(0)} ms (idle and program excluded)\n\nby place:`);
console.log(top(groups, 25).join('\n'));
console.log('\nby function:');
console.log(top(fns, 30).join('\n'));
