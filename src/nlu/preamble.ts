/**
 * A greeting or a self-introduction before the question (`안녕하세요 김영수 기사인데요 비번찾기`), and thanks or a
 * plea after it (`… 감사합니다`, `… 답변 부탁드려요`): partners open and close that way, and those words are the greeting
 * intent's (`안녕하세요 기사입니다`, `감사합니다`) while a name's syllables are any intent's. The question between them is
 * what is classified; a message that is only a greeting, thanks or an introduction stays whole.
 */

import { NAME_MASK, SURNAMES } from '../privacy/names';

/** Greetings that open a message. */
const GREETING = '(?:안녕하세요|안녕하세여|안녕하세용|안뇽하세요|안녕하십니까|안녕|하이|수고하십니다|수고하세요|수고\\s?많으십니다|반갑습니다|여보세요|저기요)';
/** Copulas that close a self-introduction. */
const COPULA = '(?:입니다|인데요|인데|이에요|이예요|예요|에요|이고요|이고|이구요|이요|요)';
/** Words before the role word that say nothing about the question (`블루 기사`, `개인택시 기사`). */
const NEUTRAL_ROLE_WORDS = new Set(['블루', '택시', '개인', '법인', '개인택시', '법인택시', '카카오', '카카오택시', '카카오블루', '택시기사']);
/** A separator: spaces and punctuation. */
const SEP = '[\\s,.!?~^;:…]*';

/** A greeting ends at a space, a punctuation mark, ㅎ or ㅋ (`안녕하세요ㅎㅎ`), never inside a word (`안녕하제요`). */
const GREETING_AT_START = new RegExp(`^${SEP}${GREETING}(?=[\\s,.!?~^;:…ㅎㅋ]|$)[\\s,.!?~^;:…ㅎㅋ]*`, 'u');
/** A name as the masker leaves it (`[이름 가림]`): a stored text's introduction is still one (the inbox groups by the question). */
const MASKED = NAME_MASK.replace(/[[\]]/g, '\\$&');
/** A taxi company before the role word or the name (`한결운수`, `대성택시 소속`, `동부운수 기사`). */
const COMPANY = '(?:[가-힣A-Za-z]{1,8}(?:운수|택시|교통|운송|상운|모빌리티)(?:\\s?소속)?\\s?)';
/** `(저는) 김영수 기사입니다`, `블루 기사인데요`, `한결운수 김영수 기사인데`: an optional company and word, the role word, a copula. */
const ROLE_INTRO = new RegExp(`^(?:(?:저는|저|전|제가)\\s+)?${COMPANY}?(?:(${MASKED}|[가-힣]{2,4})\\s?)??(?:기사|파트너)님?\\s?${COPULA}(?=[\\s,.!?~]|$)${SEP}`, 'u');
/**
 * `제 이름은 김민수고`, `저는 김민수고요`: 이고 with its 이 dropped after a name that ends in a vowel. Only after a cue
 * (`introAt`), and never after 이 (`저는 처음이고` is 처음 and 이고, a word of the question).
 */
const NAME_GO = '(?<!이)고요?';
/** An introduction that ends in NAME_GO: one only after a cue (`김민수고` alone is none). */
const ENDS_IN_GO = new RegExp(`${NAME_GO}${SEP}$`, 'u');
/**
 * `(저는) 김영수입니다`, `제 이름은 김영수이고`, `동부운수 기사 김영수입니다`, `대성택시 김영수인데요`: a word (a name, when the bot
 * does not know it) and a copula, after a cue or not.
 */
const NAME_INTRO = new RegExp(`^(?:(저는|저|전|제가)\\s+|(${COMPANY}(?:(?:기사|파트너)님?\\s+)?|(?:기사|파트너)님?\\s+)|(?:제\\s*)?(?:이름|성함)(?:은|는)?\\s*)?(${MASKED}|[가-힣]{2,4})\\s?(?:이라고\\s?합니다|라고\\s?합니다|${COPULA}|${NAME_GO})(?=[\\s,.!?~]|$)${SEP}`, 'u');
/** The copulas a name without a cue needs: `변하율인데`, `승하진입니다` (never `요` alone: `오늘은요`). */
const INTRODUCING = /(?:입니다|인데요|인데|이에요|이예요|이고요|이고|라고\s?합니다)\P{L}*$/u;

/**
 * Thanks, a farewell or a plea at the end (`감사합니다`, `수고하세요`, `ㅠㅠ 도와주세요`, `빠른 답변 부탁드려요`), repeated;
 * also `(좀) 알려주세요` after a question that has ended (`수수료 몇 프로예요 좀 알려주세요`), never after a bare noun
 * (`아이디 알려주세요` is the question).
 * Separators lead each repetition and only trail the last, so a failed match cannot backtrack over their splits.
 */
const CLOSING_AT_END = new RegExp(
  String.raw`(?:[\s,.!?~^;:…ㅎㅋㅠㅜ]*(?:(?:정말|너무|진짜|미리|항상|늘)\s?)?(?:감사합니다|감사드립니다|감사드려요|감사해요|감사요|감사|고맙습니다|고마워요|고마워|수고하세요|수고하십시오|수고\s?많으세요|수고\s?많으십니다|ㄳ|ㄱㅅ|땡큐|thank\s?you|thanks|도와주세요|도와주십시오|도와줘요|(?:(?:빠른|빨리)\s?)?(?:답변|답장|회신)?\s?부탁(?:드립니다|드려요|드릴게요|합니다|해요)|(?<=(?:요|까|죠|다)[\s,.!?~^;:…ㅎㅋㅠㅜ]{0,4})(?:좀\s?)?(?:알려\s?주세요|알려\s?줘요|알려\s?줘|알려\s?주십시오|알려\s?주실래요|가르쳐\s?주세요|답\s?좀\s?주세요|답변\s?주세요)))+[\s,.!?~^;:…ㅎㅋㅠㅜ]*$`,
  'iu',
);
/**
 * What may stay before thanks and still be thanks (`네 감사합니다`, `잘 알겠습니다 감사합니다`, `답변 빠르네요 고마워요`,
 * `알려주셔서 고마워요`): words of acknowledgement, of the answer or help received, of a problem solved. Such a message
 * stays whole.
 */
const ACKNOWLEDGEMENT = /^[\s,.!?~^;:…ㅎㅋㅠㅜ]*(?:(?:네|넵|넹|예|아|아하|오|와|잘|ok|오케이|ㅇㅋ|ㅇㅇ|그렇구나|그렇군요|알겠습니다|알겠어요|알겠어|확인했습니다|확인했어요|이해했어요|이해됐어요|좋아요|좋습니다|좋네요|덕분에|도움이|도움|됐어요|됐습니다|해결됐어요|해결됐습니다|해결했어요|해결했습니다|친절하시네요|친절하네요|친절한|빠른|빠르네요|자세한|답변|답장|설명|안내|알려주셔서|알려줘서|가르쳐주셔서|도와주셔서|도와줘서)[\s,.!?~^;:…ㅎㅋㅠㅜ]*)*$/iu;
/** The longest closing read (its tail of the message), and the longest acknowledgement before thanks. */
const MAX_CLOSING_CHARS = 60;
const MAX_ACKNOWLEDGEMENT_CHARS = 40;
/** Fewer Hangul syllables or Latin letters than this before thanks is no question (`? 감사합니다`, `ㅎㅎ 수고하세요`). */
const MIN_QUESTION_CHARS = 2;

/** Where the question starts after a preamble and ends before a closing. */
export interface PreambleSplit {
  /** The greeting and self-introduction, as typed (may be empty). */
  preamble: string;
  /** The question. */
  rest: string;
  /** The thanks or plea after it, as typed (may be empty). */
  closing: string;
}

/**
 * Finds a greeting and a self-introduction at the start of a message and thanks or a plea at its end. `knows(word)`
 * tells a word of the bot's own training texts (`처음`, `신규`: part of the question) from a name.
 * @example new Preamble((w) => w === '처음').split('안녕하세요 김영수 기사인데요 비번찾기') // { preamble: '안녕하세요 김영수 기사인데요 ', rest: '비번찾기' }
 */
export class Preamble {
  constructor(private readonly knows: (word: string) => boolean) {}

  /** The split, or undefined when the message has neither a preamble nor a closing, or nothing else. */
  split(text: string): PreambleSplit | undefined {
    let at = 0;
    const greeting = GREETING_AT_START.exec(text);
    if (greeting) at = greeting[0].length;
    at += this.introAt(text.slice(at));
    const opened = at > 0 && /[\p{L}\p{N}]/u.test(text.slice(at)) ? at : 0;
    const after = text.slice(opened);
    const end = opened + closingStart(after);
    // a greeting and thanks with nothing between (`안녕하세요 부탁드립니다`): pleasantries only, kept whole
    if (opened > 0 && after.length <= MAX_CLOSING_CHARS && CLOSING_AT_END.exec(after)?.index === 0) return undefined;
    if (opened === 0 && end === text.length) return undefined;
    return { preamble: text.slice(0, opened), rest: text.slice(opened, end), closing: text.slice(end) };
  }

  /** The length of a self-introduction at the start of `text`, or 0. */
  private introAt(text: string): number {
    const role = ROLE_INTRO.exec(text);
    if (role) {
      const word = role[1];
      // `신규 기사인데요`: the word is part of the question; a name or a neutral word is not
      return !word || NEUTRAL_ROLE_WORDS.has(word) || !this.knows(word) ? role[0].length : 0;
    }
    const named = NAME_INTRO.exec(text);
    if (!named) return 0;
    const [, self, company, word] = named;
    const cued = self !== undefined || company !== undefined || /^(?:제\s*)?(?:이름|성함)/u.test(text);
    if (!cued && ENDS_IN_GO.test(named[0])) return 0;
    // without a cue only a three-syllable word that starts with a surname reads as a name (`변하율인데`, not `적성검사인데`)
    const nameLike = word === NAME_MASK || (cued ? Array.from(word).length >= 2 : Array.from(word).length === 3 && SURNAMES.has(word[0]) && INTRODUCING.test(named[0]));
    return nameLike && !this.knows(word) ? named[0].length : 0;
  }
}

/** Where a closing starts in `text` (its length when there is none, or nothing that is a question would be left). */
function closingStart(text: string): number {
  // a closing is short: only the tail is searched, so a long hostile text costs no more than a short one
  const from = Math.max(0, text.length - MAX_CLOSING_CHARS);
  const closing = CLOSING_AT_END.exec(text.slice(from));
  if (!closing) return text.length;
  const at = from + closing.index;
  const rest = text.slice(0, at);
  const chars = (rest.match(/[가-힣A-Za-z]/g) ?? []).length;
  const thanksOnly = rest.length <= MAX_ACKNOWLEDGEMENT_CHARS && ACKNOWLEDGEMENT.test(rest);
  return chars >= MIN_QUESTION_CHARS && !thanksOnly ? at : text.length;
}

/** The preamble of stored texts, which knows no training words: every introduction is set aside. */
const storedTexts = new Preamble(() => false);

/**
 * The question of a stored (masked) text, without its greeting, introduction or thanks: what the inbox groups by, so
 * `안녕하세요 [이름 가림] 기사입니다 콜이 안 잡혀요` and `콜이 안 잡혀요 감사합니다` are one missed question.
 * @example questionOf('안녕하세요 [이름 가림] 기사입니다 콜이 안 잡혀요') // '콜이 안 잡혀요'
 */
export function questionOf(text: string): string {
  return storedTexts.split(text)?.rest ?? text;
}
