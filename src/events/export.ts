/**
 * Labelled inbox groups are pending training data; `npm run inbox:export` appends their texts to intents/<intent>.yml
 * (deduplicated against the file, comments and layout kept) and marks the groups exported. Nothing reaches the running
 * model until a developer runs the usual validate → eval → train.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import type { Kysely } from 'kysely';
import type { Normalizer } from '../nlu/normalize';
import { groupKey } from './inbox';
import type { Database } from './schema';

/** Masked texts are no training data: the mask is not what partners type. */
export const MASKED = /\*{2,}|\[(?:비밀번호|이름) 가림\]/;

export interface ExportPlan {
  /** intent → utterances to append (new ones only). */
  add: Map<string, string[]>;
  /** Groups whose texts are all accounted for (written now, already there, or masked). */
  groups: number[];
  skipped: Array<{ group: number; label: string; reason: string }>;
}

/**
 * Work out what to append, without writing.
 * @example const plan = await planExport(db, '.', normalize)
 */
export async function planExport(db: Kysely<Database>, root: string, normalize: Normalizer): Promise<ExportPlan> {
  const groups = await db
    .selectFrom('inbox_groups')
    .select(['id', 'label'])
    .where('state', '=', 'done')
    .where('label', 'is not', null)
    .where('exported_at', 'is', null)
    .orderBy('id')
    .execute();
  const plan: ExportPlan = { add: new Map(), groups: [], skipped: [] };
  const known = new Map<string, Set<string>>();
  for (const g of groups) {
    const label = g.label as string;
    const file = intentFile(root, label);
    if (!file) {
      plan.skipped.push({ group: g.id, label, reason: `no file intents/${label}.yml` });
      continue;
    }
    let seen = known.get(label);
    if (!seen) {
      const parsed = load(fs.readFileSync(file, 'utf8')) as { utterances?: unknown };
      const existing = Array.isArray(parsed?.utterances) ? parsed.utterances.filter((u): u is string => typeof u === 'string') : [];
      seen = new Set(existing.map((u) => groupKey(u, normalize)));
      known.set(label, seen);
    }
    const texts = await db.selectFrom('inbox_texts').select('text').where('group_id', '=', g.id).orderBy('count', 'desc').orderBy('key').execute();
    for (const { text } of texts) {
      const key = groupKey(text, normalize);
      if (!key || MASKED.test(text) || seen.has(key)) continue;
      seen.add(key);
      plan.add.set(label, [...(plan.add.get(label) ?? []), text.trim()]);
    }
    plan.groups.push(g.id);
  }
  return plan;
}

/**
 * Append the plan's utterances to their intent files and mark its groups exported.
 * @example await applyExport(db, '.', plan, '2026-12-01')
 */
export async function applyExport(db: Kysely<Database>, root: string, plan: ExportPlan, day: string, now = Date.now()): Promise<void> {
  for (const [label, texts] of plan.add) {
    const file = intentFile(root, label) as string;
    const before = fs.readFileSync(file, 'utf8');
    const lines = texts.map((t) => `  ${dump([t], { lineWidth: -1 }).trimEnd()}`);
    const block = [`  # from the console inbox (npm run inbox:export, ${day})`, ...lines].join('\n');
    fs.writeFileSync(file, `${before.replace(/\s*$/, '')}\n${block}\n`);
  }
  await markExported(db, plan.groups, now);
}

/** The groups' texts are in the training data now (the files, or a published content version): no longer pending. */
export async function markExported(db: Kysely<Database>, ids: readonly number[], now = Date.now()): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db.updateTable('inbox_groups').set({ exported_at: now }).where('id', 'in', ids.slice(i, i + 500)).execute();
  }
}

/** intents/<label>.yml when the label is a plain intent id and the file exists. */
function intentFile(root: string, label: string): string | undefined {
  if (!/^[A-Za-z][\w.-]*$/.test(label)) return undefined;
  const file = path.join(root, 'intents', `${label}.yml`);
  return fs.existsSync(file) ? file : undefined;
}
