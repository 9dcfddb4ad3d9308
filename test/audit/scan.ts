/**
 * PII scanner for captured log lines: phone numbers, birth dates, names typed in dialogs and
 * password-like strings in clear. Deliberately independent of src/log/mask.ts (its own patterns),
 * so a gap in the masker is not mirrored by a gap in the audit.
 */

export type PiiKind = 'phone' | 'birthdate' | 'name' | 'password' | 'secret';

export interface Finding {
  kind: PiiKind;
  /** Where in the line: a dotted key path. */
  key: string;
  /** The offending text. */
  match: string;
}

/** System-generated fields whose values are never user data (ids, pseudonyms, clock). */
const SYSTEM_KEYS = new Set(['timestamp', 'requestId', 'user', 'level']);
/** Fields the bot fills with its own content ids (`menu.courses.2`, `faq.extra7`), never with what a partner typed. */
const CONTENT_ID_KEYS = new Set(['intent', 'route', 'outcome', 'topic', 'flow', 'step']);
const CONTENT_ID = /^[A-Za-z][\w-]*(?:\.[\w-]+)*$/;

/** The partner support line may appear anywhere. */
const ALLOWED = /(?<!\d)1533[\s.-]?0301(?!\d)/g;

/**
 * Separators people type between digits: spaces, `- . / _ · ~ ,`, the Hangul `ㅡ` and other dashes. Wider than
 * the masker's on purpose: the audit must see what the masker misses.
 */
const DIGIT_SEP = String.raw`[\s.\-/_·•‧∙ㆍ\u119e~,ㅡ\u1173一ー—–()]`;
const SEP = `${DIGIT_SEP}{0,8}`;
const PHONE_PATTERNS: RegExp[] = [
  // mobile, domestic or +82, any grouping, any separator
  new RegExp(String.raw`(?<!\d)(?:\+?\s?82${SEP}0?|0)${SEP}1${SEP}[016789](?:${SEP}\d){7,8}`, 'g'),
  // landline with separators (02, 0XX, 070)
  new RegExp(String.raw`(?<!\d)0(?:2|[3-6][1-5]|70)${DIGIT_SEP}{1,8}\d{3,4}${DIGIT_SEP}{1,8}\d{4}(?!\d)`, 'g'),
];

const YEAR4 = String.raw`(?:19[2-9]\d|200\d|201[0-2])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const DS = String.raw`\s*(?:[-./·ㆍ_~,ㅡ]|\s)\s*`;
const YEAR_WORD = String.raw`(?:${YEAR4}|\d{2})\s*[년年]`;
const MONTH_DAY_WORDS = String.raw`${MONTH}\s*[월月]\s*${DAY}\s*[일日]?`;
const BIRTHDATE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?<!\d)${YEAR4}\s*[-./년年·ㆍ_~,ㅡ]\s*${MONTH}\s*[-./월月·ㆍ_~,ㅡ]\s*${DAY}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<!\d)${YEAR4}\s+${MONTH}\s+${DAY}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<![\d.])\d{2}\s*[-./·ㆍ_~ㅡ]\s*${MONTH}\s*[-./·ㆍ_~ㅡ]\s*${DAY}(?![\d.])`, 'g'),
  // day-month-year and month-day-year
  new RegExp(String.raw`(?<!\d)${DAY}${DS}${MONTH}${DS}${YEAR4}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<!\d)${MONTH}${DS}${DAY}${DS}${YEAR4}(?!\d)`, 'g'),
  // written out, in either order, with words between (`1974년생 11월 15일`, `11월 16일 1974년`)
  new RegExp(String.raw`(?<!\d)${YEAR_WORD}\s*생?[^\d]{0,6}${MONTH_DAY_WORDS}`, 'g'),
  new RegExp(String.raw`(?<!\d)${MONTH_DAY_WORDS}[^\d]{0,6}${YEAR_WORD}`, 'g'),
  // a birth year alone
  new RegExp(String.raw`(?<!\d)(?:${YEAR4}|\d{2})\s*[년年]\s*생`, 'g'),
  new RegExp(String.raw`(?<!\d)${YEAR4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)`, 'g'),
  new RegExp(String.raw`(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)`, 'g'),
];

/** Spelled-out Sino-Korean digits (공일공 사팔이삼 칠삼이삼), read as digits when seven or more come together. */
const SPELLED = '공영빵일이삼사오육륙칠팔구';
const SPELLED_VALUE = '0001234566789';
const SPELLED_RUN = new RegExp(String.raw`[${SPELLED}\d](?:${DIGIT_SEP}{0,4}[${SPELLED}\d]){6,}`, 'g');

/** Words the audit accepts after a self-reference or before a copula (`저는 기사입니다`, `처음인데요`). */
const ORDINARY_WORDS = new Set([
  '기사', '기사님', '파트너', '택시', '회원', '신규', '처음', '교육', '문의', '질문', '가입', '로그인', '비번', '비밀번호',
  '아이디', '번호', '본인', '확인', '다름', '지금', '오늘', '혹시', '궁금', '개인', '법인', '블루', '운전', '신청', '가림', '은요', '는요', '이요',
]);
/**
 * A name after a cue: `이름은 X`, `성명 X`, `저 X인데요`, `X인데 …`, `X 입니다`, `X 기사입니다`, `수강생 X`, `X님`, `X 드림` (X a
 * 2–4 syllable word, not already masked).
 */
const NAME_CUES: RegExp[] = [
  /(?<!\[)(?:이름|성함|성명)\s*(?:은요|는요|은|는|이|:)?\s*([가-힣]{2,4})/g,
  /(?:^|[\s,.!?])(?:저는?|전|나는|난|제가)\s+([가-힣]{2,4})\s?(?:인데|입니다|이에요|이예요|예요|이고|이요|이라고|라고)/g,
  /(?:^|[\s,.!?])([가-힣]{3})\s?(?:인데|입니다|이에요|이예요|이구요)/g,
  /(?:^|[\s,.!?])([가-힣]{3})\s?(?:기사|파트너)님?(?:\s?(?:인데|입니다|이에요|이예요|예요|이고|이요|요))/g,
  // after a word for a person, before a title, before a sign-off: `수강생 김영수`, `김영수님`, `김영수 씨가`, `김영수 드림`
  /(?:예약자|신청자|수강자|수강생|교육생|기사님|기사|파트너님|파트너)\s*[:=]?\s*([가-힣]{3})(?=[\s,.!?)]|$)/g,
  /(?:^|[\s,.!?(])([가-힣]{3})\s?(?:님|씨)(?=[이가은는의을를께도요\s,.!?)]|$)/g,
  /(?:^|[\s,.!?])([가-힣]{3})\s?(?:드림|올림)(?=[\s,.!?]|$)/g,
];
/** Common surnames: a cue-less candidate (`변하율인데`) must start with one. */
const SURNAMES = new Set(Array.from('김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부탄승'));

/** Printable-ASCII runs: a password glued to Korean words is still one token (8–16 long counts). */
const ASCII_TOKEN = /[!-~]+/g;
const PASSWORD_SYMBOLS = /[!@#$%^&*+=?~]/g;
const NOT_A_PASSWORD = [
  /^[\da-f-]{12,}$/i, // hex ids, pseudonyms, hashes
  /[/\\]/, // paths and URLs
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i, // e-mail
  /^[\d.:,\-+*]+$/, // numbers, times, masked digits
  /\*{2,}/, // already masked (010-****-5678)
];

/** Exact strings to look for: names typed in dialogs, values scripts declare secret (see canaries.ts). */
export interface CanaryStrings {
  names?: readonly string[];
  secrets?: readonly string[];
  /** The bot's own content (spaces removed): a cue's word found in it is an ordinary word, not a name. */
  vocabulary?: string;
}

/**
 * Every finding in one parsed log line; any canary in clear is a leak too.
 * @example scanLine({ message: 'turn', text: '010-1234-5678' }) // [{ kind: 'phone', key: 'text', match: '010-1234-5678' }]
 */
export function scanLine(line: unknown, canaries: CanaryStrings = {}): Finding[] {
  const findings: Finding[] = [];
  walk(line, '', (key, text) => findings.push(...scanText(text, canaries).map((f) => ({ ...f, key }))));
  return findings;
}

/**
 * Findings in one string (folded to ASCII digits first; the support line is ignored).
 * @example scanText('생일 1985.3.7')[0].kind // 'birthdate'
 */
export function scanText(raw: string, { names = [], secrets = [], vocabulary = '' }: CanaryStrings = {}): Array<Omit<Finding, 'key'>> {
  const text = asciiDigits(raw.normalize('NFKC')).replace(ALLOWED, ' ');
  const spelled = readAloud(spelledOut(text));
  const found: Array<Omit<Finding, 'key'>> = [];
  const add = (kind: PiiKind, patterns: RegExp[]) => {
    for (const p of patterns) for (const m of text.matchAll(p)) found.push({ kind, match: m[0] });
    if (spelled !== text) for (const p of patterns) for (const m of spelled.matchAll(p)) found.push({ kind, match: m[0] });
  };
  add('phone', PHONE_PATTERNS);
  add('birthdate', BIRTHDATE_PATTERNS);
  for (const [i, cue] of NAME_CUES.entries()) {
    for (const m of text.matchAll(cue)) {
      const word = m[1];
      if (ORDINARY_WORDS.has(word) || (i > 0 && vocabulary.includes(word))) continue;
      if (i >= 4 && vocabulary.includes(word.replace(/[이가은는의을를도에]$/, ''))) continue; // `기사 정보가`: a word and its particle
      if (i >= 2 && !SURNAMES.has(word[0])) continue;
      found.push({ kind: 'name', match: m[0].trim() });
    }
  }
  for (const m of text.matchAll(ASCII_TOKEN)) if (isPasswordLike(m[0])) found.push({ kind: 'password', match: m[0] });
  for (const name of names) if (text.includes(name)) found.push({ kind: 'name', match: name });
  for (const secret of secrets) if (raw.includes(secret) || text.includes(secret.normalize('NFKC'))) found.push({ kind: 'secret', match: secret });
  return found;
}

/** Decimal digits of every script as ASCII (NFKC leaves Arabic-Indic, Devanagari… digits as they are). */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    if (d >= '0' && d <= '9') return d;
    const code = d.codePointAt(0) as number;
    let zero = code;
    while (zero > code - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String(code - zero);
  });
}

/** Runs of seven or more spelled-out digits become ASCII digits (`공일공 사팔…` → `010 48…`). */
function spelledOut(text: string): string {
  return text.replace(SPELLED_RUN, (run) => run.replace(new RegExp(`[${SPELLED}]`, 'g'), (ch) => SPELLED_VALUE[SPELLED.indexOf(ch)]).replace(ALLOWED, ' '));
}

/** Sino-Korean numbers with place words too (천구백칠십사, 칠십사, 천이백삼십사), and the joiner 에 between read-aloud groups. */
const NUMERALS = '공영빵일이삼사오육륙칠팔구십백천';
/** A spelled number right before 년 or 월; a day right after a month (`삼월 오일`: 일 is also a digit, so only there). */
const SPELLED_YEAR_MONTH = new RegExp(`(?<![가-힣])([${NUMERALS}]+)(?=\\s*[년年월月])`, 'g');
const SPELLED_DAY = new RegExp(`(\\d{1,2}\\s*[월月]\\s*)([${NUMERALS}]+)(?=\\s*[일日])`, 'g');
const READ_ALOUD_RUN = new RegExp(`(?<![가-힣])[${NUMERALS}\\d]+(?:${DIGIT_SEP}{0,3}에?${DIGIT_SEP}{0,3}[${NUMERALS}\\d]+)+`, 'g');

/**
 * Spelled-out numbers as ASCII digits where they can be a date part or a phone number read aloud: `천구백칠십사년 삼월
 * 오일` → `1974년 3월 5일`, `공일공에 천이백삼십사에 오천육백칠십팔` → `010 1234 5678`. Independent of the masker's reading.
 */
function readAloud(text: string): string {
  if (!new RegExp(`[${NUMERALS}]`).test(text)) return text;
  const dated = text
    .replace(SPELLED_YEAR_MONTH, (word) => numberOf(word) ?? word)
    .replace(SPELLED_DAY, (all, month: string, word: string) => month + (numberOf(word) ?? word));
  return dated.replace(READ_ALOUD_RUN, (run) => {
    const groups = run.split(new RegExp(`(?:${DIGIT_SEP}|에)+`)).filter(Boolean);
    const read = groups.map((g) => (/^\d+$/.test(g) ? g : numberOf(g)));
    return read.every((r) => r !== undefined) ? read.join(' ') : run;
  });
}

/** Digit by digit (`일구칠사` → `1974`, `공삼` → `03`) or by place words (`천구백칠십사` → `1974`); undefined otherwise. */
function numberOf(word: string): string | undefined {
  const digit = (c: string) => SPELLED.indexOf(c);
  if (!/[십백천]/.test(word)) return [...word].every((c) => digit(c) >= 0) ? [...word].map((c) => SPELLED_VALUE[digit(c)]).join('') : undefined;
  const m = /^(?:([일이삼사오육륙칠팔구])?천)?(?:([일이삼사오육륙칠팔구])?백)?(?:([일이삼사오육륙칠팔구])?십)?([일이삼사오육륙칠팔구])?$/.exec(word);
  if (!m) return undefined;
  const at = (d: string | undefined, hasPlace: boolean) => (d ? Number(SPELLED_VALUE[digit(d)]) : hasPlace ? 1 : 0);
  const value = at(m[1], word.includes('천')) * 1000 + at(m[2], word.includes('백')) * 100 + at(m[3], word.includes('십')) * 10 + at(m[4], false);
  return String(value);
}

function isPasswordLike(token: string): boolean {
  const t = token.replace(/^[.,:;'"()[\]{}<>]+|[.,:;'"()[\]{}<>]+$/g, '');
  if (t.length < 8 || t.length > 16 || !/[A-Za-z]/.test(t)) return false;
  const strong = /\d/.test(t) || (t.match(PASSWORD_SYMBOLS) ?? []).length >= 2;
  return strong && !NOT_A_PASSWORD.some((p) => p.test(t));
}

/** Visit every string (and long number) in a value, keys included, skipping system fields. */
function walk(value: unknown, key: string, visit: (key: string, text: string) => void): void {
  if (typeof value === 'string') return visit(key, value);
  if (typeof value === 'number' && Math.abs(value) >= 1e7) return visit(key, `0${value}`);
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (key === '' && SYSTEM_KEYS.has(k)) continue;
    if (key === '' && CONTENT_ID_KEYS.has(k) && typeof v === 'string' && CONTENT_ID.test(v)) continue;
    const path = key ? `${key}.${k}` : k;
    visit(`${path} (key)`, k);
    walk(v, path, visit);
  }
}
