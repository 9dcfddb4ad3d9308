/**
 * Canaries for the log audit: names typed into dialogs and the values conversation scripts declare
 * secret. A name cannot be told from other Korean words by its shape, so the audit looks for these
 * exact strings (phones, dates and passwords are also found by pattern, see scan.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as YAML from 'js-yaml';

export interface Canaries {
  /** Names typed as dialog answers. */
  names: string[];
  /** Values a conversation script lists under `secrets:` (phones, dates, names, passwords). */
  secrets: string[];
  /** The bot's own content, spaces removed: a word in it after a name cue is not a name. */
  vocabulary: string;
}

/** Names used as dialog answers in tests; add any name a new test types into a dialog. */
export const FIXED_NAMES = [
  '홍길동', '김민준', '이서연', '박지훈', '최수아', '정하윤', '강도현', '윤서준', '김철수', '이영희',
  // issue #12's red-team names, typed in sentences (test/privacy/leaks.ts)
  '탄시율', '승하진', '변하율', '모다온',
];

/** Common surnames: a harvested name must start with one. */
const SURNAMES = new Set(Array.from('김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부'));

/** The cue words themselves (`'성함은 '` is a literal in the masker's tests), never a name. */
const NAME_CUES = new Set(['이름은', '성함은']);

/** A whole answer that is a name: `홍길동`, `홍길동이에요`, `제 이름은 홍길동입니다`. */
const NAME_ANSWER = /^(?:(?:제\s*)?(?:이름은|성함은)\s*|저는\s+)?([가-힣]{3})(?:이에요|이예요|예요|입니다|이요|요)?[.!]?$/;
/** A name opening a sentence or after a self-reference: `저 승하진인데요`, `변하율인데 비밀번호를…`. */
const NAME_IN_SENTENCE = /^(?:(?:제\s*)?(?:이름은|성함은)\s*|저는?\s+)?([가-힣]{3})(?:인데요?|입니다|이에요|이고)(?:\s|$)/;
/** String literals in TypeScript tests. */
const LITERAL = /'([^'\\\n]{2,30})'|"([^"\\\n]{2,30})"|`([^`$\\\n]{2,30})`/g;
/** Secrets shorter than this would match ordinary text. */
const MIN_SECRET_CHARS = 4;

/**
 * Every canary: the fixed names, names harvested from test literals and conversation scripts
 * (`say:`), minus any word the bot's own content says, and every script's `secrets:`.
 * @example canaries('/repo').names.includes('홍길동') // true
 */
export function canaries(root: string): Canaries {
  const vocabulary = readAll(root, ['intents', 'responses', 'flows'], /\.ya?ml$/);
  const names = new Set<string>();
  const secrets = new Set<string>();
  const addName = (text: string) => {
    const name = (NAME_ANSWER.exec(text.trim()) ?? NAME_IN_SENTENCE.exec(text.trim()))?.[1];
    if (name && SURNAMES.has(name[0]) && !NAME_CUES.has(name) && !vocabulary.includes(name)) names.add(name);
  };
  for (const file of listFiles(path.join(root, 'test'), /\.ts$/)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(LITERAL)) addName(m[1] ?? m[2] ?? m[3] ?? '');
  }
  for (const file of listFiles(path.join(root, 'test'), /\.ya?ml$/)) {
    walkYaml(YAML.load(fs.readFileSync(file, 'utf8')), (key, value) => {
      if (key === 'secrets' && value.length >= MIN_SECRET_CHARS) secrets.add(value);
      if (key === 'say' || key === 'user') addName(value);
    });
  }
  return { names: [...new Set([...FIXED_NAMES, ...names])], secrets: [...secrets], vocabulary: vocabulary.replace(/\s+/g, '') };
}

/** Visit every string with the nearest key above it (array items keep their array's key). */
function walkYaml(value: unknown, visit: (key: string, value: string) => void, key = ''): void {
  if (typeof value === 'string' || typeof value === 'number') return visit(key, String(value));
  if (Array.isArray(value)) return value.forEach((v) => walkYaml(v, visit, key));
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkYaml(v, visit, k);
}

function readAll(root: string, dirs: string[], pattern: RegExp): string {
  return dirs.flatMap((d) => listFiles(path.join(root, d), pattern)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : listFiles(full, pattern);
    return pattern.test(e.name) ? [full] : [];
  });
}
