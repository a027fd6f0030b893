// Once per e2e run: a Chromium for the browser tests (Debian's package, installed when missing).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../../../scripts/lib/services.mjs';

export default async function globalSetup() {
  const out = execFileSync(path.join(ROOT, 'scripts', 'install-browser.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.env.CHROMIUM_PATH = out.trim().split('\n').pop();
}
