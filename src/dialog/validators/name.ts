/** Name slot: strip polite wrappers from an answer and check the rest is a Hangul or Latin name. */
import { accept, foldChars, reject, type NameRejectReason, type SlotCheck } from './slot-check';

/** The longest answer we try to read a name from; longer text is a sentence, not a name. */
const MAX_ANSWER_CHARS = 60;
const NAME_CHARS = { min: 2, max: 20 } as const;

const PREFIXES: readonly RegExp[] = [
  /^(?:(?:제|내|저의)\s*)?(?:이름|성함)\s*(?:은|는|이|:)?\s*/,
  /^(?:저는|전|나는|난)\s+/,
];
/** Longest first. Those starting with an epenthetic 이 only follow a final consonant (홍길동이요). */
const SUFFIXES: readonly string[] = [
  '이라고 합니다', '라고 합니다', '이라고 해요', '라고 해요',
  '입니다', '인데요', '이에요', '이예요', '이고요', '이요', '예요', '에요', '인데', '요',
];
const TRAILING_PUNCTUATION = /[\s.,!~^;]+$/;
/** Pieces of verbs, questions and requests that never occur inside a Korean personal name. */
const NOT_A_NAME_PART = new RegExp(
  [
    ...['[?]', '겠', '습니', '세요', '주세', '해줘', '모르', '모른', '몰라', '싫', '없', '않', '됐', '했'],
    ...['알려', '궁금', '뭐', '뭔', '무엇', '왜', '어떻게', '어떡', '언제', '어디', '누구', '무슨', '몇'],
    ...['이름', '성함', '비밀번호', '비번', '번호', '전화', '상담', '취소', '그만', '는데', '니까', '거든'],
  ].join('|'),
);
const NOT_A_NAME_WORDS = new Set([
  '네', '예', '응', '아니', '아니요', '아니오', '아뇨', '글쎄', '처음', '처음으로', '다시', '확인',
  'no', 'yes', 'why', 'what', 'who', 'how', 'help', 'cancel', 'stop', 'idk', 'unknown', 'none',
  'no idea',
]);
const HANGUL_NAME = /^[가-힣]+$/;
const LATIN_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/**
 * Check an answer to "what is your name?". Polite wrappers (`제 이름은 …이에요`, `…입니다`,
 * `저는 …요`) are removed only when at least two characters remain, so 김수이 stays 김수이. The value
 * is 2–20 Hangul letters, or Latin words joined by single spaces. Reasons: `empty`, `format`
 * (digits, symbols, mixed scripts, spaced Hangul), `length`, `not_a_name` (a sentence or question).
 * @example checkName('제 이름은 홍길동이에요') // { ok: true, value: '홍길동' }
 */
export function checkName(text: string): SlotCheck<string, NameRejectReason> {
  const answer = foldChars(text).replace(/\s+/g, ' ').trim();
  if (answer === '') return reject('empty');
  if (answer.length > MAX_ANSWER_CHARS) return reject('length');
  const name = unwrapName(answer);
  if (NOT_A_NAME_PART.test(name) || NOT_A_NAME_WORDS.has(name.toLowerCase())) {
    return reject('not_a_name');
  }
  if (!HANGUL_NAME.test(name) && !LATIN_NAME.test(name)) return reject('format');
  const chars = Array.from(name).length;
  if (chars < NAME_CHARS.min || chars > NAME_CHARS.max) return reject('length');
  return accept(name);
}

/**
 * Peel prefixes, suffixes and trailing punctuation until none applies (so the result is stable:
 * unwrapping it again changes nothing).
 * @example unwrapName('저는 홍길동이요.') // '홍길동'
 */
export function unwrapName(answer: string): string {
  let current = answer;
  for (;;) {
    const next = stripOnce(current);
    if (next === current) return current;
    current = next;
  }
}

function stripOnce(text: string): string {
  const unpunctuated = text.replace(TRAILING_PUNCTUATION, '');
  if (unpunctuated !== text && unpunctuated !== '') return unpunctuated;
  for (const prefix of PREFIXES) {
    const rest = text.replace(prefix, '');
    if (rest !== text && longEnough(rest)) return rest;
  }
  for (const suffix of SUFFIXES) {
    const rest = withoutSuffix(text, suffix);
    if (rest !== null && longEnough(rest)) return rest;
  }
  return text;
}

function withoutSuffix(text: string, suffix: string): string | null {
  if (!text.endsWith(suffix)) return null;
  const rest = text.slice(0, -suffix.length).trimEnd();
  if (suffix.startsWith('이') && endsInOpenSyllable(rest)) return null;
  return rest;
}

/** A Hangul syllable with no final consonant (수, 이, 아): the epenthetic 이 cannot follow it. */
function endsInOpenSyllable(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 === 0;
}

function longEnough(text: string): boolean {
  return Array.from(text).length >= NAME_CHARS.min;
}
