/** Name slot: the answer's name, read by src/privacy/names.ts (the masker reads names the same way). */
import { readName } from '../../privacy';
import type { NameRejectReason, SlotCheck } from './slot-check';

export { unwrapName } from '../../privacy';

/**
 * Check an answer to "what is your name?". Polite wrappers (`제 이름은 …이에요`, `…입니다`,
 * `저는 …요`) are removed only when at least two characters remain, so 김수이 stays 김수이. The value
 * is 2–20 Hangul letters, or Latin words joined by single spaces. Reasons: `empty`, `format`
 * (digits, symbols, mixed scripts, spaced Hangul), `length`, `not_a_name` (a sentence or question).
 * @example checkName('제 이름은 홍길동이에요') // { ok: true, value: '홍길동' }
 */
export function checkName(text: string): SlotCheck<string, NameRejectReason> {
  return readName(text);
}
