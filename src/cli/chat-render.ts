/** Terminal rendering of a SkillResponse: text bubbles, cards with their buttons, numbered taps. */
import type { Button, Output, QuickReply, SkillResponse } from '../kakao/response';

/** Something the user can tap by typing its number: Kakao sends messageText (or the label) with extra. */
export interface Tap {
  label: string;
  text: string;
  extra: Record<string, unknown>;
}

export interface Rendered {
  lines: string[];
  /** Numbered in display order: message buttons in cards first, then quick replies. */
  taps: Tap[];
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
}

export const PLAIN: Style = { bold: (s) => s, dim: (s) => s };
export const ANSI: Style = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

const INDENT = '     ';
const WIDTH = 78;

/**
 * Render a response as terminal lines, numbering every tappable button and quick reply.
 * @example renderResponse(res).taps[0] // { label: '회원가입 필요?', text: '회원가입 필요?', extra: { intent: 'faq.signup' } }
 */
export function renderResponse(res: SkillResponse, style: Style = PLAIN): Rendered {
  const taps: Tap[] = [];
  const lines: string[] = [];
  res.template.outputs.forEach((output, i) => {
    const bubble = renderOutput(output, taps, style);
    lines.push(...bubble.map((l, j) => (i === 0 && j === 0 ? `${style.bold('bot>')} ${l}` : `${INDENT}${l}`)));
  });
  const chips = (res.template.quickReplies ?? []).map((q) => `[${addTap(taps, q)}] ${q.label}`);
  if (chips.length) lines.push(...wrap(chips, WIDTH - INDENT.length).map((l) => INDENT + style.dim(l)));
  return { lines, taps };
}

function renderOutput(output: Output, taps: Tap[], style: Style): string[] {
  if ('simpleText' in output) return output.simpleText.text.split('\n');
  const { title, description, buttons = [] } = output.textCard;
  const body = [
    ...(title ? [style.bold(title)] : []),
    ...(description ? description.split('\n') : []),
    ...buttons.map((b) => renderButton(b, taps)),
  ];
  return ['┌' + '─'.repeat(30), ...body.map((l) => `│ ${l}`), '└' + '─'.repeat(30)];
}

function renderButton(b: Button, taps: Tap[]): string {
  switch (b.action) {
    case 'webLink':
      return `( ${b.label} ↗ ${b.webLinkUrl} )`;
    case 'phone':
      return `( ${b.label} ☎ ${b.phoneNumber} )`;
    case 'operator':
      return `( ${b.label} · operator hand-off, handled by Kakao )`;
    case 'share':
      return `( ${b.label} · share )`;
    default:
      return `[${addTap(taps, b)}] ${b.label}`;
  }
}

function addTap(taps: Tap[], b: QuickReply | Extract<Button, { action: 'message' | 'block' }>): number {
  taps.push({ label: b.label, text: b.messageText ?? b.label, extra: b.extra ?? {} });
  return taps.length;
}

/**
 * Join items into lines no wider than `width` columns (Hangul and other wide characters count 2).
 * @example wrap(['[1] 처음으로', '[2] 상담원 연결'], 20) // ['[1] 처음으로', '[2] 상담원 연결']
 */
export function wrap(items: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}  ${item}` : item;
    if (line && columns(next) > width) {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Terminal columns of `s`: East Asian wide characters and emoji take two.
 * @example columns('[1] 처음으로') // 12
 */
export function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  return n;
}
