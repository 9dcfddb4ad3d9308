/** Privacy masking for every log line and echo: phones, names, birth dates, passwords, texts. */
import {
  digitView,
  foldChars,
  NAME_CUE_HINT,
  NAME_MASK,
  passwordLikeSpans,
  readName,
  scanDateSpans,
  scanDigitRuns,
  scanNameSpans,
  scanPhones,
  scanSpokenPhones,
  SPELLED_HINT,
  type PhoneMatch,
} from '.';

// the one pass added after the freeze: src's own recogniser, so both maskers mask birth-cue dates alike
import { BIRTH_CUE_HINT, birthCueSpans } from '../../../src/privacy/birth-cue';

export { NAME_MASK };

/** What a password-like token becomes. */
export const PASSWORD_MASK = '[비밀번호 가림]';
/** What anything that could be a birth date becomes. */
export const DATE_MASK = '****-**-**';

/** Public numbers never masked: the partner support line (an allow-list, matched literally). */
const ALLOWED_NUMBERS = /(?<!\d)1533[\s.-]?0301(?!\d)/g;
/** Digits this many in one run are masked whatever separates them (`010ㅡ4823ㅡ7323`, `1,234,567`, card numbers). */
const MIN_DIGITS_IN_GROUPED_RUN = 7;
/** Contiguous digits this long are masked whatever they are. */
const BARE_DIGIT_RUN = /\d{6,}/g;
const PHONE_LIKE_DIGITS = /^0\d{8,10}$/;

interface Replacement {
  index: number;
  end: number;
  text: string;
}
type Detector = (text: string) => Replacement[];

/**
 * Mask a phone number's middle digits; Seoul `02` keeps a 2-digit area code, others keep 3.
 * @example maskPhone('01012345678') // '010-****-5678'
 */
export function maskPhone(normalized: string): string {
  const digits = foldChars(normalized).replace(/\D/g, '');
  const area = digits.startsWith('02') ? 2 : 3;
  const hidden = digits.length - area - 4;
  if (hidden < 1) return '*'.repeat(digits.length);
  return `${digits.slice(0, area)}-${'*'.repeat(hidden)}-${digits.slice(-4)}`;
}

/**
 * Keep a name's first and last character and hide the rest (2-character names keep only the first).
 * @example maskName('홍길동') // '홍*동'
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Keep the year of an ISO birth date; anything not ISO is hidden entirely.
 * @example maskBirthdate('1985-03-07') // '1985-**-**'
 */
export function maskBirthdate(iso: string): string {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(iso);
  return m ? `${m[1]}-**-**` : DATE_MASK;
}

/**
 * Scrub a free-text utterance for logs: phone numbers → `010-****-5678`, anything that could be a
 * birth date → `****-**-**`, password-like tokens → `[비밀번호 가림]`, other long digit runs → `*`
 * per digit. Text without any of these comes back unchanged, and so does the support line
 * `1533-0301`.
 * @example maskText('제 번호는 010-1234-5678 입니다') // '제 번호는 010-****-5678 입니다'
 */
export function maskText(text: string): string {
  return MAYBE_SENSITIVE.test(text) || NAME_CUE_HINT.test(text) || SPELLED_HINT.test(text) || BIRTH_CUE_HINT.test(text) ? maskAll(text) : text;
}

/**
 * Every detector needs a digit of some script or a run of spelled-out Korean numerals (dates, phones, digit runs), a
 * run of 8+ printable ASCII characters (passwords), a name cue (`NAME_CUE_HINT`) or a spelled-out date part
 * (`SPELLED_HINT`: 삼월, 칠십사년); this is that condition on the unfolded text. Text without any can contain nothing
 * to mask and is returned as it is.
 */
const MAYBE_SENSITIVE =
  /\p{Nd}|[!-~\uFF01-\uFF5E\u2010-\u2015\u2212\uFE58\uFE63]{8}|(?:[공영빵일이삼사오육륙칠팔구십백천][^가-힣\d]{0,3}에?){6}/u;

/**
 * `maskText` without its fast path: every detector runs. Exported for the test that checks both agree.
 * @internal
 */
export function maskAll(text: string): string {
  return splitAllowed(text)
    .map((piece, i) => (i % 2 === 1 ? piece : DETECTORS.reduce(applyDetector, piece)))
    .join('');
}


/**
 * Like `maskText`, for an utterance the bot did not understand: a bare name (`홍길동`, `홍길동입니다`) is
 * masked too. Used where a slot answer may arrive after its dialog expired (turn log, fallback report).
 * @example maskUnderstoodless('김철수예요') // '[이름 가림]'
 */
export function maskUnderstoodless(text: string): string {
  const trimmed = text.trim();
  const bare = trimmed.length <= 12 && !/\s/.test(trimmed) && readName(trimmed).ok;
  return bare ? NAME_MASK : maskText(text);
}

/** Longest user text kept anywhere (the opt-in turn log, the fallback report), after masking. */
export const MAX_KEPT_CHARS = 300;

/**
 * User text as it may be kept: masked like `maskUnderstoodless`, then cut to `MAX_KEPT_CHARS` characters (never
 * inside a surrogate pair).
 * @example maskKept('제 이름은 탄시율입니다') // '제 이름은 [이름 가림]'
 */
export function maskKept(text: string): string {
  const masked = maskUnderstoodless(text);
  if (masked.length <= MAX_KEPT_CHARS) return masked;
  const cut = masked.slice(0, MAX_KEPT_CHARS);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Alternating pieces of `text`: free text at even positions, allow-listed numbers at odd ones. */
function splitAllowed(text: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const m of foldChars(text).matchAll(ALLOWED_NUMBERS)) {
    pieces.push(text.slice(at, m.index), text.slice(m.index, m.index + m[0].length));
    at = m.index + m[0].length;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/** In order; each sees the text the previous ones left, so nothing is masked twice. */
const DETECTORS: readonly Detector[] = [
  // added after the freeze, with src (a new pass, not a faster one): the birth-date cue (src/privacy/birth-cue.ts)
  (text) => birthCueSpans(text).map((m) => replace(m, DATE_MASK)),
  (text) => scanDateSpans(text).map((m) => replace(m, DATE_MASK)),
  (text) => scanPhones(text, 'mobile').map((m) => replace(m, maskPhone(m.digits))),
  (text) => scanPhones(text, 'any').map((m) => replace(m, maskPhone(m.digits))),
  (text) => scanSpokenPhones(text).map((m) => replace(m, maskPhone(m.digits))),
  (text) => passwordLikeSpans(text).map((m) => replace(m, PASSWORD_MASK)),
  (text) => scanDigitRuns(text).flatMap((m) => maskGroupedRun(text, m)),
  (text) =>
    Array.from(digitView(text).matchAll(BARE_DIGIT_RUN), (m) =>
      starDigits(text, m.index, m.index + m[0].length),
    ),
  (text) => scanNameSpans(text).map((m) => replace(m, NAME_MASK)),
];

function maskGroupedRun(text: string, run: PhoneMatch): Replacement[] {
  if (PHONE_LIKE_DIGITS.test(run.digits)) return [replace(run, maskPhone(run.digits))];
  const digitCount = digitView(text).slice(run.index, run.end).replace(/\D/g, '').length;
  return digitCount >= MIN_DIGITS_IN_GROUPED_RUN ? [starDigits(text, run.index, run.end)] : [];
}

function starDigits(text: string, index: number, end: number): Replacement {
  return { index, end, text: digitView(text).slice(index, end).replace(/\d/g, '*') };
}

function replace(span: { index: number; end: number }, text: string): Replacement {
  return { index: span.index, end: span.end, text };
}

/** Apply one detector's replacements; where two overlap, the one listed first wins. */
function applyDetector(text: string, detect: Detector): string {
  const covered = new Uint8Array(text.length);
  const chosen = detect(text).filter((r) => {
    if (covered.subarray(r.index, r.end).some((c) => c === 1)) return false;
    covered.fill(1, r.index, r.end);
    return true;
  });
  chosen.sort((a, b) => a.index - b.index);
  let out = '';
  let at = 0;
  for (const r of chosen) {
    out += text.slice(at, r.index) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

type Sensitivity = 'text' | 'name' | 'secret';

const SECRET_KEY = /password|passwd|pwd|secret|^pw$|^pass$/;
const NAME_KEY =
  /^(?:full|real|user|display|driver|partner|customer|person|first|last|given|family|nick)?name$/;
const TEXT_KEY = /phone|mobile|^tel|msisdn|birth|^dob$|utterance|text|message|^msg$|input|query/;

/** How a key's string values are masked, if at all: `userName` → name, `utterance` → text. */
function sensitivityOf(key: string): Sensitivity | undefined {
  const known = sensitivityByKey.get(key);
  if (known !== undefined) return known === 'plain' ? undefined : known;
  const found = classifyKey(key);
  if (sensitivityByKey.size >= MAX_KNOWN_KEYS) sensitivityByKey.clear(); // log keys are a small fixed set; this only bounds odd callers
  sensitivityByKey.set(key, found ?? 'plain');
  return found;
}

/** `sensitivityOf` is a pure function of the key, and every log line repeats the same few keys. */
const sensitivityByKey = new Map<string, Sensitivity | 'plain'>();
const MAX_KNOWN_KEYS = 1000;

function classifyKey(key: string): Sensitivity | undefined {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  if (SECRET_KEY.test(k)) return 'secret';
  if (NAME_KEY.test(k)) return 'name';
  return TEXT_KEY.test(k) ? 'text' : undefined;
}

/**
 * A deep copy of `obj` for logging. Strings (and numbers) under keys named like a phone, birth
 * date, utterance, text or message go through `maskText`; names are hidden entirely and passwords
 * replaced by `[비밀번호 가림]`, at any depth. Other values are copied as they are; cycles become
 * `[Circular]`.
 * @example redact({ slot: { phone: '01012345678', name: '홍길동' } })
 * // { slot: { phone: '010-****-5678', name: '***' } }
 */
export function redact(obj: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return redactObject(obj, undefined, new WeakSet());
}

type Mode = Sensitivity | undefined;

function redactValue(value: unknown, mode: Mode, seen: WeakSet<object>): unknown {
  if (typeof value === 'string' || (typeof value === 'number' && mode !== undefined)) {
    return mode === undefined ? value : maskValue(String(value), mode);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (Array.isArray(value)) {
    return withSeen(seen, value, () => value.map((v) => redactValue(v, mode, seen)));
  }
  if (!isPlainObject(value)) return value;
  return redactObject(value as Record<string, unknown>, mode, seen);
}

function redactObject(
  obj: Readonly<Record<string, unknown>>,
  mode: Mode,
  seen: WeakSet<object>,
): Record<string, unknown> {
  return withSeen(seen, obj, () => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) {
      copy[key] = redactValue(value, sensitivityOf(key) ?? mode, seen);
    }
    return copy;
  });
}

/** Run `build` with `value` marked as an ancestor: only true cycles are cut, not shared leaves. */
function withSeen<T>(seen: WeakSet<object>, value: object, build: () => T): T {
  seen.add(value);
  try {
    return build();
  } finally {
    seen.delete(value);
  }
}

function maskValue(value: string, mode: Sensitivity): string {
  if (mode === 'secret') return PASSWORD_MASK;
  if (mode === 'name') return '*'.repeat(Array.from(value).length);
  return maskText(value);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
