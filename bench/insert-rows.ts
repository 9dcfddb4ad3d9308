/**
 * SQLite's insert of event rows alone, in migration 005's layout (15 columns, the coded ones as codes; a table of its
 * own, as `turn_rows` has held shapes since migration 006): prepared statements of N rows, bound from slices of a flat
 * batch, 1,000 rows per transaction, into fresh stores built by the migrations; the sizes alternate round by round in
 * one run.
 * Run: `npx tsx bench/insert-rows.ts [rows=100000] [rounds=3] [sizes=1,50,100,200,500]`
 */
import { CODED_COLUMNS, EVENT_COLUMNS, FACTS, kstDayNumber, ValueCodes, type Fact } from '../src/events';
import { alternate, onFreshStore } from './alternate';

const ROWS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
/** A negative size: day and versions bound once per statement (named parameters). */
const SIZES = (process.argv[4] ?? '1,50,100,200,500').split(',').map(Number);
const BATCH = 1000;

/** The strings of the coded columns as codes (no foreign key: any integer stores as the writer's ids do). */
const codes = new ValueCodes();
const CODED = new Set<number>(CODED_COLUMNS.map((c) => EVENT_COLUMNS.indexOf(c)));

function facts(): Fact[] {
  const out: Fact[] = [];
  const t0 = Date.UTC(2026, 0, 5);
  for (let i = 0; i < ROWS; i++) {
    const kept = i % 15 === 0;
    out.push(t0 + i * 50, kstDayNumber(t0), `u${(i / 17) | 0}`.padStart(12, '0'), 'nlu', kept ? 'None' : 'faq.refresh_training', 0.91, kept ? 'fallback' : 'answered', null, null, 3, 'm1234567', 'c1234567', kept ? `교육 관련 질문 ${i % 2000} 번` : null, kept ? 'faq.signup' : null, kept ? 0.2 : null);
  }
  for (let i = 0; i < out.length; i++) if (CODED.has(i % FACTS)) out[i] = codes.code(out[i] as string | null);
  return out;
}

function run(size: number, all: Fact[]): Promise<number> {
  const shareDays = size < 0;
  const rowsPer = Math.abs(size);
  return onFreshStore(ROWS, (store) => {
    const sqlite = store.sqlite!;
    sqlite.exec(
      'create table bench_rows (id integer primary key autoincrement, at bigint not null, day integer not null, user_tag text not null, route integer not null, intent integer, ' +
        'score double precision, outcome integer not null, flow integer, step integer, latency_ms integer not null, model_version integer, content_version integer, text text, guess_intent integer, guess_score double precision)',
    );
    const row = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
    const insert = (n: number) => sqlite.prepare(`insert into bench_rows (${EVENT_COLUMNS.join(', ')}) values ${Array(n).fill(row).join(', ')}`);
    const SHARED = new Set([1, 10, 11]); // day, model_version, content_version: one named parameter per statement
    const sharedRow = `(${EVENT_COLUMNS.map((c, k) => (SHARED.has(k) ? `@p${k}` : '?')).join(', ')})`;
    const shared = shareDays ? sqlite.prepare(`insert into bench_rows (${EVENT_COLUMNS.join(', ')}) values ${Array(rowsPer).fill(sharedRow).join(', ')}`) : undefined;
    const many = insert(rowsPer);
    const one = insert(1);
    const begin = sqlite.prepare('begin');
    const commit = sqlite.prepare('commit');
    for (let b = 0; b < ROWS; b += BATCH) {
      const batch = all.slice(b * FACTS, (b + BATCH) * FACTS);
      const n = batch.length / FACTS;
      begin.run();
      for (let i = 0; i < n; ) {
        const rows = n - i >= rowsPer ? rowsPer : 1;
        if (shared && rows > 1) {
          const vals: Fact[] = [];
          for (let r = i; r < i + rows; r++) for (let k = 0; k < FACTS; k++) if (!SHARED.has(k)) vals.push(batch[r * FACTS + k]);
          shared.run(vals, { p1: batch[i * FACTS + 1], p10: batch[i * FACTS + 10], p11: batch[i * FACTS + 11] });
        } else (rows === 1 ? one : many).run(batch.slice(i * FACTS, (i + rows) * FACTS));
        i += rows;
      }
      commit.run();
    }
  });
}

async function main(): Promise<void> {
  await alternate(SIZES, ROUNDS, (s) => run(s, facts()), (s) => `${String(s).padStart(4)} rows per statement`, 'row');
}

void main();
