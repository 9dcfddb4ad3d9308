/**
 * The load mix, identical for both servers: per simulated user, quick-reply taps (with clientExtra),
 * varied free text (the NLU dev set, else the training utterances; a quarter made unique so the classifier cache cannot serve
 * everything) and a guided dialog (password reset: tap, phone, birth date, name, confirm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../src/content';
import { FAQ_INTENTS } from '../src/content/check';

export interface Turn {
  kind: 'tap' | 'text' | 'dialog';
  utterance: string;
  extra?: Record<string, unknown>;
}

export interface Mix {
  /** One user's turns, in order (always `length` of them); a connection plays one cycle after another. */
  cycle(n: number): Turn[];
  length: number;
  /** Share of each kind in one cycle. */
  shares: Record<Turn['kind'], number>;
}

const DIALOG: Turn[] = [
  { kind: 'dialog', utterance: '비밀번호 재설정 안내', extra: { action: 'reset.start' } },
  { kind: 'dialog', utterance: '010-1234-5678' },
  { kind: 'dialog', utterance: '1985-03-07' },
  { kind: 'dialog', utterance: '홍길동' },
  { kind: 'dialog', utterance: '네' },
];
const TAPS_PER_CYCLE = 6;
const TEXTS_PER_CYCLE = 6;

/**
 * Build the mix from content (tap labels) and test/nlu/dev.tsv (free text).
 * @example createMix('/repo').cycle(0).length // 17
 */
export function createMix(root: string): Mix {
  const content = loadContent(root);
  const taps: Turn[] = [...FAQ_INTENTS, 'greeting', 'handoff'].map((intent) => ({
    kind: 'tap',
    utterance: content.responses.get(intent)?.label ?? intent,
    extra: { intent },
  }));
  const texts = devTexts(root) ?? content.intents.flatMap((i) => i.utterances);
  return {
    shares: { tap: TAPS_PER_CYCLE, text: TEXTS_PER_CYCLE, dialog: DIALOG.length },
    length: TAPS_PER_CYCLE + TEXTS_PER_CYCLE + DIALOG.length,
    cycle(n: number): Turn[] {
      const turns: Turn[] = [];
      for (let i = 0; i < TAPS_PER_CYCLE; i++) {
        turns.push(taps[(n * TAPS_PER_CYCLE + i) % taps.length]);
        const k = n * TEXTS_PER_CYCLE + i;
        const text = texts[k % texts.length];
        turns.push({ kind: 'text', utterance: k % 4 === 3 ? `${text} ${k}번` : text });
      }
      return [...turns, ...DIALOG];
    },
  };
}

/** Held-out utterances (not trained on), or undefined when the dev set is absent. */
function devTexts(root: string): string[] | undefined {
  const file = path.join(root, 'test', 'nlu', 'dev.tsv');
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  return lines.map((l) => l.split('\t')[0]?.trim()).filter((t): t is string => Boolean(t));
}

/**
 * The Kakao-shaped body of one turn.
 * @example skillBody({ kind: 'tap', utterance: '메뉴', extra: { intent: 'greeting' } }, 'u1')
 */
export function skillBody(turn: Turn, user: string): string {
  return JSON.stringify({
    intent: { id: 'fallback', name: '폴백 블록' },
    userRequest: { timezone: 'Asia/Seoul', utterance: turn.utterance, lang: 'ko', user: { id: user, type: 'botUserKey', properties: {} } },
    bot: { id: 'bench-bot', name: 'bluebot' },
    action: { id: 'skill', name: 'bluebot', params: {}, detailParams: {}, clientExtra: turn.extra ?? {} },
  });
}
