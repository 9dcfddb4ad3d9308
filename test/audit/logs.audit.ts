/**
 * PII audit of every log line the test suite wrote (test-artifacts/logs/*.jsonl, appended by
 * makeTestApp and the spawned servers). Runs as a second jest pass after the main suite:
 * `npx jest -c test/audit/jest.config.js`. Fails naming the file, line, field and kind of each leak.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canaries, type Canaries } from './canaries';
import { scanLine, type Finding } from './scan';

const ROOT = path.resolve(__dirname, '../..');
const LOG_DIR = path.join(ROOT, 'test-artifacts', 'logs');
/** Fewer lines than this means the suite did not run (or did not log): the audit would prove nothing. */
const MIN_LINES = Number(process.env.AUDIT_MIN_LINES ?? 200);

interface Located extends Finding {
  file: string;
  line: number;
}

function auditLogs(strings: Canaries): { lines: number; turns: number; findings: Located[] } {
  const files = fs.existsSync(LOG_DIR) ? fs.readdirSync(LOG_DIR).filter((f) => f.endsWith('.jsonl')) : [];
  let lines = 0;
  let turns = 0;
  const findings: Located[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(LOG_DIR, file), 'utf8');
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return;
      lines++;
      let parsed: unknown = raw;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // a line that is not JSON is scanned as plain text
      }
      if ((parsed as { message?: unknown })?.message === 'turn') turns++;
      for (const f of scanLine(parsed, strings)) findings.push({ ...f, file, line: i + 1 });
    });
  }
  return { lines, turns, findings };
}

describe('PII audit of the test suite logs', () => {
  const strings = canaries(ROOT);
  const { lines, turns, findings } = auditLogs(strings);

  it(`has logs to audit (at least ${MIN_LINES} lines, turns among them)`, () => {
    expect(lines).toBeGreaterThanOrEqual(MIN_LINES);
    expect(turns).toBeGreaterThan(0);
    expect(strings.names.length).toBeGreaterThanOrEqual(10);
  });

  it.each(['phone', 'birthdate', 'name', 'password', 'secret'] as const)('no %s appears in clear in any log line', (kind) => {
    const leaks = findings.filter((f) => f.kind === kind).map((f) => `${f.file}:${f.line} ${f.key}: ${f.match}`);
    expect(leaks.slice(0, 20)).toEqual([]);
  });
});
