/** Clause segmentation: find the clause that carries the question ("A 말고 B" → B, backstory … question → question). */
import { asNoun } from './heads';

/** Most characters read from the end of a message (the question is at the end; a 100 KB paste costs nothing). */
export const MAX_SEGMENT_CHARS = 2000;

/**
 * Where a message splits. `contrast` marks a turn that negates or sets aside what came before ("A 말고 B",
 * "A가 아니라 B", "A 얘기가 아니고 B"); `sequence` marks an ordinary boundary: a sentence end, "…는데", "…지만",
 * "근데", "그리고".
 */
export interface Clause {
  text: string;
  /** How this clause is joined to the one before it (`start` for the first). */
  after: 'start' | 'contrast' | 'sequence';
}

/**
 * Set-aside markers: the partner settles or postpones what came before and asks what follows ("일정은 괜찮은데 …",
 * "뭔지는 알겠고 …", "수료 여부는 나중에 보고요 …", "교육비는 모르겠고 …"). Data: a phrase here is a contrast marker
 * when a space, punctuation or the end follows it and 안/못 do not precede it ("일정이 안 괜찮은데 …" is the question).
 * Not "모르겠는데" (the question itself: "뭘 들어야 할지 모르겠는데").
 */
export const SET_ASIDE_MARKERS = [
  '괜찮은데', '괜찮은데요', '괜찮고', '괜찮고요', '문제없는데', '문제없고',
  '알겠고', '알겠고요', '알겠구요', '알겠는데', '알겠는데요', '알았고', '알았고요',
  '모르겠고', '모르겠고요', '모르겠구요',
  '나중에 보고', '나중에 보고요', '나중에 볼게요', '나중에 묻고', '나중에 묻고요', '나중에 물어볼게요',
  '나중 문제고', '나중 얘기고', '그렇다 치고', '그렇다치고', '차치하고', '일단 됐고',
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so "알겠고요" is taken whole rather than as "알겠고". */
const SET_ASIDE = [...SET_ASIDE_MARKERS].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');

/**
 * Giving verbs that finish the verb before them ("바까 주이소" = 바꿔 주세요: dialect 바까 ends like a question in 까):
 * no sentence ends before them.
 */
const AUXILIARY = ['주세요', '주세여', '주이소', '주십시오', '주시겠어요', '주실래요', '주라', '줘요', '줘', '줄래요', '주셈'].join('|');

// One pass of a global regex with literal alternatives (no nested quantifiers): linear in the text length.
const BOUNDARY = new RegExp(
  [
    String.raw`(?<contrast>(?:말고(?:요)?|아니라(?:요)?|아니고(?:요)?|아니구(?:요)?|아닌데(?:요)?|아니요|상관없고|제쳐두고|됐고|빼고|(?<!안 ?|못 ?)(?:${SET_ASIDE}))(?=[\s.,!?~]|$)|(?<=[\uAC00-\uD7A3])(?:말고|아니라|아니고)(?=[\uAC00-\uD7A3]))`,
    String.raw`(?<sentence>[.!?。？！\n]+|\s~+\s|(?<=[\uAC00-\uD7A3](?:요|까|죠|다|니다))\s+(?!(?:${AUXILIARY})(?=[\s.,!?~]|$)))`,
    String.raw`(?<sequence>(?<=[\uAC00-\uD7A3])(?:는데|은데|인데|ㄴ데|던데|했는데|지만|는데요|거든요|구요|고요|어서요|니까요)(?=[\s,.!?~]|$)|(?<=^|\s)(?:근데|그런데|그리고|그래서|그러니까|아무튼|암튼|그나저나|다름이 아니라|다름이아니라|혹시)(?=\s|$))`,
  ].join('|'),
  'gu',
);

/**
 * Split a message into clauses at sentence ends, contrast markers and clause-final endings. The marker stays with
 * the clause it ends. Only the last MAX_SEGMENT_CHARS characters are read.
 * @example splitClauses('가입 말고 로그인은 어떻게 해요').map((c) => c.text) // ['가입 말고', '로그인은 어떻게 해요']
 */
export function splitClauses(text: string): Clause[] {
  const input = text.length > MAX_SEGMENT_CHARS ? text.slice(-MAX_SEGMENT_CHARS) : text;
  const out: Clause[] = [];
  let start = 0;
  let after: Clause['after'] = 'start';
  for (const m of input.matchAll(BOUNDARY)) {
    const end = (m.index as number) + m[0].length;
    const piece = input.slice(start, end).trim();
    if (piece) out.push({ text: piece, after });
    if (piece || m.groups?.contrast) after = m.groups?.contrast ? 'contrast' : 'sequence';
    start = end;
  }
  const rest = input.slice(start).trim();
  if (rest) out.push({ text: rest, after });
  return out;
}

/** Hangul syllables in a text (a cheap measure of how much a clause says). */
export function syllables(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) n += 1;
  }
  return n;
}

/** A question that points back ("그게 무슨 교육인지", "그 교육이 뭐 하는 건지") needs what it points to. */
const POINTER = /(?:^|\s)(?:그게|그거|그건|그것|이게|이거|이건|그\s|이\s)/u;
/** Words that only carry the contrast ("… 얘기가 아니고", "… 말고"), dropped from the end of the negated clause. */
const FILLER = /^(?:말고|말고요|아니라|아니라요|아니고|아니고요|아니구|아니구요|아닌데|아닌데요|아니요|얘기|얘기가|얘기는|얘기도|말이|말은|거|게|것|건|게요|건데|는|가)$/u;

/**
 * What a pointing question refers to: the negated clause without its contrast words and without the thing set
 * aside (its last remaining word). "리프레시 교육 일정 말고" → "리프레시 교육".
 * @example antecedent('리프레시 교육 영상 얘기는 아니고') // '리프레시 교육'
 */
export function antecedent(clause: string): string {
  const words = clause.replace(/[.,!?~]+/gu, ' ').split(/\s+/).filter(Boolean);
  while (words.length && FILLER.test(words[words.length - 1])) words.pop();
  // what was set aside may be an action: its verb goes with it ("리프레시 교육 날짜 바꾸려는 건 아니고요" → "리프레시 교육")
  while (words.length > 1 && ADNOMINAL_VERB.test(words[words.length - 1])) words.pop();
  words.pop();
  return words.join(' ');
}

/** A verb in an adnominal or intentional form that ends a set-aside phrase (바꾸려는, 묻는, 하려던, 알고 싶은). */
const ADNOMINAL_VERB = /^[\uAC00-\uD7A3]+(?:려는|려던|으려는|는|던|싶은)$/u;

/**
 * The clauses worth classifying on their own, best first: the text after the last contrast marker, then the last
 * clauses (at most `max`), each with at least `minSyllables` syllables. Empty for a one-clause message. Takes the
 * text or its clauses (from `splitClauses`).
 * @example focusCandidates('일정 변경은 했는데 로그인이 안 돼요') // ['로그인이 안 돼요']
 */
export function focusCandidates(text: string | Clause[], max = 2, minSyllables = 3): string[] {
  const clauses = typeof text === 'string' ? splitClauses(text) : text;
  if (clauses.length < 2) return [];
  const out: string[] = [];
  const lastContrast = clauses.map((c) => c.after).lastIndexOf('contrast');
  if (lastContrast > 0) {
    const asked = clauses.slice(lastContrast).map((c) => c.text).join(' ');
    out.push(POINTER.test(asked) ? `${antecedent(clauses[lastContrast - 1].text)} ${asked}`.trim() : asked);
  }
  for (let i = clauses.length - 1; i >= 1 && out.length < max; i -= 1) {
    const c = clauses[i].text;
    if (!out.includes(c)) out.push(c);
  }
  return out.filter((c) => syllables(c) >= minSyllables).slice(0, max);
}

/** Commas and indirect questions listed one after another ("언제 운행하는지, 수료증은 어디서 받는지 알려주세요"). */
const ENUMERATION = /[,，、]+|(?<=[\uAC00-\uD7A3](?:는지|은지|인지|던지|는지요))\s+/gu;

/**
 * The clauses cut further where a message lists its questions: at commas and after an indirect question ("…하는지").
 * Used to find an FAQ asked on its own next to another question; linear (one pass of a literal regex per clause).
 * @example enumerated(splitClauses('수료하면 언제 운행하는지, 수료증은 어디서 받는지 알려주세요')).map((c) => c.text) // ['수료하면 언제 운행하는지', '수료증은 어디서 받는지 알려주세요']
 */
export function enumerated(clauses: Clause[]): Clause[] {
  return clauses.flatMap((c) => {
    const parts = c.text.split(ENUMERATION).map((t) => t.trim()).filter(Boolean);
    return parts.map((text, i) => ({ text, after: i === 0 ? c.after : 'sequence' }));
  });
}

/** Endings after a past-tense stem (했어요, 했는데, 됐고요, 받았지만 …), longest first. */
const DONE_ENDINGS = ['는데요', '습니다', '는데', '지만', '어요', '고요', '거든요', '어', '고', '다', '요'];
/** Hangul syllable with the final consonant ㅆ (the past tense: 했, 됐, 받았, 봤). */
function hasPastFinal(syllable: string): boolean {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code <= 11171 && code % 28 === 20;
}

/**
 * A clause that states something already done or known ("로그인은 했어요", "비번은 아는데", "수료는 했는데"): a noun
 * with the contrastive topic 은/는, no 못/안, and a past-tense or "know" predicate at its end. What follows it is the
 * question. Without the topic marker a past tense is usually the backstory of the question itself ("리프레시 교육
 * 받으라고 연락왔어요 무슨 교육인가요", "기한 지났는데 운행 가능해요?").
 * @example isDoneStatement('로그인은 했어요.') // true
 */
export function isDoneStatement(text: string): boolean {
  const t = text.replace(/[\s.,!?~…]+$/u, '');
  // "X은/는 (했어요)": the contrastive topic marks X as settled; 못/안 mean it is not done ("수료는 못 했고요")
  const topicMarked = t.split(/\s+/).slice(0, -1).some((w) => ['은', '는'].includes(asNoun(w)?.particle ?? ''));
  if (!topicMarked || /(?:^|\s)(?:못|안)(?:\s|$)|못했|안했|안 했/u.test(t)) return false;
  if (/(?:^|\s)(?:아는데요?|알아요|알고 있(?:어요|는데요?|습니다))$/u.test(t)) return true;
  for (const e of DONE_ENDINGS) if (t.length > e.length && t.endsWith(e)) return hasPastFinal(t[t.length - e.length - 1]);
  return false;
}

/**
 * Where the question starts after a statement of what is already done ("로그인은 했어요. 근데 뭘 들어야 하는지
 * 모르겠어요" → 1): the index of the clause after the last done statement, or -1.
 */
export function afterDoneStatement(clauses: Clause[]): number {
  for (let i = clauses.length - 1; i >= 1; i -= 1) if (isDoneStatement(clauses[i - 1].text)) return i;
  return -1;
}
