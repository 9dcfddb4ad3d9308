/**
 * What the partner reads: an answer set (`text<TAB>intent<TAB>must_contain<TAB>category`) asked of the whole bot, one
 * fresh user per row. A `fact` row is right when the reply holds one of its `must_contain` strings (a number, the
 * site's address, a menu name), spaces ignored; every row is also scored by its final intent, as `/nlu/parse` reports
 * it, and by whether a fact's answer was given (on a `near` or `plain` row, a rule that fired where it should not).
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { SkillResponse } from '../../kakao/response';
import { squash } from '../facts';
import { NONE } from '../labels';
import { tsvRows } from './dataset';
import { pct } from './metrics';

export interface AnswerRow {
  text: string;
  intent: string;
  /** Any of these in the reply makes a `fact` row right (empty for other rows). */
  mustContain: string[];
  /** `fact`: asks one fact of an FAQ; `near`: the same words asking something else; `plain`: a whole FAQ question. */
  category: string;
  line: number;
}

const Label = z.string().regex(/^[A-Za-z][\w.-]*$/);
const HEADER = /^text\tintent\tmust_contain\tcategory\s*$/i;

/**
 * Parse an answer set; throws naming the line when a row is malformed or its label unknown.
 * @example parseAnswerSet('사이트 주소요\tfaq.signup\tpartner.kakaomobility.com\tfact\n')[0].mustContain // ['partner.kakaomobility.com']
 */
export function parseAnswerSet(tsv: string, knownIntents?: Iterable<string>, source = 'answer set'): AnswerRow[] {
  const known = knownIntents ? new Set(knownIntents) : undefined;
  const rows: AnswerRow[] = [];
  for (const { raw, line, cells } of tsvRows(tsv, HEADER)) {
    const [text, intent, must, category, ...rest] = cells;
    const label = Label.safeParse(intent?.trim());
    if (!text?.trim() || !label.success || !category?.trim() || rest.some((r) => r.trim())) {
      throw new Error(`${source}:${line}: expected "text<TAB>intent<TAB>must_contain<TAB>category", got ${JSON.stringify(raw.slice(0, 80))}`);
    }
    if (known && !known.has(label.data)) throw new Error(`${source}:${line}: unknown intent "${label.data}"`);
    const mustContain = (must ?? '').split('|').map((s) => s.trim()).filter((s) => s && s !== '-');
    if (category.trim() === 'fact' && !mustContain.length) throw new Error(`${source}:${line}: a fact row needs must_contain`);
    rows.push({ text: text.trim(), intent: label.data, mustContain, category: category.trim(), line });
  }
  return rows;
}

/** @example readAnswerSet('test/nlu/facts-v1.tsv', labels).length */
export function readAnswerSet(file: string, knownIntents?: Iterable<string>): AnswerRow[] {
  return parseAnswerSet(fs.readFileSync(file, 'utf8'), knownIntents, file);
}

/**
 * Everything of a reply a partner can read or open: texts, card titles and descriptions, button labels and links, and
 * phone buttons' numbers.
 */
export function replyText(response: SkillResponse): string {
  const parts: string[] = [];
  for (const o of response.template.outputs) {
    if ('simpleText' in o) parts.push(o.simpleText.text);
    if ('textCard' in o) {
      parts.push(o.textCard.title ?? '', o.textCard.description ?? '');
      for (const b of o.textCard.buttons ?? []) parts.push(b.label, 'webLinkUrl' in b ? String(b.webLinkUrl) : '', 'phoneNumber' in b ? String(b.phoneNumber) : '');
    }
  }
  return parts.join('\n');
}

/** Whether a reply holds one of the strings (spaces and case ignored). */
export function holdsAny(reply: string, strings: string[]): boolean {
  const r = squash(reply);
  return strings.some((s) => r.includes(squash(s)));
}

/** One row as the bot took it. */
export interface Answered {
  row: AnswerRow;
  /** The final intent (`/nlu/parse`'s). */
  intent: string;
  /** The response id the bot answered with (a fact's, an FAQ's, a topic's, `None` …) and the turn's outcome. */
  answer: string;
  outcome: string;
  reply: string;
}

export interface CategoryScore {
  category: string;
  rows: number;
  /** Final intent equal to the label. */
  intentRight: number;
  /** `fact` rows: the reply holds the fact. */
  factInReply: number;
  /** Rows answered with a fact's response. */
  factAnswers: number;
}

export interface AnswersReport {
  categories: CategoryScore[];
  /** `fact` rows whose reply lacks the fact, and rows of other categories that got a fact's answer or a wrong intent. */
  wrong: Array<{ line: number; text: string; category: string; expected: string; intent: string; answer: string; outcome: string; missing?: string[] }>;
}

/** Score answered rows by category (in the order categories first appear). */
export function scoreAnswers(answered: Answered[]): AnswersReport {
  const byCategory = new Map<string, CategoryScore>();
  const wrong: AnswersReport['wrong'] = [];
  for (const a of answered) {
    const { row } = a;
    const c = byCategory.get(row.category) ?? { category: row.category, rows: 0, intentRight: 0, factInReply: 0, factAnswers: 0 };
    byCategory.set(row.category, c);
    c.rows++;
    const intentRight = a.intent === row.intent;
    const isFactAnswer = a.answer.startsWith('fact.');
    const holds = row.mustContain.length > 0 && holdsAny(a.reply, row.mustContain);
    if (intentRight) c.intentRight++;
    if (holds) c.factInReply++;
    if (isFactAnswer) c.factAnswers++;
    const bad = row.category === 'fact' ? !holds : !intentRight || (isFactAnswer && row.intent === NONE);
    if (bad) {
      wrong.push({ line: row.line, text: row.text, category: row.category, expected: row.intent, intent: a.intent, answer: a.answer, outcome: a.outcome, ...(row.category === 'fact' && !holds ? { missing: row.mustContain } : {}) });
    }
  }
  return { categories: [...byCategory.values()], wrong };
}

/** A share as the eval prints it, `-` for none of none. */
const share = (n: number, d: number) => (d ? pct(n / d) : '-');

/** The report as lines: a table by category, then the rows that went wrong (texts hidden for a holdout set). */
export function formatAnswers(report: AnswersReport, title: string, hidden: boolean): string[] {
  const lines = [title, '', 'category   rows  fact in reply  intent right  fact answers'];
  let rows = 0;
  let right = 0;
  for (const c of report.categories) {
    rows += c.rows;
    right += c.intentRight;
    const inReply = c.category === 'fact' ? `${share(c.factInReply, c.rows)} (${c.factInReply})` : '-';
    lines.push(`${c.category.padEnd(10)} ${String(c.rows).padStart(4)}  ${inReply.padStart(13)}  ${`${share(c.intentRight, c.rows)} (${c.intentRight})`.padStart(12)}  ${String(c.factAnswers).padStart(12)}`);
  }
  lines.push(`${'all'.padEnd(10)} ${String(rows).padStart(4)}  ${''.padStart(13)}  ${`${share(right, rows)} (${right})`.padStart(12)}`);
  if (report.wrong.length) {
    lines.push('', `wrong (${report.wrong.length}):`);
    for (const w of report.wrong) {
      const what = w.missing ? `reply lacks ${w.missing.join(' | ')}` : `expected ${w.expected}`;
      lines.push(`  ${String(w.line).padStart(4)} ${hidden ? '(hidden)' : w.text}  [${w.category}] → ${w.intent} / ${w.answer} (${w.outcome}); ${what}`);
    }
  }
  return lines;
}
