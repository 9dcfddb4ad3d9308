#!/usr/bin/env node
/**
 * `npm start`'s prestart: build dist/ only when a build input is newer than the last build, so a prebuilt server
 * starts at once (a no-op `tsc` still costs seconds). Inputs: src/, types/, the tsconfigs and package-lock.json.
 * `npm run build` writes the stamp dist/.build-stamp (`--stamp`) after a successful tsc. Plain CommonJS, no
 * dependencies: it runs before anything is compiled. `--check` only prints whether dist/ is stale (exit 1 when it is).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const INPUTS = ['src', 'types', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time (ms) under `file`, or 0 when it does not exist. */
function newest(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs; // a deleted or renamed file changes its folder's time
  for (const name of fs.readdirSync(file)) max = Math.max(max, newest(path.join(file, name)));
  return max;
}

/** Why dist/ must be rebuilt, or null when it is up to date. */
function staleness() {
  const built = newest(STAMP);
  if (!built) return 'dist/ was not built by this script yet';
  const changed = INPUTS.find((input) => newest(path.join(ROOT, input)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

if (process.argv.includes('--stamp')) {
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.exit(0);
}
const reason = staleness();
if (process.argv.includes('--check')) {
  console.log(reason ? `stale: ${reason}` : 'dist/ is up to date');
  process.exit(reason ? 1 : 0);
}
if (reason) {
  console.error(`building dist/ (${reason})…`);
  const began = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.error(`built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
}
