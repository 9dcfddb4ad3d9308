/** Stats for the console's overview: turns per day and outcome, top intents and out-of-scope topics, the dialog funnel, latency percentiles. */
import { sql, type Kysely } from 'kysely';
import { readCodes } from './codes';
import { eventsOfDays } from './ranges';
import { dayOfNumber } from './turn-event';
import type { Database } from './schema';

export interface OutcomeCounts {
  turns: number;
  answered: number;
  clarified: number;
  fallback: number;
  /** Answered honestly as a known out-of-scope topic (범위 밖 안내): understood, not missed. */
  out_of_scope: number;
  handoff: number;
  other: number;
}

export interface Stats {
  from: string;
  to: string;
  totals: OutcomeCounts & { users: number };
  days: Array<OutcomeCounts & { day: string; p95Ms: number | null }>;
  topIntents: Array<{ intent: string; label?: string; count: number }>;
  /** The out-of-scope topics partners asked about most: what the FAQ does not cover. */
  topTopics: Array<{ topic: string; label?: string; count: number }>;
  funnel: { flow: string; steps: Array<{ step: string; count: number }>; completed: number; abandoned: number; handedOff: number };
  latency: { p50Ms: number | null; p95Ms: number | null };
}

export interface StatsQuery {
  /** KST days, inclusive. */
  from: string;
  to: string;
  /** The funnel's flow and its step ids in order (from flows/<flow>.yml). */
  funnel: { flow: string; steps: string[] };
  /** Intent or topic id → its Korean name, for top intents and topics. */
  labels?: ReadonlyMap<string, string>;
  topN?: number;
}

/** `answered` = FAQ answers and menus; `other` = everything else (dialog turns, cancels, errors). */
function bucketOf(outcome: string): keyof Omit<OutcomeCounts, 'turns'> {
  if (outcome === 'answered' || outcome === 'menu') return 'answered';
  if (outcome === 'clarified' || outcome === 'fallback' || outcome === 'out_of_scope' || outcome === 'handoff') return outcome;
  return 'other';
}

const empty = (): OutcomeCounts => ({ turns: 0, answered: 0, clarified: 0, fallback: 0, out_of_scope: 0, handoff: 0, other: 0 });

/**
 * Every figure of the overview for a range of KST days.
 * @example await stats(db, { from: '2026-11-18', to: '2026-12-01', funnel: { flow: 'password_reset', steps: ['phone', 'birthdate', 'name', 'confirm'] } })
 */
export async function stats(db: Kysely<Database>, q: StatsQuery): Promise<Stats> {
  const rows = await eventsOfDays(db, q.from, q.to);
  const book = await readCodes(db);
  // counts by day and shape, the shapes' codes read from their (small) table: no join over the range's rows
  const shapes = new Map((await db.selectFrom('event_shapes').select(['id', 'outcome', 'intent', 'flow', 'step']).execute()).map((r) => [Number(r.id), r]));
  const byShape = await rows.select(['day', 'shape', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['day', 'shape']).execute();
  const byDay = byShape.map((r) => ({ day: r.day, outcome: shapes.get(Number(r.shape))?.outcome ?? null, n: r.n }));
  const latencies = await rows.select(['day', 'latency_ms', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['day', 'latency_ms']).execute();
  const [{ users }] = await rows.select((eb) => eb.fn.count<number>('user_tag').distinct().as('users')).execute();
  const topOf = (outcome: string) => {
    const code = book.id(outcome);
    const counts = new Map<number, number>();
    for (const r of byShape) {
      const shape = shapes.get(Number(r.shape));
      if (shape?.outcome === code && shape.intent !== null) counts.set(shape.intent, (counts.get(shape.intent) ?? 0) + Number(r.n));
    }
    // ordered here: by count, then by the intent's name (codes are in order of first use)
    return [...counts]
      .map(([intent, n]) => ({ intent: book.value(intent) as string, n }))
      .sort((a, b) => b.n - a.n || (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0))
      .slice(0, q.topN ?? 10);
  };
  const top = topOf('answered');
  const topics = topOf('out_of_scope');
  // partners per step and end of the flow: distinct pseudonyms, so grouped in SQL, on the flow's rows only, each
  // shape read as its step (or outcome) by a CASE of the flow's few shapes: no join over the range's rows
  const flow = book.id(q.funnel.flow);
  const flowShapes = [...shapes.values()].filter((r) => r.flow === flow);
  const partnersBy = async (column: 'step' | 'outcome') => {
    if (!flowShapes.length) return [];
    const codeOf = sql<number | null>`case shape ${sql.join(
      flowShapes.map((r) => sql`when ${Number(r.id)} then ${r[column]}`),
      sql` `,
    )} end`;
    const found = await rows
      .where('shape', 'in', flowShapes.map((r) => Number(r.id)))
      .select([codeOf.as('code'), (eb) => eb.fn.count<number>('user_tag').distinct().as('n')])
      .groupBy(sql`1`) // by position: the CASE's parameters are numbered apart in the select list and in GROUP BY
      .execute();
    return found.map((r) => ({ code: r.code === null ? null : Number(r.code), n: Number(r.n) }));
  };
  const stepRows = await partnersBy('step');
  const endRows = await partnersBy('outcome');

  const days = new Map<string, OutcomeCounts & { day: string; p95Ms: number | null }>();
  for (const day of dayRange(q.from, q.to)) days.set(day, { day, ...empty(), p95Ms: null });
  const totals = empty();
  for (const r of byDay) {
    const d = days.get(dayOfNumber(Number(r.day)));
    const n = Number(r.n);
    const b = bucketOf(book.value(r.outcome) ?? 'error');
    if (d) (d.turns += n), (d[b] += n);
    totals.turns += n;
    totals[b] += n;
  }
  const histogram = new Map<number, Array<[number, number]>>();
  for (const r of latencies) histogram.set(Number(r.day), [...(histogram.get(Number(r.day)) ?? []), [r.latency_ms, Number(r.n)]]);
  for (const [day, h] of histogram) {
    const d = days.get(dayOfNumber(day));
    if (d) d.p95Ms = percentile(h, 0.95);
  }
  const all = latencies.map((r) => [r.latency_ms, Number(r.n)] as [number, number]);
  return {
    from: q.from,
    to: q.to,
    totals: { ...totals, users: Number(users) },
    days: [...days.values()],
    topIntents: top.map((r) => ({ intent: r.intent, ...labelOf(q.labels, r.intent), count: r.n })),
    topTopics: topics.map((r) => ({ topic: r.intent, ...labelOf(q.labels, r.intent), count: r.n })),
    funnel: funnel(
      q.funnel,
      new Map(stepRows.map((r) => [book.value(r.code), r.n])),
      new Map(endRows.map((r) => [book.value(r.code) ?? 'error', r.n])),
    ),
    latency: { p50Ms: percentile(all, 0.5), p95Ms: percentile(all, 0.95) },
  };
}

function labelOf(labels: ReadonlyMap<string, string> | undefined, id: string): { label?: string } {
  const label = labels?.get(id);
  return label ? { label } : {};
}

/**
 * The funnel counts partners (distinct pseudonyms) in the range: who started the dialog, who reached each step, and how
 * it ended. Handed off = asked for a person mid-dialog; abandoned = gave up (too many wrong answers), timed out or
 * cancelled.
 */
function funnel(def: { flow: string; steps: string[] }, byStep: Map<string | null, number>, byOutcome: Map<string, number>): Stats['funnel'] {
  const n = (outcome: string) => byOutcome.get(outcome) ?? 0;
  return {
    flow: def.flow,
    steps: [{ step: 'started', count: n('dialog_started') }, ...def.steps.map((step) => ({ step, count: byStep.get(step) ?? 0 }))],
    completed: n('dialog_completed'),
    abandoned: n('dialog_abandoned') + n('cancelled'),
    handedOff: n('handoff'),
  };
}

/**
 * The value at quantile `p` of a histogram of [value, count] pairs (nearest rank); null when empty.
 * @example percentile([[1, 90], [20, 10]], 0.95) // 20
 */
export function percentile(histogram: Array<[number, number]>, p: number): number | null {
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const [value, n] of sorted) {
    seen += n;
    if (seen >= rank) return value;
  }
  return sorted[sorted.length - 1][0];
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD), at most 400. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
