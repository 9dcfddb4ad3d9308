/** Phone slot validator: accepted forms, reject reasons, pre-fill search and properties. */
import fc from 'fast-check';
import { checkPhone, findPhone, formatPhone, isMobile } from '../../../src/dialog/validators';

/** Any UTF-16 unit: NUL, lone surrogates, everything. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: utf16Unit, maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789０１８-. ()+82년월일요이홍 a!'.split('')),
    maxLength: 60,
  }),
);

/** A valid mobile as bare digits: 010 + 8 digits, or 011/016–019 + 7 or 8 digits. */
const mobile = fc
  .tuple(
    fc.constantFrom('010', '011', '016', '017', '018', '019'),
    fc.boolean(),
    fc.integer({ min: 0, max: 9999 }),
  )
  .chain(([prefix, long, last]) => {
    const midLength = prefix === '010' || long ? 4 : 3;
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return fc
      .integer({ min: 0, max: 10 ** midLength - 1 })
      .map((mid) => `${prefix}${pad(mid, midLength)}${pad(last, 4)}`);
  });

const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const writtenForms: ReadonlyArray<(digits: string) => string> = [
  (d) => d,
  (d) => formatPhone(d),
  (d) => formatPhone(d).replace(/-/g, ' '),
  (d) => formatPhone(d).replace(/-/g, '.'),
  (d) => `(${d.slice(0, 3)}) ${formatPhone(d).slice(4)}`,
  (d) => `+82 ${formatPhone(d).slice(1)}`,
  (d) => `82${d.slice(1)}`,
  (d) => fullWidth(formatPhone(d)),
  (d) => `제 번호는 ${formatPhone(d)} 입니다`,
  (d) => `${d}이요`,
];

describe('checkPhone', () => {
  it.each([
    '01012345678',
    '010-1234-5678',
    '010 1234 5678',
    '010.1234.5678',
    '(010) 1234-5678',
    '+82 10-1234-5678',
    '+82 010-1234-5678',
    '+82 (0)10 1234 5678',
    '821012345678',
    '０１０－１２３４－５６７８',
    '０１０１２３４５６７８',
    '제 번호는 010-1234-5678 입니다',
    '01012345678이요',
    '0 1 0 1 2 3 4 5 6 7 8',
  ])('accepts %j as 01012345678', (text) => {
    expect(checkPhone(text)).toEqual({ ok: true, value: '01012345678' });
  });

  it('accepts a 10-digit 011 number', () => {
    expect(checkPhone('011-123-4567')).toEqual({ ok: true, value: '0111234567' });
  });

  it.each(['', '   ', '잘 모르겠어요', '번호요?'])('rejects %j with reason "empty"', (text) => {
    expect(checkPhone(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['02-123-4567', '031-123-4567', '1012345678', '12345', '1533-0301'])(
    'rejects %j with reason "prefix"',
    (text) => {
      expect(checkPhone(text)).toEqual({ ok: false, reason: 'prefix' });
    },
  );

  it.each(['010-1234-567', '010-1234-56789', '010-123-4567', '0101234', '010-1234-5678-9'])(
    'rejects %j with reason "length"',
    (text) => {
      expect(checkPhone(text)).toEqual({ ok: false, reason: 'length' });
    },
  );

  it('survives lone surrogates, NUL and very long input', () => {
    const noisy = '\ud800\u0000010-1234-5678\udfff';
    expect(checkPhone(noisy)).toEqual({ ok: true, value: '01012345678' });
    const long = '0-'.repeat(100_000) + ' 1 '.repeat(50_000);
    const started = Date.now();
    expect(checkPhone(long).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('findPhone', () => {
  it('finds a mobile inside a longer request', () => {
    expect(findPhone('비번 재설정해 주세요 번호는 01098765432')).toBe('01098765432');
  });

  it('skips a landline and finds the mobile after it', () => {
    expect(findPhone('집은 02-123-4567 이고 휴대폰은 010-9876-5432')).toBe('01098765432');
  });

  it('does not start or stop in the middle of a longer number', () => {
    expect(findPhone('1-010-1234-5678')).toBeNull();
    expect(findPhone('010-1234-5678-9')).toBeNull();
  });

  it('returns null when there is no mobile', () => {
    expect(findPhone('비밀번호를 잊어버렸어요')).toBeNull();
    expect(findPhone('고객센터 1533-0301')).toBeNull();
  });
});

describe('formatPhone', () => {
  it('groups 11 and 10 digits', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0111234567')).toBe('011-123-4567');
  });
});

describe('phone properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkPhone(text);
        findPhone(text);
      }),
    );
  });

  it('accepts every valid mobile in every written form', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom(...writtenForms), (digits, write) => {
        expect(checkPhone(write(digits))).toEqual({ ok: true, value: digits });
      }),
    );
  });

  it('accepts what it prints back: the value, its formatted and its +82 form', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mobile.map((d) => formatPhone(d))), (text) => {
        const first = checkPhone(text);
        if (!first.ok) return;
        expect(isMobile(first.value)).toBe(true);
        const printed = [first.value, formatPhone(first.value), `+82 ${first.value.slice(1)}`];
        for (const again of printed) expect(checkPhone(again)).toEqual(first);
      }),
    );
  });

  it('agrees with findPhone whenever findPhone finds a number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = findPhone(text);
        if (found !== null) expect(checkPhone(text)).toEqual({ ok: true, value: found });
      }),
    );
  });
});
