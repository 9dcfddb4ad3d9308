import { maskUnderstoodless, NAME_MASK } from '../../src/log/mask';
/** Privacy masking: each masker, free-text scrubbing, its allow-list, redact, leak properties. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { formatPhone } from '../../src/dialog/validators';
import { maskAll, maskBirthdate, maskName, maskPhone, maskText, redact } from '../../src/log';

/** Any UTF-16 unit: NUL, lone surrogates, everything. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: utf16Unit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'0123456789０-./() +년월일aB!@비번'.split('')), maxLength: 60 }),
);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const mobile = fc
  .tuple(
    fc.constantFrom('010', '011', '016', '019'),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 9999 }),
  )
  .map(([prefix, mid, last]) => `${prefix}${pad(mid, 4)}${pad(last, 4)}`);
const phoneForms: ReadonlyArray<(d: string) => string> = [
  (d) => d,
  (d) => formatPhone(d),
  (d) => formatPhone(d).replace(/-/g, ' '),
  (d) => formatPhone(d).replace(/-/g, '.'),
  (d) => `+82 ${formatPhone(d).slice(1)}`,
  (d) => `(${d.slice(0, 3)})${d.slice(3)}`,
  (d) => fullWidth(d),
  (d) => d.split('').join(' '),
];

const birthday = fc
  .tuple(
    fc.integer({ min: 1926, max: 2010 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => ({ y, m, d }));
type Ymd = { y: number; m: number; d: number };
const dateForms: ReadonlyArray<(b: Ymd) => string> = [
  ({ y, m, d }) => `${y}${pad(m)}${pad(d)}`,
  ({ y, m, d }) => `${pad(y % 100)}${pad(m)}${pad(d)}`,
  ({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`,
  ({ y, m, d }) => `${y}.${m}.${d}`,
  ({ y, m, d }) => `${y}/${pad(m)}/${pad(d)}`,
  ({ y, m, d }) => `${y} ${m} ${d}`,
  ({ y, m, d }) => `${y}년 ${m}월 ${d}일`,
  ({ y, m, d }) => `${pad(y % 100)}년 ${m}월 ${d}일`,
  ({ y, m, d }) => fullWidth(`${y}${pad(m)}${pad(d)}`),
];
const fillers = fc.constantFrom('', ' ', '제 ', '번호는 ', '생일은 ', '이고 ', '이에요', '\n', ', ', '요 ');
const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');
const isSubsequence = (part: string, whole: string) => {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
};

describe('maskPhone', () => {
  it('keeps the area code and last four digits', () => {
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('0111234567')).toBe('011-***-4567');
    expect(maskPhone('021234567')).toBe('02-***-4567');
    expect(maskPhone('0311234567')).toBe('031-***-4567');
  });

  it('hides short input entirely', () => {
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});

describe('maskName', () => {
  it.each([
    ['홍길동', '홍*동'],
    ['김철', '김*'],
    ['남궁민수', '남**수'],
    ['John Smith', 'J********h'],
    ['홍', '*'],
  ])('masks %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskBirthdate', () => {
  it('keeps only the year', () => {
    expect(maskBirthdate('1985-03-07')).toBe('1985-**-**');
    expect(maskBirthdate('not a date')).toBe('****-**-**');
  });
});

describe('maskText', () => {
  it.each([
    ['제 번호는 010-1234-5678 입니다', '제 번호는 010-****-5678 입니다'],
    ['01012345678이요', '010-****-5678이요'],
    ['+82 10 1234 5678', '010-****-5678'],
    ['０１０－１２３４－５６７８', '010-****-5678'],
    ['집 전화 02-123-4567', '집 전화 02-***-4567'],
    ['031 1234 5678로 주세요', '031-****-5678로 주세요'],
    ['0 1 0 1 2 3 4 5 6 7 8', '010-****-5678'],
  ])('masks the phone number in %j', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it.each([
    ['19850307', '****-**-**'],
    ['850307', '****-**-**'],
    ['1985-03-07', '****-**-**'],
    ['1985.3.7', '****-**-**'],
    ['1985년 3월 7일', '****-**-**'],
    ['85년 3월 7일', '****-**-**'],
    ['생일은 1985년 3월 7일이에요', '생일은 ****-**-**이에요'],
    ['850307-1234567', '****-**-**-*******'],
  ])('masks the birth date in %j', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it('masks password-like tokens', () => {
    expect(maskText('비번은 Blue1234! 이에요')).toBe('비번은 [비밀번호 가림] 이에요');
    expect(maskText('비번은abcd1234이에요')).toBe('비번은[비밀번호 가림]이에요');
  });

  it('stars any other long digit run', () => {
    expect(maskText('주문번호 1234567')).toBe('주문번호 *******');
    expect(maskText('카드 1234-5678-9012-3456')).toBe('카드 ****-****-****-****');
    expect(maskText('010-1234-5678-9')).toBe('***-****-****-*');
  });

  it.each([
    '1533-0301로 전화',
    '고객센터 15330301 맞나요',
    '리프레시 교육이 뭐예요',
    '교육은 3시간이고 2회 남았어요',
    'https://partner.kakaomobility.com 접속이 안 돼요',
    '',
  ])('leaves %j unchanged', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('masks around the support line, not the support line', () => {
    expect(maskText('1533-0301 말고 010-1234-5678로 연락 주세요')).toBe(
      '1533-0301 말고 010-****-5678로 연락 주세요',
    );
  });

  it('masks several kinds of PII in one utterance', () => {
    const text = '010-1234-5678 홍길동 1985.3.7 비번 qwer!@#$12';
    expect(maskText(text)).toBe('010-****-5678 홍길동 ****-**-** 비번 [비밀번호 가림]');
  });
});

describe('redact', () => {
  it('masks sensitive keys at any depth and copies the rest', () => {
    const input = {
      message: '번호는 01012345678',
      intentName: 'faq.signup',
      slots: { phone: '01012345678', birthdate: '1985-03-07', name: '홍길동', userName: 'John' },
      password: 'hunter2',
      turn: { utterance: '생일 850307', count: 3, tags: ['a'] },
      attempts: [{ text: '010 1234 5678' }],
    };
    expect(redact(input)).toEqual({
      message: '번호는 010-****-5678',
      intentName: 'faq.signup',
      slots: { phone: '010-****-5678', birthdate: '****-**-**', name: '***', userName: '****' },
      password: '[비밀번호 가림]',
      turn: { utterance: '생일 ****-**-**', count: 3, tags: ['a'] },
      attempts: [{ text: '010-****-5678' }],
    });
    expect(input.slots.phone).toBe('01012345678');
  });

  it('masks numbers under phone keys and survives cycles', () => {
    const input: Record<string, unknown> = { phone: 1012345678, level: 'info' };
    input.self = input;
    expect(redact(input)).toEqual({ phone: '**********', level: 'info', self: '[Circular]' });
  });
});

describe('maskText properties', () => {
  it('never throws, and is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = maskText(text);
        expect(maskText(once)).toBe(once);
      }),
    );
  });

  it('never lets a generated phone number or birth date through', () => {
    fc.assert(
      fc.property(
        mobile,
        fc.constantFrom(...phoneForms),
        birthday,
        fc.constantFrom(...dateForms),
        fc.array(fillers, { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        (phone, writePhone, b, writeDate, [f1, f2, f3], phoneFirst) => {
          const p = writePhone(phone);
          const d = writeDate(b);
          const text = phoneFirst ? `${f1}${p}${f2} ${d}${f3}` : `${f1}${d} ${f2}${p}${f3}`;
          const masked = maskText(text);
          const ymd = `${b.y}${pad(b.m)}${pad(b.d)}`;
          expect(digitsOf(masked)).not.toContain(phone);
          expect(digitsOf(masked)).not.toContain(ymd);
          // At most the phone's area code and last four digits survive (fewer if over-masked).
          expect(isSubsequence(digitsOf(masked), phone.slice(0, 3) + phone.slice(-4))).toBe(true);
          expect(masked).not.toContain(p);
          expect(masked).not.toContain(d);
        },
      ),
    );
  });

  it('gives the same result with and without its fast path (text that cannot hold PII skips the detectors)', () => {
    const near = fc.string({ unit: fc.constantFrom(...'가 ab1０ＡＢ－‐−﹘﹣\u3000!~.-Pw'.split('')), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(anyText, near), (text) => expect(maskText(text)).toBe(maskAll(text))), { numRuns: 2000 });
    for (const text of ['Password', 'abcdefgh', 'ａｂｃｄｅｆｇ１', 'abc‐def‐gh', '０１０１２３４５６７８', '비번은Blue1234!', '교육 일정']) {
      expect(maskText(text)).toBe(maskAll(text));
    }
  });

  it('leaves text without digits or Latin letters unchanged', () => {
    const unit = fc.constantFrom(...'가나다 교육이 뭐예요?!.,~()-/ ㅋ\n'.split(''));
    const safe = fc.string({ unit, maxLength: 80 });
    fc.assert(fc.property(safe, (text) => expect(maskText(text)).toBe(text)));
  });
});

describe('maskUnderstoodless', () => {
  it.each(['홍길동', '김철수예요', '홍길동입니다'])('masks the bare name %s', (text) => {
    expect(maskUnderstoodless(text)).toBe(NAME_MASK);
  });
  it.each(['콜이 안 잡혀요', '정산 언제 들어와요', '오늘 점심 뭐 먹지'])('keeps the sentence %s', (text) => {
    expect(maskUnderstoodless(text)).toBe(text);
  });
  it('still masks phones in sentences', () => {
    expect(maskUnderstoodless('번호 010-1234-5678 이요')).toContain('010-****-5678');
  });
});

describe('our own log messages', () => {
  // The logger masks every message (an error's message may quote a partner). A message of ours that the masker
  // changes reaches operators garbled ("[비밀번호 가림] says 503"): setting names belong in fields, not in the text.
  const root = path.resolve(__dirname, '../../src');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const messages = files.flatMap((f) => [...fs.readFileSync(path.join(root, f), 'utf8').matchAll(/\.(?:info|warn|error|debug)\(\s*'([^']+)'/g)].map((m) => m[1]));

  it('are read as written: the masker leaves every literal message in src/ unchanged', () => {
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => maskText(m) !== m)).toEqual([]);
  });
});
