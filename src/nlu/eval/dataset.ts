/** Labelled utterance sets for evaluation: the dev TSV (`text<TAB>intent`) and k-fold splits of intents/. */
import fs from 'node:fs';
import { z } from 'zod';
import type { IntentFile } from '../../content/schema';

export interface LabeledUtterance {
  text: string;
  intent: string;
  /** 1-based line in the source file (0 for generated sets). */
  line: number;
}

const Row = z.object({ text: z.string().trim().min(1), intent: z.string().regex(/^[A-Za-z][\w.-]*$/) });

/**
 * Parse a dev set: one `text<TAB>intent` per line; blank lines, `#` comments and a `text<TAB>intent`
 * header are skipped. Throws naming the line when a row is malformed or its intent is unknown.
 * @example parseDevSet('비번 까먹음\tfaq.forgot_credentials\n', ['faq.forgot_credentials'])
 */
export function parseDevSet(tsv: string, knownIntents?: Iterable<string>, source = 'dev set'): LabeledUtterance[] {
  const known = knownIntents ? new Set(knownIntents) : undefined;
  const rows: LabeledUtterance[] = [];
  tsv.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.startsWith('#') || (i === 0 && /^text\tintent\s*$/i.test(raw))) return;
    const [text, intent, ...rest] = raw.split('\t');
    const parsed = Row.safeParse({ text, intent: intent?.trim() });
    if (!parsed.success || rest.some((r) => r.trim())) throw new Error(`${source}:${line}: expected "text<TAB>intent", got ${JSON.stringify(raw.slice(0, 80))}`);
    if (known && !known.has(parsed.data.intent)) throw new Error(`${source}:${line}: unknown intent "${parsed.data.intent}"`);
    rows.push({ text: parsed.data.text, intent: parsed.data.intent, line });
  });
  return rows;
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
