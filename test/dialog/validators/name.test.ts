/** Name slot validator: polite wrappers, names ending in 이, reject reasons and properties. */
import fc from 'fast-check';
import { checkName } from '../../../src/dialog/validators';

/** Any UTF-16 unit: NUL, lone surrogates, everything. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: utf16Unit, maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'홍길동김수이요에예입니다제름은저는 Jo1.!?'.split('')), maxLength: 30 }),
);

const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍전'.split('');
const GIVEN = '민서지현수영준우진호성하은연아윤혜태동훈경미선이'.split('');
const hasFinalConsonant = (name: string) => (name.charCodeAt(name.length - 1) - 0xac00) % 28 !== 0;
/**
 * A plausible Hangul name: one surname and one to three given-name syllables. Names ending in 이
 * after a final consonant (김민이) are left out: `김민이요` reads as 김민 + 이요 (see the examples).
 */
const hangulName = fc
  .tuple(
    fc.constantFrom(...SURNAMES),
    fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 3 }),
  )
  .map(([surname, given]) => surname + given.join(''))
  .filter((name) => !(name.endsWith('이') && hasFinalConsonant(name.slice(0, -1))));
const NOT_NAMES = new Set(
  ['no', 'yes', 'why', 'what', 'who', 'how', 'help', 'cancel', 'stop', 'idk', 'unknown', 'none'],
);
const latinName = fc
  .array(fc.stringMatching(/^[A-Za-z]{2,6}$/), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))
  .filter((name) => !NOT_NAMES.has(name.toLowerCase()) && name.toLowerCase() !== 'no idea');

/** Wrap a name the way people answer, choosing 이에요/예요 by the last syllable as Korean does. */
const wrappers: ReadonlyArray<(name: string) => string> = [
  (n) => n,
  (n) => `${n}입니다`,
  (n) => `${n} 입니다`,
  (n) => (hasFinalConsonant(n) ? `${n}이에요` : `${n}예요`),
  (n) => (hasFinalConsonant(n) ? `${n}이요` : `${n}요`),
  (n) => `제 이름은 ${n}이에요`.replace('이에요', hasFinalConsonant(n) ? '이에요' : '예요'),
  (n) => `이름은 ${n}`,
  (n) => `저는 ${n}입니다.`,
];

describe('checkName', () => {
  it.each([
    '홍길동',
    '홍길동입니다',
    '홍길동이에요',
    '홍길동예요',
    '제 이름은 홍길동이에요',
    '이름은 홍길동',
    '홍길동 입니다',
    '저는 홍길동이요',
    '홍길동요',
    '  홍길동  ',
    '홍길동이라고 합니다',
    '홍길동!',
  ])('reads %j as 홍길동', (text) => {
    expect(checkName(text)).toEqual({ ok: true, value: '홍길동' });
  });

  it.each(['김수이', '김수이요', '김수이예요', '김수이에요', '김수이입니다', '제 이름은 김수이예요'])(
    'keeps the final 이 of 김수이 in %j',
    (text) => {
      expect(checkName(text)).toEqual({ ok: true, value: '김수이' });
    },
  );

  it('reads an epenthetic 이 after a final consonant as part of the wrapper (김민이요 → 김민)', () => {
    // Ambiguous in Korean (김민 + 이요, or 김민이 + 요); names ending in 이 after a final consonant are
    // the rarer reading, and the confirm step shows the masked name before anything happens.
    expect(checkName('김민이요')).toEqual({ ok: true, value: '김민' });
    expect(checkName('김민이')).toEqual({ ok: true, value: '김민이' });
  });

  it('does not take a surname 전 for the word 전 (I)', () => {
    expect(checkName('전지현')).toEqual({ ok: true, value: '전지현' });
    expect(checkName('전 전지현입니다')).toEqual({ ok: true, value: '전지현' });
  });

  it('strips a wrapper only when two characters remain', () => {
    expect(checkName('이요')).toEqual({ ok: true, value: '이요' });
    expect(checkName('김요')).toEqual({ ok: true, value: '김요' });
  });

  it('accepts Latin names with single spaces', () => {
    expect(checkName('John Smith')).toEqual({ ok: true, value: 'John Smith' });
    expect(checkName('John   Smith입니다')).toEqual({ ok: true, value: 'John Smith' });
  });

  it.each(['', '   ', '\t\n'])('rejects %j with reason "empty"', (text) => {
    expect(checkName(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['저 김영수인데요', '김영수'],
    ['네 김영수입니다', '김영수'],
    ['김영수 기사입니다', '김영수'],
    ['성명 김영수', '김영수'],
    ['제 이름은요 김영수', '김영수'],
    ['김영수 이에요', '김영수'],
    ['홍 길동', '홍길동'],
    ['김 영 수', '김영수'],
    ['김 철수입니다', '김철수'],
    ['안녕하세요 김영수입니다', '김영수'],
    ['네 안녕하세요! 김영수 기사입니다', '김영수'],
  ])('reads %j as %j (how partners answer; each was refused as "format" before, asking to write without digits)', (text, name) => {
    expect(checkName(text)).toEqual({ ok: true, value: name });
  });

  it.each(['홍길동1', '010-1234-5678', 'Hong길동', '교육 문의', '동 길동', '김 영 수 철 호', 'ㅋㅋㅋ', '홍@길동', 'John_Smith', '...'])(
    'rejects %j with reason "format"',
    (text) => {
      expect(checkName(text)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it.each(['홍', 'J', '가나다라마바사아자차카타파하가나다라마바사', 'a'.repeat(61)])(
    'rejects %j with reason "length"',
    (text) => {
      expect(checkName(text)).toEqual({ ok: false, reason: 'length' });
    },
  );

  it.each([
    '모르겠어요',
    '잘 모르겠는데',
    '왜요',
    '알려주세요',
    '누구세요?',
    '뭐라고요',
    '이름이 왜 필요해요',
    '비밀번호 까먹었어요',
    '아니요',
    '싫어요',
    '이름은',
    'no idea',
    // acknowledgements: `맞아요` was read as the name 맞아 before, and `네 …` is now a wrapper
    '맞아요',
    '네 맞아요',
    '네 잠시만요',
    '네 감사합니다',
    '네네',
  ])(
    'rejects %j with reason "not_a_name"',
    (text) => {
      expect(checkName(text)).toEqual({ ok: false, reason: 'not_a_name' });
    },
  );
});

describe('name properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(anyText, (text) => void checkName(text)));
  });

  it('reads every plausible Hangul name out of every polite wrapper', () => {
    fc.assert(
      fc.property(hangulName, fc.constantFrom(...wrappers), (name, wrap) => {
        expect(checkName(wrap(name))).toEqual({ ok: true, value: name });
      }),
    );
  });

  it('accepts Latin names as typed', () => {
    fc.assert(
      fc.property(latinName, (name) => {
        expect(checkName(name)).toEqual({ ok: true, value: name });
      }),
    );
  });

  it('accepts what it prints back', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hangulName.map((n) => `${n}요`)), (text) => {
        const first = checkName(text);
        if (first.ok) expect(checkName(first.value)).toEqual(first);
      }),
    );
  });
});
