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

/** The partner support line may appear anywhere. */
const ALLOWED = /(?<!\d)1533[\s.-]?0301(?!\d)/g;

const SEP = String.raw`[\s.\-]{0,2}`;
const PHONE_PATTERNS: RegExp[] = [
  // mobile, domestic or +82, any grouping
  new RegExp(String.raw`(?<!\d)(?:\+?\s?82${SEP}0?|0)1[016789](?:${SEP}\d){7,8}(?!\d)`, 'g'),
  // landline with separators (02, 0XX, 070)
  new RegExp(String.raw`(?<!\d)0(?:2|[3-6][1-5]|70)[\s.\-)]{1,2}\d{3,4}[\s.\-]{1,2}\d{4}(?!\d)`, 'g'),
];

const YEAR4 = String.raw`(?:19[2-9]\d|200\d|201[0-2])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const BIRTHDATE_PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?<!\d)${YEAR4}\s*[-./년]\s*${MONTH}\s*[-./월]\s*${DAY}(?!\d)`, 'g'),
  new RegExp(String.raw`(?<![\d.])\d{2}\s*[-./]\s*${MONTH}\s*[-./]\s*${DAY}(?![\d.])`, 'g'),
  new RegExp(String.raw`(?<!\d)\d{2}\s*년\s*${MONTH}\s*월\s*${DAY}\s*일`, 'g'),
  new RegExp(String.raw`(?<!\d)${YEAR4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)`, 'g'),
  new RegExp(String.raw`(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)`, 'g'),
];

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
export function scanText(raw: string, { names = [], secrets = [] }: CanaryStrings = {}): Array<Omit<Finding, 'key'>> {
  const text = raw.normalize('NFKC').replace(ALLOWED, ' ');
  const found: Array<Omit<Finding, 'key'>> = [];
  const add = (kind: PiiKind, patterns: RegExp[]) => {
    for (const p of patterns) for (const m of text.matchAll(p)) found.push({ kind, match: m[0] });
  };
  add('phone', PHONE_PATTERNS);
  add('birthdate', BIRTHDATE_PATTERNS);
  for (const m of text.matchAll(ASCII_TOKEN)) if (isPasswordLike(m[0])) found.push({ kind: 'password', match: m[0] });
  for (const name of names) if (text.includes(name)) found.push({ kind: 'name', match: name });
  for (const secret of secrets) if (raw.includes(secret) || text.includes(secret.normalize('NFKC'))) found.push({ kind: 'secret', match: secret });
  return found;
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
    const path = key ? `${key}.${k}` : k;
    visit(`${path} (key)`, k);
    walk(v, path, visit);
  }
}
