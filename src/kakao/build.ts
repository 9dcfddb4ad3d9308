/** Response builders that keep every Kakao limit: text splitting, card shaping, quick-reply capping. */
import { LIMITS } from './limits';
import { Button, Output, QuickReply, SkillResponse } from './response';

/**
 * Split text into chunks of at most `max` chars, preferring paragraph, then line, then sentence breaks.
 * @example splitText('a\n\nb', 1) // ['a', 'b']
 */
export function splitText(text: string, max: number = LIMITS.simpleText): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const sep of ['\n\n', '\n', '. ', '요. ', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at > max / 2) return Math.min(at + sep.length, max);
  }
  return max;
}

/** One or more simpleText outputs for `text` (split past 1000 chars). */
export function simpleText(text: string): Output[] {
  return splitText(text).map((t) => ({ simpleText: { text: t } }));
}

export interface TextCardInput {
  title?: string;
  description?: string;
  buttons?: Button[];
}

/** A textCard (text with buttons; basicCard would need a thumbnail). */
export function textCard({ title, description, buttons }: TextCardInput): Output {
  const card: { title?: string; description?: string; buttons?: Button[] } = {};
  if (title) card.title = title;
  if (description) card.description = description;
  if (buttons && buttons.length > 0) card.buttons = buttons.slice(0, LIMITS.cardButtons);
  return { textCard: card };
}

/** A message quick reply; `extra` comes back to us as `action.clientExtra`. */
export function quickReply(label: string, messageText: string, extra?: Record<string, unknown>): QuickReply {
  return extra ? { label, action: 'message', messageText, extra } : { label, action: 'message', messageText };
}

/**
 * Assemble a SkillResponse and check it against our strict schema.
 * Consecutive simpleTexts are merged when there are more than 3 outputs; quick replies are
 * de-duplicated by label and capped at 10. Throws (the schema's ZodError) if the result still breaks a limit.
 *
 * Every output and quick reply is checked with the schema's own element schemas; a deeply frozen one (the Renderer's
 * fixed parts, shared by every turn) only the first time it is seen. Around them, the response is built here with
 * exactly the schema's keys, so only the counts are left to check. Anything that fails goes through the whole
 * schema, which throws as before. Tests check every response they receive with the whole schema.
 */
export function skillResponse(outputs: Output[], quickReplies: QuickReply[] = []): SkillResponse {
  const template: SkillResponse['template'] = { outputs: fitOutputs(outputs) };
  const replies = dedupeByLabel(quickReplies).slice(0, LIMITS.quickReplies);
  if (replies.length > 0) template.quickReplies = replies;
  const response: SkillResponse = { version: '2.0', template };
  return partsPass(template) ? response : SkillResponse.parse(response);
}

/** The schema's own element schemas (not copies), so they cannot drift from it. */
const TEMPLATE = SkillResponse.shape.template.shape;
const OUTPUT = TEMPLATE.outputs.element;
const QUICK_REPLY = TEMPLATE.quickReplies.unwrap().element;
/** Deeply frozen outputs and quick replies that passed their element schema. */
const checkedParts = new WeakSet<object>();

function partsPass(template: SkillResponse['template']): boolean {
  const { outputs, quickReplies = [] } = template;
  if (outputs.length < 1 || outputs.length > LIMITS.outputs || quickReplies.length > LIMITS.quickReplies) return false;
  return outputs.every((o) => partPasses(OUTPUT, o)) && quickReplies.every((q) => partPasses(QUICK_REPLY, q));
}

function partPasses(schema: { safeParse(value: unknown): { success: boolean } }, part: object): boolean {
  if (checkedParts.has(part)) return true;
  if (!schema.safeParse(part).success) return false;
  if (isDeepFrozen(part)) checkedParts.add(part);
  return true;
}

/**
 * Freeze `value` and everything it holds (an object already frozen is taken as frozen all the way down). Frozen
 * responses and parts are shared across turns: checked once here, serialized once by the webhook.
 * @example deepFreeze({ template: { outputs: [] } })
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  for (const v of Object.values(value)) if (!isDeepFrozen(v)) return false;
  return true;
}

function dedupeByLabel(replies: QuickReply[]): QuickReply[] {
  const seen = new Set<string>();
  return replies.filter((r) => !seen.has(r.label) && seen.add(r.label));
}

function fitOutputs(outputs: Output[]): Output[] {
  const result = [...outputs];
  while (result.length > LIMITS.outputs) {
    const i = mergeablePair(result);
    if (i < 0) break;
    const a = (result[i] as { simpleText: { text: string } }).simpleText.text;
    const b = (result[i + 1] as { simpleText: { text: string } }).simpleText.text;
    result.splice(i, 2, { simpleText: { text: `${a}\n\n${b}` } });
  }
  return result;
}

function mergeablePair(outputs: Output[]): number {
  let best = -1;
  let bestLen = Infinity;
  for (let i = 0; i + 1 < outputs.length; i++) {
    const a = outputs[i];
    const b = outputs[i + 1];
    if (!('simpleText' in a) || !('simpleText' in b)) continue;
    const len = a.simpleText.text.length + b.simpleText.text.length + 2;
    if (len <= LIMITS.simpleText && len < bestLen) [best, bestLen] = [i, len];
  }
  return best;
}
