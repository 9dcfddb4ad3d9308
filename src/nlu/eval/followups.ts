/**
 * Follow-up sets (`previous<TAB>followup<TAB>expected<TAB>category`): two messages of one user, the second only making
 * sense after the bot's answer to the first. Each row is asked of the whole bot as one fresh user, turn by turn, and
 * the second turn is scored by what the partner gets:
 * - an FAQ id: that FAQ's answer, or a fact its answer holds (asked back with it among the choices counts apart, as
 *   `asked`);
 * - `None`: no FAQ answered (a fallback or an out-of-scope topic's answer; a question back counts as `asked`);
 * - `help` (it still does not work): an answer that offers step-by-step help or a person (`help.*`, the guided
 *   dialogs' help: `login.help.*`, `reset.after.no_sms`, `reset.after.hard`), a handoff, or a guided dialog;
 * - `handoff`: the handoff card;
 * - `thanks`: no FAQ, no fallback (the menu or a closing).
 */
import fs from 'node:fs';
import { z } from 'zod';
import { NONE, isFaq } from '../labels';
import { tsvRows } from './dataset';
import { pct } from './metrics';

export interface FollowupRow {
  previous: string;
  followup: string;
  expected: string;
  category: string;
  line: number;
}

const Label = z.string().regex(/^[A-Za-z][\w.-]*$/);
const HEADER = /^previous\tfollowup\texpected\tcategory\s*$/i;
/** What `expected` may be besides an FAQ id. */
export const FOLLOWUP_LABELS = [NONE, 'help', 'handoff', 'thanks'] as const;

/**
 * Parse a follow-up set; throws naming the line when a row is malformed or its label unknown.
 * @example parseFollowups('비번 잊었어요\t재설정은 어디서요\tfaq.forgot_credentials\tsame\n', ['faq.forgot_credentials'])[0].expected
 */
export function parseFollowups(tsv: string, faqs: Iterable<string>, source = 'follow-up set'): FollowupRow[] {
  const known = new Set<string>([...faqs, ...FOLLOWUP_LABELS]);
  const rows: FollowupRow[] = [];
  for (const { raw, line, cells } of tsvRows(tsv, HEADER)) {
    const [previous, followup, expected, category, ...rest] = cells.map((c) => c.trim());
    const label = Label.safeParse(expected);
    if (!previous || !followup || !label.success || !category || rest.some(Boolean)) {
      throw new Error(`${source}:${line}: expected "previous<TAB>followup<TAB>expected<TAB>category", got ${JSON.stringify(raw.slice(0, 80))}`);
    }
    if (!known.has(label.data)) throw new Error(`${source}:${line}: unknown expected label "${label.data}"`);
    rows.push({ previous, followup, expected: label.data, category, line });
  }
  return rows;
}

export function readFollowups(file: string, faqs: Iterable<string>): FollowupRow[] {
  return parseFollowups(fs.readFileSync(file, 'utf8'), faqs, file);
}

/** One turn as the bot took it: the response id it answered with (`intent` of the turn), its outcome, the FAQ it names. */
export interface TakenTurn {
  answer: string;
  outcome: string;
  /** The FAQ of the answer (a fact's FAQ as the decision named it), or of the first choice offered; else the answer id. */
  intent: string;
  /** The FAQs whose answers hold what was answered: the FAQ, or every FAQ a fact's rule lists. */
  faqs: string[];
  /** FAQs offered when the bot asked back. */
  offered: string[];
  /** Whether the turn was read with the FAQ before (`TurnResult.context`). */
  context: boolean;
}

/** Responses that help a partner who is stuck: the follow-up rules' (`help.*`) and the guided dialogs' own help. */
const HELP = /^help\.|^login\.help\.|^reset\.after\.(no_sms|hard)$/;

export type Verdict = 'right' | 'asked' | 'wrong';

/**
 * How the second turn did against the row's label (module doc).
 * @example verdict('faq.start_driving', { answer: 'faq.start_driving', outcome: 'answered', intent: 'faq.start_driving', faqs: ['faq.start_driving'], offered: [], context: true }) // 'right'
 */
export function verdict(expected: string, t: TakenTurn): Verdict {
  const answeredFaq = t.outcome === 'answered' && isFaq(t.intent);
  if (isFaq(expected)) {
    if (answeredFaq && t.faqs.includes(expected)) return 'right';
    return t.outcome === 'clarified' && t.offered.includes(expected) ? 'asked' : 'wrong';
  }
  if (expected === NONE) {
    if (t.outcome === 'fallback' || t.outcome === 'out_of_scope') return 'right';
    return t.outcome === 'clarified' ? 'asked' : 'wrong';
  }
  if (expected === 'help') return HELP.test(t.answer) || t.outcome === 'handoff' || t.outcome.startsWith('dialog_') ? 'right' : 'wrong';
  if (expected === 'handoff') return t.outcome === 'handoff' ? 'right' : 'wrong';
  return !answeredFaq && t.outcome !== 'fallback' && t.outcome !== 'clarified' ? 'right' : 'wrong'; // thanks
}

export interface FollowupResult {
  row: FollowupRow;
  first: TakenTurn;
  second: TakenTurn;
  verdict: Verdict;
}

/** The report as lines: setup, then right/asked/wrong by category, then the wrong rows (texts hidden for a holdout). */
export function formatFollowups(results: FollowupResult[], title: string, hidden: boolean): string[] {
  const setup = results.filter((r) => r.first.outcome === 'answered' && isFaq(r.first.intent)).length;
  const lines = [title, '', `first message answered with an FAQ: ${setup}/${results.length}`, '', 'category   rows   right         asked   wrong   read in context'];
  const cats = [...new Set(results.map((r) => r.row.category)), 'all'];
  for (const c of cats) {
    const rs = results.filter((r) => c === 'all' || r.row.category === c);
    const n = (v: Verdict) => rs.filter((r) => r.verdict === v).length;
    lines.push(`${c.padEnd(10)} ${String(rs.length).padStart(4)}   ${`${pct(n('right') / rs.length)} (${n('right')})`.padEnd(13)} ${String(n('asked')).padStart(5)}   ${String(n('wrong')).padStart(5)}   ${String(rs.filter((r) => r.second.context).length).padStart(5)}`);
  }
  const bad = results.filter((r) => r.verdict !== 'right');
  if (bad.length) {
    lines.push('', `not right (${bad.length}):`);
    for (const r of bad) {
      const text = hidden ? '(hidden)' : `${r.row.previous} ⇢ ${r.row.followup}`;
      lines.push(`  ${String(r.row.line).padStart(4)} ${text}  [${r.row.category}] first ${r.first.intent}; → ${r.second.answer} (${r.second.outcome}${r.second.context ? ', in context' : ''}); expected ${r.row.expected}: ${r.verdict}`);
    }
  }
  return lines;
}
