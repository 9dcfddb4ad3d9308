/**
 * The inbox: utterances the bot missed or was unsure of, grouped by similarity as they are written.
 * One group per normalized text at least; a new text joins an open group whose text is similar enough
 * (character-bigram Jaccard, `similarity.ts`), so near-duplicates and typo variants share one item.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { clean, type Normalizer } from '../nlu/normalize';
import { questionOf } from '../nlu/preamble';
import type { Database, InboxGroup, InboxState } from './schema';
import { kyselyOps, type InboxOps } from './inbox-ops';
import { bigrams, jaccard } from './similarity';

/** Bigram similarity at which a new text joins an existing open group. */
export const MERGE_THRESHOLD = 0.6;
/**
 * Most groups held in the in-memory similarity index (the most recent; older ones still group by exact key). Groups
 * that are done or ignored stay in it: their state is read from the database when a similar text comes, so a group
 * reopened anywhere (`changeGroups` reopen, on this instance or another sharing the store) counts similar texts again.
 */
const MAX_INDEXED = 10_000;
/** Similar groups whose state is read for one new text at most (the most similar first). */
const MAX_STATE_CHECKS = 20;
/**
 * Longest that counts of texts already in the inbox wait in memory before they are written: one update per text and
 * group every BUMP_MS instead of one per batch (each moves index entries; bench/results.md). New texts are written
 * at once.
 */
export const BUMP_MS = 2000;
/** Texts with held counts at most; more and they are written with the next batch. */
const MAX_HELD = 5_000;

type Guess = { intent: string; score: number | null };
interface Bump {
  count: number;
  last: number;
  guess: Guess | null;
}
interface Bumps {
  texts: Map<string, Bump>;
  groups: Map<number, Bump>;
}
const emptyBumps = (): Bumps => ({ texts: new Map(), groups: new Map() });

function addBump<K>(to: Map<K, Bump>, k: K, count: number, last: number, guess: Guess | null): void {
  const b = to.get(k);
  if (!b) to.set(k, { count, last, guess });
  else {
    b.count += count;
    b.last = Math.max(b.last, last);
    if (guess) b.guess = guess;
  }
}

/** `from` added to `to` (its guesses are the later ones); returns `to`. */
function mergeInto(to: Bumps, from: Bumps): Bumps {
  for (const [k, v] of from.texts) addBump(to.texts, k, v.count, v.last, v.guess);
  for (const [k, v] of from.groups) addBump(to.groups, k, v.count, v.last, v.guess);
  return to;
}

/** Masked texts whose group key is remembered (in memory only, as the masker's memo). */
const MAX_KEYS = 5_000;
/** Candidates checked for one new text at most; past this (only very common bigrams left) it founds its own group. */
const MAX_CANDIDATES = 2_000;

export interface InboxSighting {
  text: string;
  at: number;
  guessIntent: string | null;
  guessScore: number | null;
}

/**
 * The group key of a text: normalized (synonyms, typos, punctuation, case), spaces collapsed.
 * @example groupKey('비번  까먹었어요!!') // '비번 까먹었어요'
 */
export function groupKey(text: string, normalize: Normalizer = clean): string {
  return normalize(text).replace(/\s+/g, ' ').trim();
}

/**
 * Writes sightings into inbox groups. Holds an index of groups' bigrams, open or not (see MAX_INDEXED; loaded from
 * the database on first use), so finding a near-duplicate among 10,000 groups costs a few posting-list lookups, not
 * 10,000 comparisons.
 */
export class InboxWriter {
  private index: Map<string, Set<number>> | undefined;
  private grams = new Map<number, Set<string>>();
  /** Recent masked texts → their group key: normalizing costs ~9 µs a text, and missed questions repeat. */
  private keys = new Map<string, string>();
  /** Group keys of stored texts → their group (a stored text never changes group). */
  private known = new Map<string, number>();
  /** Counts of stored texts and their groups, not written yet; `staged`: this batch's, until its transaction ends. */
  private bumps = emptyBumps();
  private staged = emptyBumps();
  private heldSince = 0;
  private wrote = false;

  constructor(private readonly normalize: Normalizer = clean, private readonly threshold = MERGE_THRESHOLD) {}

  /**
   * Add sightings inside the caller's transaction. A text not seen before is written at once (its group is new, or
   * the similar open group it joins); a text already stored only adds to its counts, which are held in memory
   * (`bumps`) and written by `writeBumps` (the writer does so at most every BUMP_MS, and on flush). New groups enter
   * the in-memory index at once (later texts of the same batch can join them). After the transaction the caller must
   * call `committed()`, or `rolledBack()` when it failed.
   */
  async add(trx: Transaction<Database>, sightings: InboxSighting[], ops: InboxOps = kyselyOps(trx)): Promise<void> {
    await this.loadIndex(trx);
    const byKey = new Map<string, { text: string; count: number; last: number; first: number; guess: InboxSighting | null }>();
    for (const s of sightings) {
      const key = this.keyOf(s.text);
      if (!key) continue;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, { text: s.text, count: 1, last: s.at, first: s.at, guess: s.guessIntent ? s : null });
      else {
        seen.count++;
        seen.last = Math.max(seen.last, s.at);
        seen.first = Math.min(seen.first, s.at);
        if (s.guessIntent) seen.guess = s;
      }
    }
    for (const [key, s] of byKey) {
      const guess = s.guess?.guessIntent ? { intent: s.guess.guessIntent, score: s.guess.guessScore } : null;
      const groupId = this.known.get(key) ?? (await ops.groupOfText(key));
      if (groupId !== undefined) {
        this.stage(key, groupId, s.count, s.last, guess);
        continue;
      }
      const grams = this.gramsOf(s.text, key);
      const similar = await this.similarOpenGroup(ops, grams);
      const created =
        similar === undefined
          ? await ops.insertGroup({ key, text: s.text, count: s.count, first: s.first, last: s.last, guessIntent: guess?.intent ?? null, guessScore: guess?.score ?? null })
          : undefined;
      const home = similar ?? (created as number);
      if (await ops.insertText(key, home, s.text, s.count, s.last)) {
        this.know(key, home);
        if (similar !== undefined) this.stage(null, similar, s.count, s.last, guess);
        else this.indexGroup(home, grams);
        continue;
      }
      // another instance wrote the same text meanwhile: count it there
      if (created !== undefined) await ops.deleteGroup(created);
      this.stage(key, (await ops.groupOfText(key)) as number, s.count, s.last, guess);
    }
  }

  /** Whether counts are waiting to be written (`writeBumps`). */
  get pending(): boolean {
    return this.bumps.texts.size > 0 || this.bumps.groups.size > 0 || this.staged.texts.size > 0 || this.staged.groups.size > 0;
  }

  /** Whether the held counts are due: the oldest waited BUMP_MS, or there are many. */
  due(now = Date.now()): boolean {
    return this.pending && (now - this.heldSince >= BUMP_MS || this.bumps.texts.size + this.staged.texts.size >= MAX_HELD);
  }

  /** Write every held count (this batch's too) inside the caller's transaction. */
  async writeBumps(ops: InboxOps): Promise<void> {
    const all = mergeInto(mergeInto(emptyBumps(), this.bumps), this.staged);
    for (const [key, b] of all.texts) {
      if (!(await ops.bumpText(key, b.count, b.last))) this.known.delete(key); // the text is gone (tables cleared): its counts with it
    }
    for (const [id, b] of all.groups) await ops.bumpGroup(id, b.count, b.last, b.guess);
    this.wrote = true;
  }

  /** The transaction committed: held counts it wrote are done; this batch's are held until written. */
  committed(): void {
    if (this.wrote) {
      this.bumps = emptyBumps();
      this.heldSince = Date.now();
    } else if (this.staged.texts.size || this.staged.groups.size) {
      if (!this.bumps.texts.size && !this.bumps.groups.size) this.heldSince = Date.now();
      mergeInto(this.bumps, this.staged);
    }
    this.staged = emptyBumps();
    this.wrote = false;
  }

  /** The transaction failed: this batch's counts go with its events; groups it indexed may be gone. */
  rolledBack(): void {
    this.staged = emptyBumps();
    this.wrote = false;
    this.reset();
  }

  private stage(key: string | null, groupId: number, count: number, last: number, guess: Guess | null): void {
    if (key !== null) {
      this.know(key, groupId);
      addBump(this.staged.texts, key, count, last, null);
    }
    addBump(this.staged.groups, groupId, count, last, guess);
  }

  private know(key: string, groupId: number): void {
    if (this.known.size >= MAX_KEYS) this.known.clear(); // bounded
    this.known.set(key, groupId);
  }

  private keyOf(text: string): string {
    let key = this.keys.get(text);
    if (key === undefined) {
      key = groupKey(text, this.normalize);
      if (this.keys.size >= MAX_KEYS) this.keys.clear(); // bounded
      this.keys.set(text, key);
    }
    return key;
  }

  /** Forget the index (after a bulk change of states, or in tests); it reloads on the next write. */
  reset(): void {
    this.index = undefined;
    this.grams.clear();
    this.known.clear();
  }

  /**
   * The index holds groups whatever their state: open ones first (the most recent), then room left for the most
   * recent others, which may be reopened. Loaded oldest first, so that the oldest are forgotten first.
   */
  private async loadIndex(db: Kysely<Database>): Promise<void> {
    if (this.index) return;
    this.index = new Map();
    const recent = (open: boolean, limit: number) =>
      db.selectFrom('inbox_groups').select(['id', 'key', 'text']).where('state', open ? '=' : '!=', 'new').orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(limit).execute();
    const open = await recent(true, MAX_INDEXED);
    const others = open.length < MAX_INDEXED ? await recent(false, MAX_INDEXED - open.length) : [];
    for (const r of [...others.reverse(), ...open.reverse()]) this.indexGroup(r.id, this.gramsOf(r.text, r.key));
  }

  /**
   * What similarity reads of a masked text: the bigrams of its question's key, without a greeting, an introduction or
   * thanks around it (`questionOf`), so `안녕하세요 [이름 가림] 기사입니다 콜이 안 잡혀요` joins `콜이 안 잡혀요`. A text's own
   * key (its identity in `inbox_texts`) stays the whole text's, and is the question's when nothing is set aside: then it
   * is used as it is, not normalized again (most texts, and every group the index loads at start).
   */
  private gramsOf(text: string, key: string): Set<string> {
    const question = questionOf(text);
    return bigrams(question === text ? key : groupKey(question, this.normalize));
  }

  private indexGroup(id: number, grams: Set<string>): void {
    if (!this.index) return;
    if (this.grams.size >= MAX_INDEXED) this.unindex(this.grams.keys().next().value as number); // forget the oldest
    this.grams.set(id, grams);
    for (const g of grams) {
      let posting = this.index.get(g);
      if (!posting) this.index.set(g, (posting = new Set()));
      posting.add(id);
    }
  }

  private unindex(id: number): void {
    const grams = this.grams.get(id);
    if (!grams || !this.index) return;
    for (const g of grams) this.index.get(g)?.delete(id);
    this.grams.delete(id);
  }

  /**
   * The most similar open group at or above the threshold, its state read from the database now: a group labelled,
   * ignored or reopened by any instance (the console's, another server's) is seen as it is at this write. Prefix
   * filtering: a group with Jaccard ≥ t shares at least ⌈t·|A|⌉ of the new text's |A| bigrams, so it holds one of
   * the |A| − ⌈t·|A|⌉ + 1 rarest; only those posting lists are read. Size filtering: its |B| is within t·|A| … |A|/t.
   * The candidates left are then scored exactly.
   */
  private async similarOpenGroup(ops: InboxOps, grams: Set<string>): Promise<number | undefined> {
    const index = this.index;
    if (!index || grams.size === 0) return undefined;
    const byRarity = [...grams].sort((a, b) => (index.get(a)?.size ?? 0) - (index.get(b)?.size ?? 0));
    const prefix = byRarity.slice(0, grams.size - Math.ceil(this.threshold * grams.size) + 1);
    const candidates = new Set<number>();
    for (const g of prefix) {
      for (const id of index.get(g) ?? []) candidates.add(id);
      if (candidates.size > MAX_CANDIDATES) return undefined;
    }
    const ranked: Array<{ id: number; score: number }> = [];
    const [least, most] = [this.threshold * grams.size, grams.size / this.threshold];
    for (const id of candidates) {
      const other = this.grams.get(id);
      if (!other || other.size < least || other.size > most) continue;
      const score = jaccard(grams, other);
      if (score >= this.threshold) ranked.push({ id, score });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    const checked = ranked.slice(0, MAX_STATE_CHECKS);
    const states = checked.length ? await ops.groupStates(checked.map((c) => c.id)) : new Map<number, InboxState>();
    for (const c of checked) {
      const state = states.get(c.id);
      if (state === 'new') return c.id;
      if (state === undefined) this.unindex(c.id); // deleted; a group done or ignored stays: it may be reopened
    }
    return undefined;
  }

}

/** `jaccard` re-exported for the report, which groups by the same measure. */
export { jaccard };

/** An inbox item as the console API shows it (README "Console API"). */
export interface InboxItem {
  id: number;
  text: string;
  count: number;
  lastSeen: string;
  /** The bot's guess; for an out-of-scope answer, its topic (score null when found by the topic's head noun alone). */
  guess: { intent: string; score: number | null } | null;
  state: InboxState;
  label: string | null;
  actedBy: string | null;
  actedAt: string | null;
  examples: string[];
}

export interface InboxQuery {
  state: InboxState;
  /** Substring of the sample text or of any text in the group (matched literally). */
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * One page of groups, most frequent first.
 * @example await inboxPage(db, { state: 'new', page: 1, pageSize: 50 })
 */
export async function inboxPage(db: Kysely<Database>, { state, q, page, pageSize }: InboxQuery): Promise<{ items: InboxItem[]; total: number }> {
  let base = db.selectFrom('inbox_groups').where('state', '=', state);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        like('inbox_groups.text', pattern),
        eb.exists(eb.selectFrom('inbox_texts').select('key').whereRef('inbox_texts.group_id', '=', 'inbox_groups.id').where(like('inbox_texts.text', pattern))),
      ]),
    );
  }
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll()
    .orderBy('count', 'desc')
    .orderBy('last_seen', 'desc')
    .orderBy('id', 'asc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const examples = await examplesOf(db, rows);
  return { items: rows.map((r) => toItem(r, examples.get(r.id) ?? [])), total: Number(total) };
}

/** `column LIKE pattern` with `\` as the escape character (PostgreSQL's default, not SQLite's); the pattern is a bound value. */
function like(column: 'inbox_groups.text' | 'inbox_texts.text', pattern: string) {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** Up to 5 other texts of each group, most frequent first. */
async function examplesOf(db: Kysely<Database>, groups: InboxGroup[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!groups.length) return out;
  const rows = await db
    .selectFrom('inbox_texts')
    .select(['group_id', 'text', 'key'])
    .where('group_id', 'in', groups.map((g) => g.id))
    .orderBy('count', 'desc')
    .orderBy('last_seen', 'desc')
    .execute();
  const keyOf = new Map(groups.map((g) => [g.id, g.key]));
  for (const r of rows) {
    if (r.key === keyOf.get(r.group_id)) continue;
    const list = out.get(r.group_id) ?? [];
    if (list.length < 5) list.push(r.text);
    out.set(r.group_id, list);
  }
  return out;
}

/** The API's view of a group row. */
export function toItem(r: InboxGroup, examples: string[] = []): InboxItem {
  return {
    id: r.id,
    text: r.text,
    count: r.count,
    lastSeen: new Date(r.last_seen).toISOString(),
    guess: r.guess_intent ? { intent: r.guess_intent, score: r.guess_score === null ? null : Math.round(r.guess_score * 1000) / 1000 } : null,
    state: r.state,
    label: r.label,
    actedBy: r.acted_by,
    actedAt: r.acted_at === null ? null : new Date(r.acted_at).toISOString(),
    examples,
  };
}

/**
 * What staff do to inbox groups: label (training data for an intent), out of scope (`None` or a topic), ignore, or
 * reopen (back to the inbox as a new question, label and who acted cleared: e.g. a pending label taken out).
 */
export type InboxChange = { action: 'label'; intent: string } | { action: 'out-of-scope'; topic?: string } | { action: 'ignore' } | { action: 'reopen' };

/**
 * Apply one change to groups, recording who acted and when; returns the number of groups changed (missing ids are
 * skipped, and so are groups that are new already when reopening). Labelled groups become pending training data (`exported_at` null) for `npm run inbox:export`.
 * @example await changeGroups(db, [17, 18], { action: 'label', intent: 'faq.signup' }, 'mina')
 */
export async function changeGroups(db: Kysely<Database> | Transaction<Database>, ids: number[], change: InboxChange, actor: string, now = Date.now()): Promise<number> {
  if (!ids.length) return 0;
  if (change.action === 'reopen') {
    const reopened = await db
      .updateTable('inbox_groups')
      .set({ state: 'new', label: null, acted_by: null, acted_at: null, exported_at: null })
      .where('id', 'in', ids)
      .where('state', '!=', 'new')
      .executeTakeFirst();
    return Number(reopened.numUpdatedRows ?? 0);
  }
  const set =
    change.action === 'ignore'
      ? { state: 'ignored' as const, label: null }
      : { state: 'done' as const, label: change.action === 'label' ? change.intent : (change.topic ?? 'None') };
  const result = await db
    .updateTable('inbox_groups')
    .set({ ...set, acted_by: actor, acted_at: now, exported_at: null })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}

/** One group as an item (with its examples), or undefined. */
export async function inboxItem(db: Kysely<Database>, id: number): Promise<InboxItem | undefined> {
  const row = await db.selectFrom('inbox_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toItem(row, (await examplesOf(db, [row])).get(row.id) ?? []);
}
