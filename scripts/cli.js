#!/usr/bin/env node
/**
 * Run one of the CLIs in src/cli/ by name: `node scripts/cli.js report-fallbacks --top 10`.
 * From source through tsx when tsx is installed and src/ is there (development: no build step), else the compiled
 * `dist/cli/<name>.js` (production, the Docker image: dev dependencies and sources are not shipped). Signals are
 * handed on to the CLI, and its exit code is ours. Plain CommonJS, no dependencies.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const [name, ...args] = process.argv.slice(2);

function hasTsx() {
  try {
    require.resolve('tsx', { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

/** The node arguments that run the CLI `cliName`, or an error message. */
function command(cliName) {
  if (!cliName || !/^[a-z][a-z0-9-]*$/.test(cliName)) return 'usage: node scripts/cli.js <name> [args…]  (a file of src/cli/)';
  const source = path.join(ROOT, 'src', 'cli', `${cliName}.ts`);
  const built = path.join(ROOT, 'dist', 'cli', `${cliName}.js`);
  if (process.env.BLUEBOT_CLI_FROM !== 'dist' && fs.existsSync(source) && hasTsx()) return ['--import', 'tsx', source];
  if (fs.existsSync(built)) return [built];
  return `no CLI "${cliName}": neither ${path.relative(ROOT, source)} (with tsx) nor ${path.relative(ROOT, built)} (run npm run build) exists`;
}

const cmd = command(name);
if (typeof cmd === 'string') {
  console.error(cmd);
  process.exit(2);
}
const child = spawn(process.execPath, [...cmd, ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal); // die of the same signal, as the CLI did
    process.kill(process.pid, signal);
  } else process.exit(code ?? 1);
});
