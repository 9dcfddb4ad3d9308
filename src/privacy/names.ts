/**
 * Names in free text: an answer that is a name (the name slot reads it), and a name after a cue in a sentence
 * (`제 이름은 …`, `저 …인데요`, `…인데 비밀번호를`), which the masker hides.
 */
import { foldChars } from './fold';

/** Why a text is not a name. */
export type NameRejectReason = 'empty' | 'format' | 'length' | 'not_a_name';
/** A name read from an answer, or why there is none. */
export type NameReading = { ok: true; value: string } | { ok: false; reason: NameRejectReason };
const accept = (value: string): NameReading => ({ ok: true, value });
const reject = (reason: NameRejectReason): NameReading => ({ ok: false, reason });

/** The longest answer we try to read a name from; longer text is a sentence, not a name. */
const MAX_ANSWER_CHARS = 60;
const NAME_CHARS = { min: 2, max: 20 } as const;

const PREFIXES: readonly RegExp[] = [
  /^(?:(?:제|내|저의)\s*)?(?:이름|성함|성명)\s*(?:은요|는요|은|는|이|:)?\s*/,
  /^(?:저는|저|전|나는|난)\s+/,
  /^(?:네|예|넵|넹)[\s,.!~]+/,
  /^(?:안녕하세요|안녕하십니까|수고하십니다|수고\s?많으십니다)[\s,.!~^]+/,
];
/** Longest first. Those starting with an epenthetic 이 only follow a final consonant (홍길동이요). */
const SUFFIXES: readonly string[] = [
  '이라고 합니다', '라고 합니다', '이라고 해요', '라고 해요',
  '기사입니다', '기사인데요', '기사예요', '기사에요', '기사님', '기사요', '기사',
  '입니다', '인데요', '이에요', '이예요', '이고요', '이구요', '이요', '예요', '에요', '인데', '요',
];
const TRAILING_PUNCTUATION = /[\s.,!~^;]+$/;
/** Pieces of verbs, questions and requests that never occur inside a Korean personal name. */
const NOT_A_NAME_PART = new RegExp(
  [
    ...['[?]', '겠', '습니', '세요', '주세', '해줘', '모르', '모른', '몰라', '싫', '없', '않', '됐', '했'],
    ...['알려', '궁금', '뭐', '뭔', '무엇', '왜', '어떻게', '어떡', '언제', '어디', '누구', '무슨', '몇'],
    ...['이름', '성함', '비밀번호', '비번', '번호', '전화', '상담', '취소', '그만', '는데', '니까', '거든'],
    // acknowledgements, a partner's `네 …` to the question rather than a name (`네 맞아요`, `네 잠시만요`, `네 감사합니다`)
    ...['맞아', '맞음', '그래', '그럼', '좋아', '좋습', '여기', '잠시', '잠깐', '감사', '고마워', '고맙', '수고하', '수고많', '니다', '네네'],
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
 * is 2–20 Hangul letters (a surname typed apart is joined: `홍 길동`), or Latin words joined by single spaces. Wrappers
 * include `네 …`, `저 …`, `성명 …`, `… 기사입니다` and a copula after a space. Reasons: `empty`, `format` (digits,
 * symbols, mixed scripts, other spaced Hangul), `length`, `not_a_name` (a sentence or question).
 * @example readName('제 이름은 홍길동이에요') // { ok: true, value: '홍길동' }
 */
export function readName(text: string): NameReading {
  const answer = foldChars(text).replace(/\s+/g, ' ').trim();
  if (answer === '') return reject('empty');
  if (answer.length > MAX_ANSWER_CHARS) return reject('length');
  const name = joinSpacedName(unwrapName(answer));
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
  const before = text.slice(0, -suffix.length);
  const rest = before.trimEnd();
  // after a space the 이 is the copula's, whatever the name ends in (`김영수 이에요`)
  if (suffix.startsWith('이') && endsInOpenSyllable(rest) && rest === before) return null;
  return rest;
}

/** A surname typed apart from the given name, or every syllable apart (`홍 길동`, `김 영 수`): one name, 2–4 syllables. */
const SPACED_NAME = /^[가-힣](?: [가-힣]{1,3}){1,3}$/;

/** The name with its spaces removed when it is a surname typed apart (`홍 길동` → `홍길동`); else the text as it is. */
function joinSpacedName(text: string): string {
  if (!SPACED_NAME.test(text) || !SURNAMES.has(text[0])) return text;
  const joined = text.replace(/ /g, '');
  return joined.length <= 4 ? joined : text;
}

/** A Hangul syllable with no final consonant (수, 이, 아): the epenthetic 이 cannot follow it. */
function endsInOpenSyllable(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 === 0;
}

function longEnough(text: string): boolean {
  return Array.from(text).length >= NAME_CHARS.min;
}

/** What a name found after a cue becomes. */
export const NAME_MASK = '[이름 가림]';

/**
 * Cues after which the next word is a name: `이름은`, `이름은요`, `성함은`, `제 이름`, `이름:`, `성명`. The word is hidden whatever
 * it is, unless it is the cue's own particle (`이름은요` before a masked name).
 */
const NAME_KEY_CUE = /(?:이름|성함|네임|성명)\s*(?:은요|는요|이요|은|는|이|요|:|=)?\s*(?!(?:은요|는요|이요)(?![가-힣A-Za-z]))([가-힣A-Za-z]{2,20})/g;
/** `저 …인데요`, `저는 …입니다`, `전 …이에요`: a 2–4 syllable word after a self-reference, unless the bot knows it. */
const SELF_CUE = /(?:^|[\s,.!?~])(?:저는|저|전|나는|난|제가|내가)\s+([가-힣]{2,4})(?=인데|입니다|이에요|이예요|예요|에요|이고|이요|이라고|라고|요(?![가-힣])|[\s,.!?~]|$)/g;
/**
 * `변하율인데 …`, `승하진입니다`, `승하진 입니다`: a 2–4 syllable word that opens a sentence with a copula, glued or
 * after one space, unless the bot knows it.
 */
const COPULA_CUE = /(?:^|[\s,.!?~])([가-힣]{2,4})(?=\s?(?:인데요|인데|입니다|이에요|이예요|이고요|이구요|이라고|라고\s*해요|라고\s*합니다))/g;
/**
 * `김영수 기사입니다`, `탄시율 기사인데요`, `승하진 파트너예요`: a 2–4 syllable word before the partner's role word (기사,
 * 파트너, 기사님), glued or after one space, when the role word ends the sentence, carries a copula or is followed by a
 * space, unless the bot knows the word (`택시 기사입니다`, `개인택시 기사`) or it ends like a verb before a noun (`전환하는
 * 기사입니다`, `일하던`).
 */
const ROLE_CUE = /(?:^|[\s,.!?~])([가-힣]{2,4})(?<![는던])(?=\s?(?:기사|파트너)님?(?:인데요|인데|입니다|이에요|이예요|예요|에요|이고요|이고|이요|요|[\s,.!?~]|$))/g;
/**
 * A three-syllable word that starts with a common surname (`SURNAMES`), unless the bot knows it (with or without a last
 * particle: `정보가`): after a word for a person (`성명 김영수`, `수강생 김영수`, `기사 김영수 교육 문의`), before a title
 * (`김영수님`, `김영수 씨가`), or before a letter's sign-off (`김영수 드림`).
 */
const PERSON_CUE = /(?:예약자|신청자|수강자|수강생|교육생|기사님|기사|파트너님|파트너)\s*[:=]?\s*([가-힣]{3})(?=[\s,.!?~)]|$)/g;
const TITLE_CUE = /(?:^|[\s,.!?~(])([가-힣]{3})(?=\s?(?:님|씨)(?:[이가은는의을를께도요]|[\s,.!?~)]|$))/g;
const SIGN_OFF_CUE = /(?:^|[\s,.!?~])([가-힣]{3})(?=\s?(?:드림|올림)(?:[\s,.!?~]|$))/g;
/**
 * Common surnames: a cue's word that may be an ordinary word too (`기사 정보가 …`) must start with one to be a name (the
 * NLU's preamble reads names with it too).
 */
export const SURNAMES = new Set(Array.from('김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부'));
/** A particle a word may carry before the known-word check of `PERSON_CUE` and `TITLE_CUE` (`정보가` → `정보`). */
const LAST_PARTICLE = /[이가은는의을를도에]$/;
/** Copula endings a cue's word may carry, removed before the known-word check (`홍길동이에요`). */
const WORD_ENDING = /(?:이라고|라고|인데요|인데|입니다|이에요|이예요|예요|에요|이고요|이고|이요|요)$/;

/** Words the bot's own content uses (set from the content at startup): a cue's word in it is not a name. */
let inVocabulary: (word: string) => boolean = () => false;
/** Ordinary words that follow a self-reference or open a sentence with a copula, even without content loaded. */
const COMMON_WORDS = new Set([
  '기사', '기사님', '파트너', '택시', '회원', '신규', '처음', '교육', '문의', '질문', '가입', '로그인', '비번', '비밀번호',
  '아이디', '번호', '본인', '부탁', '확인', '다름', '그게', '그건', '이건', '지금', '오늘', '내일', '어제', '혹시',
  '궁금', '학생', '사장', '개인', '법인', '블루', '카카오', '운전', '수강', '신청', '예약', '취소', '변경', '완료',
  // question words before a copula ("그게 언제쯤이에요?"): the event writer's thread masks without the content's words
  '언제', '언제쯤', '어디', '어디쯤', '얼마', '얼마쯤', '몇시', '몇일', '며칠', '무엇', '누구', '어느',
]);

/**
 * Tell the masker which words the bot itself knows (its intents, responses and flows), so `저는 기사입니다` keeps
 * `기사` while `저 승하진인데요` hides the name. Spaces are ignored.
 * @example setKnownWords(['리프레시 교육이 뭐예요', '비밀번호를 잊어버렸어요'])
 */
export function setKnownWords(texts: Iterable<string>): void {
  inVocabulary = knownIn(texts);
}

/**
 * Whether the bot's content (or the built-in list of common words) has this word.
 * @example isKnownWord('교육') // true
 */
export function isKnownWord(word: string): boolean {
  return COMMON_WORDS.has(word) || inVocabulary(word);
}

/**
 * Whether a word occurs in the texts (spaces removed): how the masker and the NLU's preamble tell the bot's own words
 * from a name. A word with a pair of adjacent characters no text has is rejected without the search (most names:
 * `변하율` has `변하`), which costs ~40 µs over the 75,000 characters of today's training texts (`bench/preamble-bench.ts`).
 * @example knownIn(['처음 로그인'])('음로') // true
 */
export function knownIn(texts: Iterable<string>): (word: string) => boolean {
  const joined = Array.from(texts, (t) => t.replace(/\s+/g, '')).join('|');
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < joined.length; i++) pairs.add(joined.slice(i, i + 2));
  return (word) => {
    for (let i = 0; i + 1 < word.length; i++) if (!pairs.has(word.slice(i, i + 2))) return false;
    return joined.includes(word);
  };
}

/**
 * Where names sit in a sentence, found by their cues: the word after `이름은`/`성함은` (always), and a 2–4 syllable
 * word the bot does not know after `저`/`저는`/`전` or before `인데`/`입니다`/`이에요` (`변하율인데 비번을…`).
 * @example scanNameSpans('저 승하진인데요') // [{ index: 2, end: 5 }]
 */
export function scanNameSpans(raw: string): Array<{ index: number; end: number }> {
  if (!NAME_CUE_HINT.test(raw)) return []; // every cue below holds one of the hint's words (and masking adds none)
  // a name already masked is no cue (`[이름 가림]` read as `이름 가림`): masking twice changes nothing
  const text = raw.includes(NAME_MASK) ? raw.split(NAME_MASK).join(' '.repeat(NAME_MASK.length)) : raw;
  const spans: Array<{ index: number; end: number }> = [];
  const add = (m: RegExpMatchArray, checkKnown: boolean) => {
    const word = m[1].replace(WORD_ENDING, '') || m[1];
    if (checkKnown && isKnownWord(word)) return;
    const index = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
    spans.push({ index, end: index + m[1].length });
  };
  for (const m of text.matchAll(NAME_KEY_CUE)) add(m, false);
  for (const m of text.matchAll(SELF_CUE)) add(m, true);
  for (const m of text.matchAll(COPULA_CUE)) add(m, true);
  for (const m of text.matchAll(ROLE_CUE)) add(m, true);
  const addSurnamed = (m: RegExpMatchArray) => {
    const word = m[1];
    // the stem is the word or its prefix, so a word the content has, its stem has too: one check covers both
    if (SURNAMES.has(word[0]) && !isKnownWord(word.replace(LAST_PARTICLE, ''))) add(m, false);
  };
  for (const m of text.matchAll(PERSON_CUE)) addSurnamed(m);
  for (const m of text.matchAll(TITLE_CUE)) addSurnamed(m);
  for (const m of text.matchAll(SIGN_OFF_CUE)) addSurnamed(m);
  return spans;
}

/** Any character a name cue needs: texts without one hold no cue (the masker's fast path). */
export const NAME_CUE_HINT = /이름|성함|네임|성명|저|전|나는|난|제가|내가|인데|입니다|이에요|이예요|이고|이구|라고|기사|파트너|예약자|신청자|수강|교육생|님|씨|드림|올림/;
