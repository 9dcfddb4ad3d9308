/** The log audit's scanner catches leaks (and passes masked lines), so logs.audit.ts can fail. */
import fc from 'fast-check';
import { maskText, redact } from '../../src/log/mask';
import { ROOT } from '../helpers/app';
import { canaries, FIXED_NAMES } from './canaries';
import { scanLine, scanText } from './scan';

const strings = { names: ['홍길동', '김민준'], secrets: ['sk8erBoi#2024', '파란하늘'] };
const kinds = (line: unknown) => scanLine(line, strings).map((f) => f.kind);

describe('scanLine catches a leaking line', () => {
  it.each([
    ['010-2345-6789', 'phone'],
    ['01023456789', 'phone'],
    ['010 2345 6789', 'phone'],
    ['010.2345.6789', 'phone'],
    ['+82 10-2345-6789', 'phone'],
    ['８２１０２３４５６７８９', 'phone'],
    ['０１０－２３４５－６７８９', 'phone'],
    ['011-234-5678', 'phone'],
    ['집 02-123-4567', 'phone'],
    ['1985-03-07', 'birthdate'],
    ['1985.3.7', 'birthdate'],
    ['1985년 3월 7일', 'birthdate'],
    ['19850307', 'birthdate'],
    ['850307', 'birthdate'],
    ['85.03.07', 'birthdate'],
    ['85년 3월 7일', 'birthdate'],
    ['비번은 Blue1234! 이에요', 'password'],
    ['비번은qwer!@#$예요', 'password'],
    ['abcd1234', 'password'],
    ['제 이름은 홍길동이에요', 'name'],
  ])('%s → %s', (text, kind) => {
    expect(kinds({ message: 'turn', text })).toContain(kind);
  });

  it('looks at every field at any depth, keys and long numbers included', () => {
    expect(kinds({ message: 'x', slots: { deep: ['ok', { v: '010-2345-6789' }] } })).toEqual(['phone']);
    expect(kinds({ message: 'x', '01023456789': true })).toEqual(['phone']);
    expect(kinds({ message: 'x', phone: 1023456789 })).toEqual(['phone']);
    expect(kinds({ message: `user typed 홍길동` })).toEqual(['name']);
  });

  it('finds a leak in a real log line', () => {
    const line = JSON.parse(
      '{"intent":"None","latencyMs":2,"level":"info","message":"turn","requestId":"dd961afa-bcb3-4e75-8526-9c294598fcc0","text":"제 번호 010-2345-6789","timestamp":"2026-11-25T05:44:19.446Z","user":"95fccfbc19c0"}',
    );
    expect(scanLine(line, strings)).toEqual([{ kind: 'phone', key: 'text', match: '010-2345-6789' }]);
  });

  it('finds a declared secret that no pattern would', () => {
    expect(kinds({ message: 'x', note: '제 질문은 파란하늘 이에요' })).toEqual(['secret']);
  });
});

describe('scanLine passes clean and masked lines', () => {
  it.each([
    '파트너교육가이드센터(1533-0301)로 전화해 주세요',
    '1533 0301',
    '010-****-6789',
    '****-**-**',
    '1985-**-**',
    '[비밀번호 가림]',
    '홍*동',
    'DeadlineError: turn over 4000 ms',
    'StoreTimeoutError: session store read took over 1000 ms',
    'models/model-c8803e76132af3fb.json',
    'faq.first_login',
    'http://127.0.0.1:6379',
    'https://www.kakaot.com/blue/guide2024',
    '리프레시 교육이 뭐예요',
  ])('%s', (text) => {
    expect(kinds({ message: 'turn', text })).toEqual([]);
  });

  it('ignores system fields: request ids, pseudonyms, timestamps', () => {
    expect(kinds({ requestId: '19850307-0102-4345-8678-0123456789ab', user: '850307123456', timestamp: '1985-03-07T00:00:00Z', message: 'ok' })).toEqual([]);
  });

  it('reads content ids in intent/route/outcome as ids, but the same token typed by a partner as a password', () => {
    expect(kinds({ message: 'turn', intent: 'menu.courses.2', topic: 'faq.extra7' })).toEqual([]);
    expect(kinds({ message: 'turn', text: 'menu.courses.2' })).toEqual(['password']);
    expect(kinds({ message: 'turn', intent: 'hunter2pass 99' })).toEqual(['password']); // not an id: scanned as text
  });
});

describe('agreement with the masker', () => {
  const pii = fc.oneof(
    fc.tuple(fc.constantFrom('010', '011', '016'), fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('-', ' ', '.', '')).map(([a, b, c, s]) => `${a}${s}${b}${s}${c}`),
    fc.tuple(fc.integer({ min: 1940, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('-', '.', '/')).map(([y, m, d, s]) => `${y}${s}${String(m).padStart(2, '0')}${s}${String(d).padStart(2, '0')}`),
    fc.stringMatching(/^[A-Za-z]{5,8}[0-9]{3,4}[!@#]?$/),
  );
  const wrapper = fc.constantFrom((p: string) => `제 정보는 ${p} 입니다`, (p: string) => p, (p: string) => `비번은${p}이에요`);

  it('whatever the masker masks, the scanner no longer finds', () => {
    fc.assert(
      fc.property(pii, wrapper, (p, wrap) => {
        expect(scanText(wrap(p)).length).toBeGreaterThan(0);
        expect(scanLine(redact({ message: 'turn', text: wrap(p) }))).toEqual([]);
        expect(scanText(maskText(wrap(p)))).toEqual([]);
      }),
      { seed: 1125 },
    );
  });
});

describe('canaries', () => {
  const found = canaries(ROOT);

  it('include the fixed names and names harvested from test literals, never a word of our content', () => {
    expect(found.names).toEqual(expect.arrayContaining(FIXED_NAMES));
    expect(found.names).toContain('김수이'); // a name answer in test/dialog/validators/name.test.ts
    for (const word of ['처음으로', '상담원', '리프레시']) expect(found.names).not.toContain(word);
  });

  it('include every secret the conversation scripts declare', () => {
    expect(found.secrets.length).toBeGreaterThan(0);
    expect(found.secrets.every((s) => s.length >= 4)).toBe(true);
  });
});
