/** Deterministic tap routing: `action.clientExtra` first, then an exact match of a quick reply's text. */
import type { ResponseDef } from '../content/schema';
import type { TapTarget } from '../content/render';
import { clean } from '../nlu/normalize';

/**
 * Key for exact matching: cleaned text without spaces, so `처음 으로` matches `처음으로`.
 * One turn asks for the key of its utterance several times (offer, exact taps, escape, resume and step words,
 * start words), so the last key is remembered. Only the last one: utterances can be slot answers (a phone number,
 * a name), which must not pile up in memory.
 */
export function exactKey(text: string): string {
  if (text !== lastText) {
    lastKey = clean(text).replace(/\s/g, '');
    lastText = text;
  }
  return lastKey;
}

let lastText: string | undefined;
let lastKey = '';

/** Read a TapTarget from clientExtra; anything else (missing, wrong types) is null. */
export function targetFromExtra(extra: Record<string, unknown>): TapTarget | null {
  if (typeof extra.intent === 'string' && extra.intent.length <= 100) return { intent: extra.intent };
  if (typeof extra.action === 'string' && extra.action.length <= 100) return { action: extra.action };
  return null;
}

/**
 * Map every quick-reply/button text and topic label in content to its target, plus fixed words
 * (처음으로, 메뉴, 시작 …). A typed `처음으로` then routes exactly like the tapped one.
 */
export function buildExactIndex(
  responses: Map<string, ResponseDef>,
  fixed: Record<string, TapTarget> = {},
): Map<string, TapTarget> {
  const index = new Map<string, TapTarget>();
  const add = (text: string | undefined, target: TapTarget) => {
    const key = text && exactKey(text);
    if (key && !index.has(key)) index.set(key, target);
  };
  for (const [text, target] of Object.entries(fixed)) add(text, target);
  for (const [id, def] of responses) add(def.label, { intent: id });
  for (const def of responses.values()) {
    const taps = [...(def.quickReplies ?? []), ...def.bubbles.flatMap((b) => ('card' in b ? (b.card.buttons ?? []) : []))];
    for (const t of taps) {
      if (!('intent' in t || 'action' in t)) continue;
      const target: TapTarget = t.intent ? { intent: t.intent } : { action: t.action as string };
      const label = t.label ?? (t.intent ? responses.get(t.intent)?.label : undefined);
      add(t.text ?? label, target);
    }
  }
  return index;
}

/** Control intents anyone may tap (the menu, a person, stop). */
const PUBLIC_CONTROL_INTENTS = ['greeting', 'handoff', 'cancel'];
/** Response ids that answer a question: FAQs, the facts partners ask on their own, and the out-of-scope topics. */
const ANSWER_ID = /^(?:faq|fact|oos)\./;
const PLACEHOLDER = /\{[A-Za-z]\w*\}/;

/**
 * The intents a `clientExtra.intent` may name: FAQs, facts and out-of-scope topics, the public control intents, and every
 * intent our own quick replies and buttons tap (`fixed` included), never a response that takes slot values
 * (`{phone}`) nor an internal one (`system.error`, `reset.give_up`): those are reached only by the bot itself.
 * @example tappableIntents(responses).has('reset.confirm') // false
 */
export function tappableIntents(responses: Map<string, ResponseDef>, fixed: Record<string, TapTarget> = {}): Set<string> {
  const ids = new Set<string>([...PUBLIC_CONTROL_INTENTS, ...[...responses.keys()].filter((id) => ANSWER_ID.test(id))]);
  for (const target of Object.values(fixed)) if ('intent' in target) ids.add(target.intent);
  for (const def of responses.values()) {
    const taps = [...(def.quickReplies ?? []), ...def.bubbles.flatMap((b) => ('card' in b ? (b.card.buttons ?? []) : []))];
    for (const t of taps) if ('intent' in t && typeof t.intent === 'string') ids.add(t.intent);
  }
  return new Set([...ids].filter((id) => responses.has(id) && !PLACEHOLDER.test(JSON.stringify(responses.get(id)))));
}
