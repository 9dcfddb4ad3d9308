/** Loads intents/ and responses/ from disk, validating every file against its zod schema. */
import fs from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import { ContentError, ContentErrors } from './errors';
import { CategoriesFile, FactsFile, FollowupsFile, IntentFile, ResponseDef, ResponsesFile, SynonymsFile, type FactDef, type FollowupDef } from './schema';
import { CATEGORIES_FILE, groupMenus } from './menus';

export interface Content {
  intents: IntentFile[];
  synonyms: Record<string, string[]>;
  responses: Map<string, ResponseDef>;
  /** `intents/_facts.yml`: the facts partners ask on their own, by id (their answers are the responses of the same ids). */
  facts: Record<string, FactDef>;
  /** `intents/_followups.yml`: messages that follow an FAQ's answer ("그래도 안돼요"), by id (also their responses'). */
  followups?: Record<string, FollowupDef>;
  /** Raw bytes of the NLU inputs, for hashing the model artifact. */
  nluSource: string;
}

/** Read a YAML file and validate it; errors name the file (relative to `root`) and the field. */
export function readYaml<T extends z.ZodType>(file: string, schema: T, root: string): z.infer<T> {
  const rel = path.relative(root, file) || file;
  let data: unknown;
  try {
    data = parseYaml(fs.readFileSync(file, 'utf8')); // js-yaml: ~5x faster than the yaml package on a cold start (startup budget)
  } catch (err) {
    throw new ContentError(rel, '', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ContentErrors(
    result.error.issues.map((i) => new ContentError(rel, fieldPath(i.path), i.message)),
  );
}

function fieldPath(p: PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every `intents/*.yml` except files starting with `_` (normalizer data). */
export function loadIntents(root: string): IntentFile[] {
  const files = yamlFiles(path.join(root, 'intents')).filter((f) => !path.basename(f).startsWith('_'));
  return collect(files.map((f) => () => {
    const intent = readYaml(f, IntentFile, root);
    const expected = path.basename(f).replace(/\.ya?ml$/, '');
    if (intent.intent !== expected) {
      throw new ContentError(path.relative(root, f), 'intent', `is "${intent.intent}" but the file is named ${expected}.yml`);
    }
    return intent;
  }));
}

/** `intents/_synonyms.yml`: canonical term → variants rewritten to it before classification. */
export function loadSynonyms(root: string): Record<string, string[]> {
  const file = path.join(root, 'intents', '_synonyms.yml');
  return fs.existsSync(file) ? readYaml(file, SynonymsFile, root).synonyms : {};
}

/**
 * Every `responses/*.yml` (files starting with `_` hold other data), merged into one map; an id defined twice is an
 * error. Menus of more than 10 topics are grouped by the categories of `responses/_categories.yml` (menus.ts).
 */
export function loadResponses(root: string): Map<string, ResponseDef> {
  const responses = new Map<string, ResponseDef>();
  const fileOf = new Map<string, string>();
  const errors: ContentError[] = [];
  for (const file of yamlFiles(path.join(root, 'responses')).filter((f) => !path.basename(f).startsWith('_'))) {
    const parsed = attempt(() => readYaml(file, ResponsesFile, root), errors);
    for (const [id, def] of Object.entries(parsed ?? {})) {
      if (responses.has(id)) errors.push(new ContentError(path.relative(root, file), id, 'is defined in another file too'));
      responses.set(id, def);
      fileOf.set(id, path.relative(root, file));
    }
  }
  const categories = attempt(() => loadCategories(root), errors) ?? {};
  if (errors.length) throw new ContentErrors(errors);
  return groupMenus(responses, categories, (id) => fileOf.get(id) ?? 'responses/');
}

/** `responses/_categories.yml`: the menu categories (none when the file is absent). */
export function loadCategories(root: string): CategoriesFile['categories'] {
  const file = path.join(root, CATEGORIES_FILE);
  return fs.existsSync(file) ? readYaml(file, CategoriesFile, root).categories : {};
}

/** `intents/_facts.yml`: fact rules (none when the file is absent). */
export function loadFacts(root: string): Record<string, FactDef> {
  const file = path.join(root, FACTS_FILE);
  return fs.existsSync(file) ? readYaml(file, FactsFile, root).facts : {};
}

/** Where the fact rules live (from the content root), beside the synonyms: both are read by the NLU, neither is an intent. */
export const FACTS_FILE = 'intents/_facts.yml';

/** `intents/_followups.yml`: follow-up rules (none when the file is absent). */
export function loadFollowups(root: string): Record<string, FollowupDef> {
  const file = path.join(root, FOLLOWUPS_FILE);
  return fs.existsSync(file) ? readYaml(file, FollowupsFile, root).followups : {};
}

/** Where the follow-up rules live: read by the turn handler, not the model (a changed rule needs no training). */
export const FOLLOWUPS_FILE = 'intents/_followups.yml';

/** Load all content under `root` (the folder holding intents/ and responses/). */
export function loadContent(root: string): Content {
  const errors: ContentError[] = [];
  const intents = attempt(() => loadIntents(root), errors) ?? [];
  const synonyms = attempt(() => loadSynonyms(root), errors) ?? {};
  const responses = attempt(() => loadResponses(root), errors) ?? new Map();
  const facts = attempt(() => loadFacts(root), errors) ?? {};
  const followups = attempt(() => loadFollowups(root), errors) ?? {};
  if (errors.length) throw new ContentErrors(errors);
  const nluSource = JSON.stringify({ intents, synonyms });
  return { intents, synonyms, responses, facts, followups, nluSource };
}

/**
 * Run a loader, collecting its ContentError(s) into `errors` instead of throwing, so every problem is reported at once.
 * @example const intents = attempt(() => loadIntents(root), errors) ?? []
 */
export function attempt<T>(fn: () => T, errors: ContentError[]): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ContentError) errors.push(err);
    else if (err instanceof ContentErrors) errors.push(...err.errors);
    else throw err;
    return undefined;
  }
}

function collect<T>(fns: Array<() => T>): T[] {
  const errors: ContentError[] = [];
  const out = fns.map((fn) => attempt(fn, errors)).filter((v): v is T => v !== undefined);
  if (errors.length) throw new ContentErrors(errors);
  return out;
}
