/** Content lint behind `npm run validate`: schemas, dangling taps, Kakao limits, duplicate and leaked utterances. */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';
import { checkContent, ContentError, ContentErrors, loadContent, Renderer, type Content } from '../content';
import { createDialogs } from '../dialog/flows';
import { skillResponse } from '../kakao/build';
import { normalizerFor } from '../nlu/model';
import type { Normalizer } from '../nlu/normalize';

export type Level = 'error' | 'warning' | 'note';

export interface Finding {
  level: Level;
  file: string;
  field: string;
  message: string;
}

export interface LintOptions {
  /** The dev test set (TSV `text<TAB>intent[<TAB>category<TAB>also_ok]`); default: every file of DEV_SETS present. */
  devSet?: string;
  /** Fewer training utterances than this is a warning. */
  minUtterances?: number;
}

export interface LintResult {
  findings: Finding[];
  stats: { intents: number; utterances: number; responses: number; dialogActions: number; devRows: number };
}

/**
 * Dev sets checked by default: v1, v2, the v2 holdout, v3, v7, v8 and their holdouts, the v9 holdout, and the answer
 * sets of the facts (`--answers`; their first two columns are text and intent too), each when present; a holdout's
 * rows are never printed.
 */
export const DEV_SETS = [
  'test/nlu/dev.tsv',
  'test/nlu/dev-v2.tsv',
  'test/nlu/dev-v2-holdout.tsv',
  'test/nlu/dev-v3.tsv',
  'test/nlu/dev-v7.tsv',
  'test/nlu/dev-v7-holdout.tsv',
  'test/nlu/dev-v8.tsv',
  'test/nlu/dev-v8-holdout.tsv',
  'test/nlu/dev-v9-holdout.tsv',
  'test/nlu/facts-v1.tsv',
  'test/nlu/facts-v1-holdout.tsv',
  'test/nlu/facts-v2-holdout.tsv',
];

const finding = (level: Level, file: string, field: string, message: string): Finding => ({ level, file, field, message });

/**
 * Lint all content under `root`. Schema errors stop the lint (later checks need well-formed files).
 * @example lintContent('.').findings.filter((f) => f.level === 'error').length // 0
 */
export function lintContent(root: string, { devSet, minUtterances = 5 }: LintOptions = {}): LintResult {
  const stats = { intents: 0, utterances: 0, responses: 0, dialogActions: 0, devRows: 0 };
  let content: Content;
  try {
    content = loadContent(root);
  } catch (err) {
    return { findings: fromContentErrors(err, 'error'), stats };
  }
  const findings: Finding[] = [];
  let actions: string[] = [];
  try {
    actions = createDialogs(root, content).actions;
  } catch (err) {
    findings.push(...fromContentErrors(err, 'error'));
  }
  const fileOf = responseFiles(root);
  for (const e of checkContent(content, { knownActions: actions })) {
    const id = /^responses \((.+)\)$/.exec(e.file)?.[1];
    findings.push(finding('error', id ? (fileOf.get(id) ?? e.file) : e.file, e.field, e.detail));
  }
  findings.push(...renderEach(content, fileOf));
  const normalize = normalizerFor(content);
  const training = trainingIndex(content, normalize);
  findings.push(...duplicateUtterances(training), ...thinIntents(content, minUtterances));
  const devFiles = devSet ? [devSet] : DEV_SETS.map((f) => path.join(root, f)).filter((f, i) => i === 0 || fs.existsSync(f));
  const dev = { rows: 0 };
  for (const file of devFiles) {
    const one = devOverlap(root, file, training, normalize, content);
    findings.push(...one.findings);
    dev.rows += one.rows;
  }
  Object.assign(stats, {
    intents: content.intents.length,
    utterances: content.intents.reduce((n, i) => n + i.utterances.length, 0),
    responses: content.responses.size,
    dialogActions: actions.length,
    devRows: dev.rows,
  });
  return { findings: unique(findings), stats };
}

function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}|${f.field}|${f.message.replace(/ \(OPERATOR_BUTTON=true\)/, '')}`;
    return !seen.has(key) && seen.add(key);
  });
}

function fromContentErrors(err: unknown, level: Level): Finding[] {
  if (err instanceof ContentErrors) return err.errors.map((e) => finding(level, e.file, e.field, e.detail));
  if (err instanceof ContentError) return [finding(level, err.file, err.field, err.detail)];
  throw err;
}

/** Response id → the responses/*.yml file defining it. */
function responseFiles(root: string): Map<string, string> {
  const map = new Map<string, string>();
  const dir = path.join(root, 'responses');
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : []) {
    const data = YAML.load(fs.readFileSync(path.join(dir, name), 'utf8')) as { categories?: object } | null;
    // _categories.yml defines the category menus' responses (content/menus.ts)
    const ids = name.startsWith('_') ? Object.keys(data?.categories ?? {}) : Object.keys(data ?? {});
    for (const id of ids) map.set(id, `responses/${name}`);
  }
  return map;
}

/** Render every response (with and without operator buttons) through the strict SkillResponse schema. */
function renderEach(content: Content, fileOf: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const operatorButton of [false, true]) {
    const renderer = new Renderer(content.responses, { operatorButton });
    for (const id of content.responses.keys()) {
      try {
        const reply = renderer.render(id);
        const labels = reply.quickReplies.map((q) => q.label);
        if (!operatorButton && new Set(labels).size < labels.length) {
          out.push(finding('warning', fileOf.get(id) ?? 'responses/', `${id}.quickReplies`, 'two quick replies share a label; Kakao gets only the first'));
        }
        skillResponse(reply.outputs, reply.quickReplies);
      } catch (err) {
        const detail = err instanceof Error ? err.message.replace(/\s+/g, ' ').slice(0, 300) : String(err);
        out.push(finding('error', fileOf.get(id) ?? 'responses/', id, `breaks a Kakao limit when rendered${operatorButton ? ' (OPERATOR_BUTTON=true)' : ''}: ${detail}`));
      }
    }
  }
  return out;
}

interface Utterance {
  intent: string;
  index: number;
  text: string;
}

/** Key for "the same utterance": normalized like classifier input, spaces removed. */
function utteranceKey(text: string, normalize: Normalizer): string {
  return normalize(text).replace(/\s/g, '');
}

function trainingIndex(content: Content, normalize: Normalizer): Map<string, Utterance[]> {
  const index = new Map<string, Utterance[]>();
  for (const { intent, utterances } of content.intents) {
    utterances.forEach((text, i) => {
      const key = utteranceKey(text, normalize);
      index.set(key, [...(index.get(key) ?? []), { intent, index: i, text }]);
    });
  }
  return index;
}

function duplicateUtterances(index: Map<string, Utterance[]>): Finding[] {
  const out: Finding[] = [];
  for (const uses of index.values()) {
    if (uses.length < 2) continue;
    const [first, ...rest] = uses;
    for (const u of rest) {
      const across = u.intent !== first.intent;
      const where = across ? `intents/${first.intent}.yml utterances[${first.index}]` : `utterances[${first.index}]`;
      const message = `"${u.text}" is the same (after normalization) as ${where}${across ? '; one utterance cannot teach two intents' : ''}`;
      out.push(finding(across ? 'error' : 'warning', `intents/${u.intent}.yml`, `utterances[${u.index}]`, message));
    }
  }
  return out;
}

function thinIntents(content: Content, min: number): Finding[] {
  return content.intents
    .filter((i) => i.utterances.length < min)
    .map((i) => finding('warning', `intents/${i.intent}.yml`, 'utterances', `only ${i.utterances.length} utterances; ${min}+ make the classifier steadier`));
}

/**
 * Dev-set rows must not appear in training (the evaluation would flatter the model), and must name real intents. A
 * copy is an error naming the dev file and line and the intent file and index holding it; for the holdout the row's
 * text is not printed.
 */
function devOverlap(
  root: string,
  file: string,
  training: Map<string, Utterance[]>,
  normalize: Normalizer,
  content: Content,
): { findings: Finding[]; rows: number } {
  const rel = path.relative(root, file) || file;
  if (!fs.existsSync(file)) return { findings: [finding('note', rel, '', 'not found; skipped the dev/training overlap check')], rows: 0 };
  const intents = new Set([...content.intents.map((i) => i.intent), 'None']);
  const out: Finding[] = [];
  const hidden = /holdout/i.test(path.basename(file));
  let rows = 0;
  fs.readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [text, intent] = line.split('\t').map((s) => s.trim());
      if (i === 0 && intent === 'intent') return; // header row
      const where = `line ${i + 1}`;
      if (!text || !intent) return void out.push(finding('error', rel, where, 'expected "text<TAB>intent[<TAB>category<TAB>also_ok]"'));
      rows++;
      if (!intents.has(intent)) out.push(finding('error', rel, where, `intent "${intent}" has no intents/${intent}.yml`));
      const [u, ...more] = training.get(utteranceKey(text, normalize)) ?? [];
      if (u) {
        // a dev row is never deleted to raise a score: the training copy goes (the holdout's text is not printed)
        const copy = `intents/${u.intent}.yml utterances[${u.index}]${more.length ? ` and ${more.length} more` : ''}`;
        const row = hidden ? `this row (not shown: ${rel} stays unseen)` : `"${text}"`;
        out.push(finding('error', rel, where, `${row} equals a training utterance after normalization (${copy}); remove the copy from intents/ — the dev row would otherwise be counted on seen data`));
      }
    });
  return { findings: out, rows };
}
