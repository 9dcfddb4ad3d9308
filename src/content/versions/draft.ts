/**
 * Console edits on a draft snapshot: a response, a training utterance, the synonym map, the fact rules. Each edit rewrites the one
 * YAML file it touches and is checked with every `npm run validate` check before it is saved. Every edit goes through
 * one path, `editDocument` (the `yaml` package's Document API): the file is changed in place, so its comments (a
 * header, a note above an entry, the synonyms' section headings), its order and its anchors stay. Only a file that
 * does not parse as one document is written whole from its data (js-yaml).
 */
import fs from 'node:fs';
import { dump, load } from 'js-yaml';
import type * as YamlDocuments from 'yaml';
import { lintContent } from '../../cli/lint-content';
import { FACTS_FILE } from '../load';
import { FactsFile, ResponseDef, type FactDef } from '../schema';
import { materialize, type Snapshot } from './snapshot';

export interface DraftError {
  file: string;
  field: string;
  message: string;
}

const yaml = (data: unknown) => dump(data, { lineWidth: -1, noRefs: true });

/** The file defining response `id` (responses/*.yml, not `_` files), if any. */
function responseFile(files: Snapshot, id: string): string | undefined {
  return Object.keys(files).find((f) => f.startsWith('responses/') && !f.startsWith('responses/_') && Object.hasOwn((load(files[f]) as object | null) ?? {}, id));
}

/**
 * The draft with response `id` replaced (or added in `responses/<id>.yml`); throws a DraftError list when the
 * response does not match the schema.
 * @example setResponse(files, 'faq.signup', { label: '회원가입', bubbles: [{ text: '…' }] })
 */
export function setResponse(files: Snapshot, id: string, def: unknown): Snapshot {
  const file = responseFile(files, id) ?? `responses/${id}.yml`;
  const parsed = ResponseDef.safeParse(def);
  if (!parsed.success) {
    throw parsed.error.issues.map((i): DraftError => ({ file, field: [id, ...i.path.map(String)].join('.'), message: i.message }));
  }
  const edited = editDocument(files[file], (doc, { isMap }) => isMap(doc.contents) && setEntry(doc, doc.contents, id, parsed.data));
  if (edited !== undefined) return { ...files, [file]: edited };
  const data = (files[file] ? (load(files[file]) as Record<string, unknown>) : {}) ?? {};
  data[id] = parsed.data;
  return { ...files, [file]: yaml(data) };
}

/**
 * The draft with one more training utterance for an existing intent (a repeat is not added twice).
 * @example addUtterance(files, 'faq.signup', '가입 꼭 해야 돼요?')
 */
export function addUtterance(files: Snapshot, intent: string, text: string): Snapshot {
  const file = `intents/${intent}.yml`;
  if (!files[file]) throw new RangeError(`no intent ${intent}`);
  const edited = editDocument(files[file], (doc, { isSeq }) => {
    const utterances = doc.get('utterances', true);
    if (!isSeq(utterances)) return false;
    if (!(utterances.toJSON() as unknown[]).includes(text)) utterances.add(doc.createNode(text));
    return true;
  });
  if (edited !== undefined) return { ...files, [file]: edited };
  const data = load(files[file]) as { intent: string; utterances: string[] };
  if (!data.utterances.includes(text)) data.utterances.push(text);
  return { ...files, [file]: yaml(data) };
}

const SYNONYMS_FILE = 'intents/_synonyms.yml';

/**
 * The draft with the synonym map replaced. The file keeps its comments and its order: entries that stay keep their
 * place (and their comments, unless their list changed), removed ones go (a comment above one moves to the next
 * entry), new ones come last.
 * @example setSynonyms(files, { 비밀번호: ['비번'] })
 */
export function setSynonyms(files: Snapshot, synonyms: Record<string, string[]>): Snapshot {
  const text = files[SYNONYMS_FILE];
  return { ...files, [SYNONYMS_FILE]: (text && editSynonyms(text, synonyms)) || yaml({ synonyms }) };
}

/**
 * The draft with the fact rules replaced (`intents/_facts.yml`); throws a DraftError list naming the field when they do
 * not match the schema. Rules that stay keep their place and the comments around them, removed ones go, new ones come
 * last; the file's header stays. A rule needs its answer (`responses/`, the same id): `lintDraft` says so.
 * @example setFacts(files, { 'fact.site_address': { faqs: ['faq.signup'], all: [['사이트'], ['주소']] } })
 */
export function setFacts(files: Snapshot, facts: Record<string, unknown>): Snapshot {
  const parsed = FactsFile.safeParse({ facts });
  if (!parsed.success) {
    throw parsed.error.issues.map((i): DraftError => ({ file: FACTS_FILE, field: i.path.map(String).join('.'), message: i.message }));
  }
  const wanted = parsed.data.facts;
  const edited = editDocument(files[FACTS_FILE], (doc, { isMap, isScalar }) => {
    const map = doc.get('facts', true);
    if (!isMap(map)) return false;
    map.items = map.items.filter((p) => Object.hasOwn(wanted, isScalar(p.key) ? String(p.key.value) : String(p.key)));
    for (const [id, def] of Object.entries(wanted)) setEntry(doc, map, id, factNode(doc, def));
    return true;
  });
  return { ...files, [FACTS_FILE]: edited ?? yaml({ facts: wanted }) };
}

/** A rule as the file writes it: each list of phrases on one line (`[사이트, 홈페이지]`), as people write them. */
function factNode(doc: YamlDocument, def: FactDef): unknown {
  const line = (phrases: string[]) => doc.createNode(phrases, { flow: true });
  return { faqs: line(def.faqs), all: def.all.map(line), ...(def.unless ? { unless: line(def.unless) } : {}) };
}

/** The `yaml` package, loaded on the first console save only (the server reads content with js-yaml, faster to load). */
let yamlDocuments: typeof YamlDocuments | undefined;
const documents = (): typeof YamlDocuments => (yamlDocuments ??= require('yaml') as typeof YamlDocuments);
type YamlDocument = YamlDocuments.Document.Parsed;

/**
 * `text` parsed as a YAML document, changed in place by `edit`, written back: comments, order, anchors and the
 * entries not edited stay as they were. Undefined when `text` is empty or does not parse, or `edit` returns false
 * (the file is not of the expected shape): the caller writes the data whole then.
 */
function editDocument(text: string | undefined, edit: (doc: YamlDocument, yaml: typeof YamlDocuments) => boolean): string | undefined {
  if (!text) return undefined;
  const lib = documents();
  const doc = lib.parseDocument(text);
  if (doc.errors.length || !edit(doc, lib)) return undefined;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: flowPadding(text) });
}

/** Whether the file writes flow collections padded (`{ label: x }`, `[ a ]`) more often than not (`[a, b]`). */
function flowPadding(text: string): boolean {
  const padded = text.match(/[[{] (?=[^\s\]}])/g)?.length ?? 0;
  const tight = text.match(/[[{](?=[^\s\]}])/g)?.length ?? 0;
  return padded > tight;
}

/**
 * `map[key] = value` in `doc`: an entry that exists keeps its place and the comments around it (above its key, after
 * its value). An anchor inside its old value moves to the first alias that used it (a copy of what it pointed to), so
 * later aliases still resolve. A new entry comes last.
 */
function setEntry(doc: YamlDocument, map: YamlDocuments.YAMLMap, key: string, value: unknown): boolean {
  const { isAlias, isScalar, isNode, visit } = documents();
  const pair = map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
  if (!pair) {
    map.items.push(doc.createPair(key, value));
    return true;
  }
  const old = pair.value;
  const anchors = new Set<string>();
  if (isNode(old)) visit(old, { Node: (_, n) => void (n.anchor && anchors.add(n.anchor)) });
  if (anchors.size) {
    // the first alias to each such anchor becomes a copy that takes the anchor; later aliases point to it
    visit(doc, (_, node) => {
      if (node === old) return visit.SKIP;
      if (!isAlias(node) || !anchors.has(node.source)) return undefined;
      const copy = doc.createNode(node.resolve(doc)?.toJS(doc) ?? null);
      copy.anchor = node.source;
      anchors.delete(node.source);
      return copy;
    });
  }
  const next = doc.createNode(value);
  if (isNode(old)) {
    next.commentBefore = old.commentBefore;
    next.comment = old.comment;
  }
  pair.value = next;
  return true;
}

/** `text` with its `synonyms` map made equal to `synonyms`, comments kept; undefined when `text` has no such map. */
function editSynonyms(text: string, synonyms: Record<string, string[]>): string | undefined {
  return editDocument(text, (doc, { isMap }) => {
    const map = doc.get('synonyms', true);
    return isMap(map) && syncSynonyms(doc, map, synonyms);
  });
}

/** The synonyms map made equal to `synonyms` in place (order kept, removed entries' headings moved down, new ones last). */
function syncSynonyms(doc: YamlDocument, map: YamlDocuments.YAMLMap, synonyms: Record<string, string[]>): boolean {
  const { isScalar, isSeq } = documents();
  const wanted = new Map(Object.entries(synonyms));
  const list = (values: string[]) => doc.createNode(values, { flow: true });
  let orphan: string | undefined; // the comment above a removed entry (a section heading): it moves down
  const kept: typeof map.items = [];
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const values = wanted.get(key);
    const above = isScalar(pair.key) ? pair.key.commentBefore : undefined;
    if (!values) {
      if (above) orphan = orphan ? `${orphan}\n${above}` : above;
      continue;
    }
    wanted.delete(key);
    if (orphan && isScalar(pair.key)) pair.key.commentBefore = above ? `${orphan}\n${above}` : orphan;
    orphan = undefined;
    const current = isSeq(pair.value) ? (pair.value.toJSON() as unknown[]) : undefined;
    if (!current || current.length !== values.length || current.some((v, i) => String(v) !== values[i])) pair.value = list(values);
    kept.push(pair);
  }
  for (const [key, values] of wanted) kept.push(doc.createPair(key, list(values)));
  map.items = kept;
  if (orphan) map.comment = map.comment ? `${orphan}\n${map.comment}` : orphan;
  return true;
}

/** What the console shows of a draft: responses, utterances per intent, synonyms, fact rules, as in the files. */
export function draftView(files: Snapshot): {
  responses: Record<string, unknown>;
  intents: Record<string, string[]>;
  synonyms: Record<string, string[]>;
  facts: Record<string, unknown>;
} {
  const responses: Record<string, unknown> = {};
  const intents: Record<string, string[]> = {};
  let synonyms: Record<string, string[]> = {};
  let facts: Record<string, unknown> = {};
  for (const [file, text] of Object.entries(files)) {
    const data = load(text) as Record<string, unknown> | null;
    if (file === 'intents/_synonyms.yml') synonyms = (data?.synonyms as Record<string, string[]>) ?? {};
    else if (file === FACTS_FILE) facts = (data?.facts as Record<string, unknown>) ?? {};
    else if (file.startsWith('intents/') && !file.startsWith('intents/_')) intents[String(data?.intent)] = (data?.utterances as string[]) ?? [];
    else if (file.startsWith('responses/') && !file.startsWith('responses/_')) Object.assign(responses, data ?? {});
  }
  return { responses, intents, synonyms, facts };
}

/**
 * Every error `npm run validate` finds in the draft (file and field named).
 * @example lintDraft(files, 'test/nlu/dev.tsv') // [] when sound
 */
export function lintDraft(files: Snapshot, devSet?: string): DraftError[] {
  const dir = materialize(files);
  try {
    return lintDir(dir, devSet);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The errors of `npm run validate` for content in `dir`. */
export function lintDir(dir: string, devSet?: string): DraftError[] {
  return lintContent(dir, { devSet }).findings.filter((f) => f.level === 'error').map(({ file, field, message }) => ({ file, field, message }));
}
