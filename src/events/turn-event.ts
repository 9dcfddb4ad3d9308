/** From an answered turn to its event row: pseudonym, routing, dialog step (never slot values), masked text only where kept. */
import type { TurnReport } from '../dialog/conversation';
import type { Outcome, TurnInput } from '../dialog/types';
import { userTag } from '../log/logger';
import { MAX_KEPT_CHARS, maskKept } from '../log/mask';
import { BoundedMemo } from '../memo';
import { NONE, type NluResult } from '../nlu/classifier';
import { CODED_COLUMNS, type ValueCodes } from './codes';
import type { TurnEventsTable } from './schema';

/** Longest text kept per event: the masker's limit for any kept user text (300). */
export const MAX_EVENT_TEXT = MAX_KEPT_CHARS;
/** An answer from the classifier below this score counts as low-confidence: its text is kept for the inbox. */
export const LOW_CONFIDENCE = 0.7;
/** Korea has no daylight saving time: KST is always UTC+9. */
const KST_OFFSET_MS = 9 * 3600_000;

/** What the versions were when the turn was answered (issue #14 publishes content versions). */
export interface Versions {
  model: string | null;
  content: string | null;
}

/** Why a turn's text was kept, or null when it was not (`out_of_scope`: what the FAQ does not cover). */
export type KeptBecause = 'fallback' | 'out_of_scope' | 'clarified' | 'low_confidence';

/**
 * The KST calendar day of a time.
 * @example kstDay(Date.UTC(2026, 0, 1, 15)) // '2026-01-02'
 */
export function kstDay(ms: number): string {
  if (ms >= dayCache.start && ms < dayCache.end) return dayCache.day; // events come in time order: one Date per day
  const day = new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
  const start = Date.parse(`${day}T00:00:00Z`) - KST_OFFSET_MS;
  dayCache = { start, end: start + 86_400_000, day };
  return day;
}

let dayCache = { start: 0, end: 0, day: '' };

const DAY_MS = 86_400_000;

/**
 * The KST day of a time as a day number (days since 1970-01-01), as `turn_rows.day` stores it.
 * @example kstDayNumber(Date.UTC(2026, 0, 1, 15)) === dayNumber('2026-01-02') // true
 */
export function kstDayNumber(ms: number): number {
  return Math.floor((ms + KST_OFFSET_MS) / DAY_MS);
}

/**
 * A day (YYYY-MM-DD) as a day number, and back.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** @example dayOfNumber(1) // '1970-01-02' */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a turn's text is kept: fallbacks, out-of-scope answers, clarifications and low-confidence answers (a fact
 * rule's answer that NLP.js did not agree with counts as one; a follow-up answered in context does not), never inside a guided dialog
 * (the text may be a slot answer such as a name, which masking cannot recognise). A dialog counts as open when the
 * session read before the turn had one, or could not be read (`dialogOpen` not false), as in the turn log.
 */
export function keptBecause(report: TurnReport): KeptBecause | null {
  const r = report.result;
  if (!r || r.route === 'dialog' || r.dialog != null || report.dialogOpen !== false) return null;
  if (r.outcome === 'fallback' || r.outcome === 'out_of_scope' || r.outcome === 'clarified') return r.outcome;
  if (r.route !== 'nlu' || r.outcome !== 'answered') return null;
  if (r.context) return null; // a follow-up answered with the answer before: its text alone would teach the wrong thing
  if (r.overruled) return 'low_confidence'; // a fact rule decided, NLP.js did not agree
  const score = r.score ?? r.nlu?.score;
  return score !== undefined && score < LOW_CONFIDENCE ? 'low_confidence' : null;
}

/**
 * The project's masker for kept text (`maskKept`): masks first, then cuts, so a phone number cut in half at the limit
 * cannot escape it.
 * @example maskedText('제 번호 010-1234-5678') // '제 번호 010-****-5678'
 */
export function maskedText(utterance: string): string {
  return maskMemo.get(utterance, () => maskKept(utterance)); // missed questions repeat in bursts
}

/** Recent kept texts → their masked form, in memory only (as the classifier's cache holds texts): masking costs ~2–20 µs (bench/mask-bench.ts). */
const maskMemo = new BoundedMemo<string>(2000);

/**
 * Every column of an event (`turn_events`), in the order of a batch's values; the writer stores the coded ones as the
 * row's shape (`shapes.ts`).
 */
export const EVENT_COLUMNS = ['at', 'day', 'user_tag', 'route', 'intent', 'score', 'outcome', 'flow', 'step', 'latency_ms', 'model_version', 'content_version', 'text', 'guess_intent', 'guess_score'] as const satisfies ReadonlyArray<keyof TurnEventsTable>;
/** Values per turn in a batch: one per column. */
export const FACTS = EVENT_COLUMNS.length;
/** Index of `text` in a turn's values. */
export const TEXT_COLUMN = EVENT_COLUMNS.indexOf('text');
/** Index of `user_tag` in a turn's values. */
export const USER_COLUMN = EVENT_COLUMNS.indexOf('user_tag');
/** Indexes of the coded columns in a turn's values. */
export const CODED_AT: readonly number[] = CODED_COLUMNS.map((c) => EVENT_COLUMNS.indexOf(c));
/** One value of an event row as it is bound. */
export type Fact = string | number | null;

/**
 * What the events of turns need, taken on the hot path: `FACTS` numbers per turn in EVENT_COLUMNS order, in one
 * typed array (`nums`; NaN is null), and the strings apart: `user_tag` holds an index into `users`, `text` one into
 * `texts`. The hook writes numbers into a preallocated array and keeps no object per turn (only a new user's or
 * text's slot), and the batch crosses to the writer thread as one transferred buffer and two short string lists (no
 * value-by-value structured clone). The day is a day number; the coded columns hold the recorder's local codes
 * (`ValueCodes`), which the writer maps to `event_codes` ids in place (`encodeBatch`). The pseudonym comes from the turn
 * log's memo (`userTag`), so the raw user key never leaves the event loop. `texts` are raw utterances, only of turns
 * whose text is kept, until the writer masks them in place (`maskTexts`): no masking or hashing on the event loop.
 */
export interface FactBatch {
  /** Turns in the batch. */
  n: number;
  /** At least `n * FACTS` values. */
  nums: Float64Array;
  /** Distinct pseudonyms of the batch. */
  users: string[];
  /** Kept texts of the batch. */
  texts: string[];
}

/**
 * A batch being filled: room for `size` turns, allocated once.
 * @example const b = new BatchBuilder(1000); pushFacts(b, turn, report, versions, codes); b.batch.n // 1
 */
export class BatchBuilder {
  readonly batch: FactBatch;
  /** The batch's users by pseudonym (one user's turns come in runs: the last one is checked first). */
  private readonly userIndex = new Map<string, number>();
  private lastUser = '';
  private lastUserAt = -1;

  constructor(readonly size: number) {
    this.batch = { n: 0, nums: new Float64Array(size * FACTS), users: [], texts: [] };
  }

  get full(): boolean {
    return this.batch.n >= this.size;
  }

  /** The index of a pseudonym in `users`. */
  user(tag: string): number {
    if (tag === this.lastUser) return this.lastUserAt;
    let at = this.userIndex.get(tag);
    if (at === undefined) {
      at = this.batch.users.length;
      this.batch.users.push(tag);
      this.userIndex.set(tag, at);
    }
    this.lastUser = tag;
    this.lastUserAt = at;
    return at;
  }

  /** The index of a new kept text in `texts`. */
  text(text: string): number {
    return this.batch.texts.push(text) - 1;
  }

  /** Row `i` of another batch appended (its strings copied into this one's lists). */
  copyRow(from: FactBatch, i: number): void {
    const o = this.batch.n++ * FACTS;
    const nums = this.batch.nums;
    nums.set(from.nums.subarray(i * FACTS, (i + 1) * FACTS), o);
    nums[o + USER_COLUMN] = this.user(from.users[nums[o + USER_COLUMN]]);
    const t = nums[o + TEXT_COLUMN];
    if (t === t) nums[o + TEXT_COLUMN] = this.text(from.texts[t]);
  }
}

const NO = Number.NaN;

/**
 * Append one turn's values to a batch being filled.
 * @example const b = new BatchBuilder(10); pushFacts(b, turn, report, { model: 'ab12', content: null }, codes); b.batch.n // 1
 */
export function pushFacts(builder: BatchBuilder, turn: TurnInput, report: TurnReport, versions: Versions, codes: ValueCodes): void {
  const r = report.result;
  const kept = keptBecause(report) !== null;
  // a fact rule's answer NLP.js did not agree with: the guess is the fact the bot answered (the console names it by its label)
  const guess = !kept ? null : r?.outcome === 'out_of_scope' ? topicGuess(r.intent, r.nlu) : r?.overruled ? { intent: r.intent, score: null } : r?.nlu ? bestGuess(r.nlu) : null;
  const b = builder.batch;
  const o = b.n++ * FACTS;
  const a = b.nums;
  a[o] = turn.now;
  a[o + 1] = kstDayNumber(turn.now);
  a[o + 2] = builder.user(userTag(turn.userKey));
  a[o + 3] = codes.code(r?.route ?? 'error') ?? NO;
  a[o + 4] = codes.code(r?.intent) ?? NO;
  a[o + 5] = r?.score ?? r?.nlu?.score ?? NO;
  a[o + 6] = codes.code((r?.outcome ?? 'error') satisfies Outcome | 'error') ?? NO;
  a[o + 7] = codes.code(r?.dialog?.flow) ?? NO;
  a[o + 8] = codes.code(r?.dialog?.step) ?? NO;
  a[o + 9] = Math.round(report.latencyMs);
  a[o + 10] = codes.code(versions.model) ?? NO;
  a[o + 11] = codes.code(versions.content) ?? NO;
  a[o + 12] = kept ? builder.text(turn.utterance) : NO;
  a[o + 13] = codes.code(guess?.intent) ?? NO;
  a[o + 14] = guess?.score ?? NO;
}

/**
 * Value `k` (EVENT_COLUMNS order) of the `i`-th turn of a batch, as it is bound: null for NaN, strings for the user
 * and the text.
 * @example factOf(batch, 0, TEXT_COLUMN) // '제 번호 010-****-5678'
 */
export function factOf(b: FactBatch, i: number, k: number): Fact {
  const v = b.nums[i * FACTS + k];
  if (v !== v) return null;
  return k === USER_COLUMN ? b.users[v] : k === TEXT_COLUMN ? b.texts[v] : v;
}

/**
 * Turns `from`..`to` (exclusive) of a batch as a batch of their own (benches, tests).
 * @example sliceBatch(all, 0, 1000).n // 1000
 */
export function sliceBatch(b: FactBatch, from: number, to: number): FactBatch {
  const out = new BatchBuilder(Math.max(0, Math.min(to, b.n) - from));
  for (let i = from; i < from + out.size; i++) out.copyRow(b, i);
  return out.batch;
}

/**
 * The writer's first step: every kept utterance of the batch replaced by its masked form (`maskedText`), in place.
 * @example maskTexts(batch); batch.texts[0] // '제 번호 010-****-5678'
 */
export function maskTexts(batch: FactBatch): void {
  const t = batch.texts;
  for (let i = 0; i < t.length; i++) t[i] = maskedText(t[i]);
}

/**
 * The recorder's local codes of a batch replaced by the database's (`ids[local]`), in place.
 * @example encodeBatch(batch, codes.ids)
 */
export function encodeBatch(batch: FactBatch, ids: readonly number[]): void {
  const a = batch.nums;
  for (let o = 0, end = batch.n * FACTS; o < end; o += FACTS) {
    for (const k of CODED_AT) {
      const local = a[o + k];
      if (local === local) a[o + k] = ids[local];
    }
  }
}

/**
 * An out-of-scope turn's guess is its topic (staff confirm it, or move the text to an FAQ intent), with the
 * classifier's score for that topic when it scored it (a topic found by its head noun alone has none).
 * @example topicGuess('oos.certificate', { intent: 'None', score: 0.8, alternatives: [] }) // { intent: 'oos.certificate', score: null }
 */
export function topicGuess(topic: string, nlu?: Pick<NluResult, 'intent' | 'score' | 'alternatives'>): { intent: string; score: number | null } {
  const scored = nlu && (nlu.intent === topic ? nlu : nlu.alternatives.find((a) => a.intent === topic));
  return { intent: topic, score: scored ? scored.score : null };
}

/**
 * The top intent unless it is `None`, else the best alternative that is not `None`.
 * @example bestGuess({ intent: 'None', score: 0.9, alternatives: [{ intent: 'faq.signup', score: 0.1 }] }) // { intent: 'faq.signup', score: 0.1 }
 */
export function bestGuess(nlu: Pick<NluResult, 'intent' | 'score' | 'alternatives'>): { intent: string; score: number } | null {
  if (nlu.intent !== NONE) return { intent: nlu.intent, score: nlu.score };
  return nlu.alternatives.find((a) => a.intent !== NONE) ?? null;
}
