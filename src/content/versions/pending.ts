/**
 * The inbox's pending labels (issue #14): groups staff labelled in the console (state `done`) whose texts are not in a
 * published version yet. A publish adds their texts to the labelled intent's utterances and marks the groups as
 * exported, like `npm run inbox:export` does for the files; masked texts are left out (the mask is not what partners
 * type), so are texts the intent already has.
 */
import { load } from 'js-yaml';
import type { Kysely } from 'kysely';
import type { Database } from '../../events';
import { markExported, MASKED } from '../../events/export';
import { addUtterance } from './draft';
import type { Snapshot } from './snapshot';

export interface PendingLabel {
  id: number;
  /** The group's masked sample text. */
  text: string;
  intent: string;
  actedBy: string | null;
  actedAt: string | null;
  /** The utterances a publish adds to `intent` (none when all are masked or already there). */
  adds: string[];
}

/**
 * Every labelled, not yet published inbox group, with the utterances it would add to `files`.
 * @example await pendingLabels(db, files) // [{ id: 3, intent: 'faq.signup', adds: ['가입 꼭 해야 돼요'], … }]
 */
export async function pendingLabels(db: Kysely<Database>, files: Snapshot): Promise<PendingLabel[]> {
  const groups = await db
    .selectFrom('inbox_groups')
    .select(['id', 'text', 'label', 'acted_by', 'acted_at'])
    .where('state', '=', 'done')
    .where('label', 'is not', null)
    .where('exported_at', 'is', null)
    .orderBy('id')
    .execute();
  const out: PendingLabel[] = [];
  const known = new Map<string, Set<string>>();
  for (const g of groups) {
    const intent = g.label as string;
    const file = files[`intents/${intent}.yml`];
    if (!file) continue; // a label that is no intent of this content (cannot be trained)
    let seen = known.get(intent);
    if (!seen) known.set(intent, (seen = new Set(((load(file) as { utterances?: string[] })?.utterances ?? []).map((u) => u.trim()))));
    const texts = await db.selectFrom('inbox_texts').select('text').where('group_id', '=', g.id).orderBy('count', 'desc').orderBy('key').execute();
    const adds: string[] = [];
    for (const { text } of texts) {
      const clean = text.trim();
      if (!clean || MASKED.test(clean) || seen.has(clean)) continue;
      seen.add(clean);
      adds.push(clean);
    }
    out.push({ id: g.id, text: g.text, intent, actedBy: g.acted_by, actedAt: g.acted_at === null ? null : new Date(Number(g.acted_at)).toISOString(), adds });
  }
  return out;
}

/** The draft with every pending label's utterances added. @example withPending(files, await pendingLabels(db, files)) */
export function withPending(files: Snapshot, pending: readonly PendingLabel[]): Snapshot {
  return pending.reduce((draft, p) => p.adds.reduce((d, text) => addUtterance(d, p.intent, text), draft), files);
}

/** After a publish: the groups are in a version now, no longer pending. */
export const markPublished = markExported;
