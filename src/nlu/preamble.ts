/**
 * A greeting or a self-introduction before the question (`안녕하세요 김영수 기사인데요 비번찾기`): partners open with
 * one, and its words are the greeting intent's (`안녕하세요 기사입니다`) while the name's syllables are any intent's.
 * The question after it is what is classified; a message that is only a preamble stays whole (a greeting).
 */

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
/** `(저는) 김영수 기사입니다`, `블루 기사인데요`, `기사님 입니다`: an optional word, the role word, a copula. */
const ROLE_INTRO = new RegExp(`^(?:(?:저는|저|전|제가)\\s+)?(?:([가-힣]{2,4})\\s?)??(?:기사|파트너)님?\\s?${COPULA}(?=[\\s,.!?~]|$)${SEP}`, 'u');
/** `(저는) 김영수입니다`, `제 이름은 김영수이고`: a word (a name, when the bot does not know it), a copula. */
const NAME_INTRO = new RegExp(`^(?:(저는|저|전|제가)\\s+|(?:제\\s*)?(?:이름|성함)(?:은|는)?\\s*)?([가-힣]{2,4})\\s?(?:이라고\\s?합니다|라고\\s?합니다|${COPULA})(?=[\\s,.!?~]|$)${SEP}`, 'u');
/** The copulas a name without a cue needs: `변하율인데`, `승하진입니다` (never `요` alone: `오늘은요`). */
const INTRODUCING = /(?:입니다|인데요|인데|이에요|이예요|이고요|이고|라고\s?합니다)\P{L}*$/u;
/** Common surnames: a name without a cue before it (`변하율인데`) starts with one. */
const SURNAMES = new Set(Array.from('김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부'));

/** Where the question starts after a preamble. */
export interface PreambleSplit {
  /** The greeting and self-introduction, as typed. */
  preamble: string;
  /** The rest: the question. */
  rest: string;
}

/**
 * Finds a greeting and a self-introduction at the start of a message. `knows(word)` tells a word of the bot's own
 * training texts (`처음`, `신규`: part of the question) from a name.
 * @example new Preamble((w) => w === '처음').split('안녕하세요 김영수 기사인데요 비번찾기') // { preamble: '안녕하세요 김영수 기사인데요 ', rest: '비번찾기' }
 */
export class Preamble {
  constructor(private readonly knows: (word: string) => boolean) {}

  /** The split, or undefined when the message has no preamble or nothing after it. */
  split(text: string): PreambleSplit | undefined {
    let at = 0;
    const greeting = GREETING_AT_START.exec(text);
    if (greeting) at = greeting[0].length;
    const intro = this.introAt(text.slice(at));
    at += intro;
    if (at === 0) return undefined;
    const rest = text.slice(at);
    if (!/[\p{L}\p{N}]/u.test(rest)) return undefined;
    return { preamble: text.slice(0, at), rest };
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
    const [, self, word] = named;
    const cued = self !== undefined || /^(?:제\s*)?(?:이름|성함)/u.test(text);
    // without a cue only a three-syllable word that starts with a surname reads as a name (`변하율인데`, not `적성검사인데`)
    const nameLike = cued ? Array.from(word).length >= 2 : Array.from(word).length === 3 && SURNAMES.has(word[0]) && INTRODUCING.test(named[0]);
    return nameLike && !this.knows(word) ? named[0].length : 0;
  }
}

/**
 * Whether a word occurs in the texts (spaces removed): how the preamble tells the bot's own words from a name.
 * @example knownIn(['처음 로그인'])('음로') // true
 */
export function knownIn(texts: Iterable<string>): (word: string) => boolean {
  const joined = Array.from(texts, (t) => t.replace(/\s+/g, '')).join('|');
  return (word) => joined.includes(word);
}
