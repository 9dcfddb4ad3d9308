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
 * Whether a turn's text is kept: fallbacks, out-of-scope answers, clarifications and low-confidence answers, never inside a guided dialog
 * (the text may be a slot answer such as a name, which masking cannot recognise). A dialog counts as open when the
 * session read before the turn had one, or could not be read (`dialogOpen` not false), as in the turn log.
 */
export function keptBecause(report: TurnReport): KeptBecause | null {
  const r = report.result;
  if (!r || r.route === 'dialog' || r.dialog != null || report.dialogOpen !== false) return null;
  if (r.outcome === 'fallback' || r.outcome === 'out_of_scope' || r.outcome === 'clarified') return r.outcome;
  const score = r.score ?? r.nlu?.score;
  return r.route === 'nlu' && r.outcome === 'answered' && score !== undefined && score < LOW_CONFIDENCE ? 'low_confidence' : null;
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
 * (`ValueCodes`, numbered when the batch is handed off: `BatchBuilder`), which the writer maps to `event_codes` ids in place (`encodeBatch`). The pseudonym comes from the turn
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
 * A batch being filled: room for `size` turns, allocated once. The hook only copies each turn's values: the coded
 * columns' strings are kept as references (`refs`, eight per turn) and numbered (`ValueCodes`) all at once when the
 * batch is read (`batch`, at hand-off), in one warm loop: numbering them in the hook cost eight map look-ups amid each
 * turn's work, with cold caches (bench/results.md, "Eighth pass"). The strings are the content's intent ids, routes,
 * outcomes, steps and the versions object's: long-lived, never user text.
 * @example const b = new BatchBuilder(1000); pushFacts(b, turn, report, versions, codes); b.batch.n // 1
 */
export class BatchBuilder {
  private readonly facts: FactBatch;
  /** The coded columns' strings of the turns not numbered yet (CODED_COLUMNS order, `CODED` per turn). */
  private refs: Array<string | null | undefined>;
  /** Turns whose coded columns are numbered; `codes`: the numbering, the recorder's (one per builder). */
  private coded = 0;
  private codes: ValueCodes | undefined;
  /** The batch's users by pseudonym (one user's turns come in runs: the last one is checked first). */
  private readonly userIndex = new Map<string, number>();
  private lastUser = '';
  private lastUserAt = -1;

  constructor(readonly size: number) {
    this.facts = { n: 0, nums: new Float64Array(size * FACTS), users: [], texts: [] };
    this.refs = NO_REFS; // until the first push (a copy of coded rows needs none)
  }

  /** The batch, every turn's coded columns numbered. */
  get batch(): FactBatch {
    if (this.coded < this.facts.n) this.codeRefs();
    return this.facts;
  }

  get full(): boolean {
    return this.facts.n >= this.size;
  }

  /** The index of a pseudonym in `users`. */
  user(tag: string): number {
    if (tag === this.lastUser) return this.lastUserAt;
    let at = this.userIndex.get(tag);
    if (at === undefined) {
      at = this.facts.users.length;
      this.facts.users.push(tag);
      this.userIndex.set(tag, at);
    }
    this.lastUser = tag;
    this.lastUserAt = at;
    return at;
  }

  /** The index of a new kept text in `texts`. */
  text(text: string): number {
    return this.facts.texts.push(text) - 1;
  }

  /**
   * Append one turn: its numbers now, its coded columns' strings (CODED_COLUMNS order) as references, numbered by
   * `codes` when the batch is read.
   */
  push(turn: TurnInput, report: TurnReport, versions: Versions, codes: ValueCodes): void {
    const r = report.result;
    const kept = keptBecause(report) !== null;
    const guess = !kept ? null : r?.outcome === 'out_of_scope' ? topicGuess(r.intent, r.nlu) : r?.nlu ? bestGuess(r.nlu) : null;
    this.codes = codes;
    const b = this.facts;
    const i = b.n++;
    const o = i * FACTS;
    const a = b.nums;
    a[o] = turn.now;
    a[o + 1] = kstDayNumber(turn.now);
    a[o + 2] = this.user(userTag(turn.userKey));
    a[o + 5] = r?.score ?? r?.nlu?.score ?? NO;
    a[o + 9] = Math.round(report.latencyMs);
    a[o + 12] = kept ? this.text(turn.utterance) : NO;
    a[o + 14] = guess?.score ?? NO;
    const refs = this.refs.length ? this.refs : (this.refs = takeRefs(this.size * CODED));
    const c = i * CODED;
    refs[c] = r?.route ?? 'error';
    refs[c + 1] = r?.intent;
    refs[c + 2] = (r?.outcome ?? 'error') satisfies Outcome | 'error';
    refs[c + 3] = r?.dialog?.flow;
    refs[c + 4] = r?.dialog?.step;
    refs[c + 5] = versions.model;
    refs[c + 6] = versions.content;
    refs[c + 7] = guess?.intent;
  }

  /** Row `i` of another batch appended (its strings copied into this one's lists; its codes are numbers already). */
  copyRow(from: FactBatch, i: number): void {
    if (this.coded < this.facts.n) this.codeRefs();
    const o = this.facts.n++ * FACTS;
    this.coded = this.facts.n;
    const nums = this.facts.nums;
    nums.set(from.nums.subarray(i * FACTS, (i + 1) * FACTS), o);
    nums[o + USER_COLUMN] = this.user(from.users[nums[o + USER_COLUMN]]);
    const t = nums[o + TEXT_COLUMN];
    if (t === t) nums[o + TEXT_COLUMN] = this.text(from.texts[t]);
  }

  /** Number the coded columns of the turns pushed since the last time; a full batch gives its references back. */
  private codeRefs(): void {
    const codes = this.codes as ValueCodes;
    const a = this.facts.nums;
    const refs = this.refs;
    const at = CODED_OFFSETS;
    const last: Array<string | null | undefined> = new Array(CODED).fill(null);
    const lastCode = new Float64Array(CODED).fill(NO);
    for (let i = this.coded; i < this.facts.n; i++) {
      const o = i * FACTS;
      const c = i * CODED;
      for (let k = 0; k < CODED; k++) {
        const v = refs[c + k];
        if (v !== last[k]) {
          last[k] = v;
          lastCode[k] = v == null ? NO : (codes.code(v) as number);
        }
        a[o + at[k]] = lastCode[k];
      }
    }
    this.coded = this.facts.n;
    if (this.full && refs.length) {
      giveRefs(refs);
      this.refs = NO_REFS;
    }
  }
}

/** Coded columns per turn. */
const CODED = CODED_COLUMNS.length;
/** Where each coded column sits in a turn's numbers, as a local array (tsx compiles an imported binding to a getter). */
const CODED_OFFSETS = Int32Array.from(CODED_COLUMNS.map((c) => EVENT_COLUMNS.indexOf(c)));

const NO_REFS: Array<string | null | undefined> = [];
/**
 * One spare array of references, handed from a full batch to the next, emptied (every slot a turn uses is written
 * before it is read): a batch of 8,000 turns does not allocate 512 KB more.
 */
let spareRefs: Array<string | null | undefined> | undefined;
function takeRefs(length: number): Array<string | null | undefined> {
  const spare = spareRefs;
  if (spare && spare.length === length) {
    spareRefs = undefined;
    return spare;
  }
  return new Array<string | null>(length).fill(null);
}
function giveRefs(refs: Array<string | null | undefined>): void {
  refs.fill(null); // holds no string of a batch that is gone
  spareRefs = refs;
}

const NO = Number.NaN;

/**
 * Append one turn's values to a batch being filled.
 * @example const b = new BatchBuilder(10); pushFacts(b, turn, report, { model: 'ab12', content: null }, codes); b.batch.n // 1
 */
export function pushFacts(builder: BatchBuilder, turn: TurnInput, report: TurnReport, versions: Versions, codes: ValueCodes): void {
  builder.push(turn, report, versions, codes);
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
