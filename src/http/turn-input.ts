/** The one place a parsed skill payload becomes a TurnInput (webhook and simulator): the utterance is cut here. */
import type { TurnInput } from '../dialog/types';
import { mediaOf, type SkillPayload } from '../kakao/payload';

/**
 * Longest utterance a turn sees (characters, UTF-16 units). Longer text is cut before anything reads it: the password
 * check, masking, classification and every log. KakaoTalk's own input allows about 1,000 characters per message.
 */
export const MAX_UTTERANCE_CHARS = 1000;

/**
 * `text` cut to `MAX_UTTERANCE_CHARS` (never inside a surrogate pair).
 * @example cutUtterance('가'.repeat(5000)).length // 1000
 */
export function cutUtterance(text: string): string {
  if (text.length <= MAX_UTTERANCE_CHARS) return text;
  const cut = text.slice(0, MAX_UTTERANCE_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * @example turnInput(payload, { requestId: 'r1', now: Date.now(), arrivedAt: Date.now() }).utterance
 */
export function turnInput(payload: SkillPayload, at: { requestId: string; now: number; arrivedAt: number }): TurnInput {
  return {
    requestId: at.requestId,
    userKey: payload.userRequest.user.id,
    utterance: cutUtterance(payload.userRequest.utterance),
    clientExtra: payload.action?.clientExtra ?? {},
    media: mediaOf(payload) ?? undefined,
    now: at.now,
    arrivedAt: at.arrivedAt,
  };
}
