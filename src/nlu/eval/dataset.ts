/** Labelled utterance sets for evaluation: the dev TSV (`text<TAB>intent[<TAB>category<TAB>also_ok]`) and k-fold splits of intents/. */
import fs from 'node:fs';
import { z } from 'zod';
import type { IntentFile } from '../../content/schema';

export interface LabeledUtterance {
  text: string;
  intent: string;
  /** 1-based line in the source file (0 for generated sets). */
  line: number;
  /** Dev set v2: the kind of message (long, voice, typo, konglish, paraphrase, negation, mixed, near, other, …). */
  category?: string;
  /** Dev set v2: other labels that also count as right for a double-meaning row. */
  alsoOk?: string[];
}

const Label = z.string().regex(/^[A-Za-z][\w.-]*$/);
const Row = z.object({ text: z.string().trim().min(1), intent: Label, category: z.string().regex(/^[a-z][\w-]*$/).optional(), alsoOk: z.array(Label) });
const HEADER = /^text\tintent(\tcategory(\talso_ok)?)?\s*$/i;

/**
 * Parse a dev set: one `text<TAB>intent` per line, optionally followed by `<TAB>category<TAB>also_ok` (dev set
 * v2; also_ok lists labels separated by `,`, `|`, `;` or spaces). Blank lines, `#` comments and a header line are
 * skipped. Throws naming the line when a row is malformed or a label is unknown.
 * @example parseDevSet('비번 까먹음\tfaq.forgot_credentials\ttypo\t\n', ['faq.forgot_credentials'])[0].category // 'typo'
 */
export function parseDevSet(tsv: string, knownIntents?: Iterable<string>, source = 'dev set'): LabeledUtterance[] {
  const known = knownIntents ? new Set(knownIntents) : undefined;
  const rows: LabeledUtterance[] = [];
  for (const { raw, line, cells } of tsvRows(tsv, HEADER)) {
    const [text, intent, category, alsoOk, ...rest] = cells;
    const parsed = Row.safeParse({ text, intent: intent?.trim(), category: category?.trim() || undefined, alsoOk: splitLabels(alsoOk) });
    if (!parsed.success || rest.some((r) => r.trim())) throw new Error(`${source}:${line}: expected "text<TAB>intent[<TAB>category<TAB>also_ok]", got ${JSON.stringify(raw.slice(0, 80))}`);
    const unknown = [parsed.data.intent, ...parsed.data.alsoOk].find((l) => known && !known.has(l));
    if (unknown) throw new Error(`${source}:${line}: unknown intent "${unknown}"`);
    const { category: cat, alsoOk: also } = parsed.data;
    rows.push({ text: parsed.data.text, intent: parsed.data.intent, line, ...(cat ? { category: cat } : {}), ...(also.length ? { alsoOk: also } : {}) });
  }
  return rows;
}

/**
 * The rows of an evaluation TSV with their 1-based line numbers and cells: blank lines, `#` comments and a line
 * matching `header` are skipped (the dev sets and the answer sets alike).
 * @example tsvRows('text\tintent\n비번\tfaq.forgot_credentials\n', /^text\tintent/)[0].line // 2
 */
export function tsvRows(tsv: string, header: RegExp): Array<{ raw: string; line: number; cells: string[] }> {
  const out: Array<{ raw: string; line: number; cells: string[] }> = [];
  tsv.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() && !raw.startsWith('#') && !header.test(raw)) out.push({ raw, line: i + 1, cells: raw.split('\t') });
  });
  return out;
}

function splitLabels(cell: string | undefined): string[] {
  return (cell ?? '').split(/[\s,|;]+/).filter(Boolean);
}

/**
 * Read and parse a dev set file (see parseDevSet).
 * @example readDevSet('test/nlu/dev.tsv', ['faq.signup', 'None']).length
 */
export function readDevSet(file: string, knownIntents?: Iterable<string>): LabeledUtterance[] {
  return parseDevSet(fs.readFileSync(file, 'utf8'), knownIntents, file);
}

/**
 * Split intents/ into k folds: fold i tests every k-th utterance (offset i) of each intent and trains on the rest.
 * @example kFolds(intents, 5).length // 5
 */
export function kFolds(intents: IntentFile[], k: number): Array<{ train: IntentFile[]; test: LabeledUtterance[] }> {
  return Array.from({ length: k }, (_, fold) => ({
    train: intents.map((f) => ({ intent: f.intent, utterances: f.utterances.filter((_, i) => i % k !== fold) })),
    test: intents.flatMap((f) => f.utterances.flatMap((text, i) => (i % k === fold ? [{ text, intent: f.intent, line: 0 }] : []))),
  }));
}
