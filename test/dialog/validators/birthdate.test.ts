/** Birth-date slot validator: accepted forms, reject reasons, age edges, pre-fill, properties. */
import fc from 'fast-check';
import { ageAt, checkBirthdate, findBirthdate } from '../../../src/dialog/validators';

const now = new Date('2026-11-25T00:00:00+09:00');

/** Any UTF-16 unit: NUL, lone surrogates, everything. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: utf16Unit, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'0123456789１９-./ 년월일생이에요'.split('')), maxLength: 40 }),
);

const pad = (n: number) => String(n).padStart(2, '0');
const fullWidth = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar date whose owner is 18–99 on `now` (born 1927-01-01 … 2007-12-31). */
const birthday = fc
  .tuple(fc.integer({ min: 1927, max: 2007 }), fc.integer({ min: 1, max: 12 }))
  .chain(([y, m]) => fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => ({ y, m, d })));
type Ymd = { y: number; m: number; d: number };
const iso = ({ y, m, d }: Ymd) => `${y}-${pad(m)}-${pad(d)}`;
const yy = (y: number) => pad(y % 100);

const writtenForms: ReadonlyArray<(b: Ymd) => string> = [
  ({ y, m, d }) => `${y}${pad(m)}${pad(d)}`,
  ({ y, m, d }) => `${yy(y)}${pad(m)}${pad(d)}`,
  (b) => iso(b),
  ({ y, m, d }) => `${y}.${m}.${d}`,
  ({ y, m, d }) => `${y}/${pad(m)}/${pad(d)}`,
  ({ y, m, d }) => `${y} ${m} ${d}`,
  ({ y, m, d }) => `${y}년 ${m}월 ${d}일`,
  ({ y, m, d }) => `${yy(y)}년 ${m}월 ${d}일`,
  ({ y, m, d }) => `${yy(y)}.${pad(m)}.${pad(d)}`,
  ({ y, m, d }) => `생일은 ${y}년 ${m}월 ${d}일이에요`,
  ({ y, m, d }) => fullWidth(`${y}${pad(m)}${pad(d)}`),
];

describe('checkBirthdate', () => {
  it.each([
    '19850307',
    '850307',
    '1985-03-07',
    '1985.3.7',
    '1985. 3. 7.',
    '1985/03/07',
    '1985 3 7',
    '1985년 3월 7일',
    '1985년3월7일',
    '85년 3월 7일',
    '85.03.07',
    '생일은 1985년 3월 7일이에요',
    '１９８５０３０７',
    '１９８５－０３－０７',
    '850307-1234567',
  ])('accepts %j as 1985-03-07', (text) => {
    expect(checkBirthdate(text, now)).toEqual({ ok: true, value: '1985-03-07' });
  });

  it('reads a two-digit year in the century that gives an adult age', () => {
    expect(checkBirthdate('050101', now)).toEqual({ ok: true, value: '2005-01-01' });
    expect(checkBirthdate('300101', now)).toEqual({ ok: true, value: '1930-01-01' });
  });

  it('knows leap years', () => {
    expect(checkBirthdate('1996-02-29', now)).toEqual({ ok: true, value: '1996-02-29' });
    expect(checkBirthdate('000229', now)).toEqual({ ok: true, value: '2000-02-29' });
    expect(checkBirthdate('1900-02-29', now)).toEqual({ ok: false, reason: 'invalid_date' });
    expect(checkBirthdate('1985-02-29', now)).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it.each(['', '  ', '모르겠어요', '생일이요?'])('rejects %j with reason "empty"', (text) => {
    expect(checkBirthdate(text, now)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['1985', '3월 7일', '1985년 3월', '010-1234-5678', '1234567'])(
    'rejects %j with reason "format"',
    (text) => {
      expect(checkBirthdate(text, now)).toEqual({ ok: false, reason: 'format' });
    },
  );

  it.each(['1985-02-30', '1985-13-01', '1985-00-10', '19850431', '851301', '1985년 3월 32일'])(
    'rejects %j with reason "invalid_date"',
    (text) => {
      expect(checkBirthdate(text, now)).toEqual({ ok: false, reason: 'invalid_date' });
    },
  );

  it.each(['2010-01-01', '2030-01-01', '1920-01-01', '1899-05-05', '2008-11-26'])(
    'rejects %j with reason "age"',
    (text) => {
      expect(checkBirthdate(text, now)).toEqual({ ok: false, reason: 'age' });
    },
  );

  it('counts full years in Korea time, birthday included', () => {
    expect(checkBirthdate('2008-11-25', now)).toEqual({ ok: true, value: '2008-11-25' });
    expect(checkBirthdate('1926-11-25', now)).toEqual({ ok: true, value: '1926-11-25' });
    expect(checkBirthdate('1925-11-25', now)).toEqual({ ok: false, reason: 'age' });
    expect(ageAt(2008, 11, 25, now)).toBe(18);
    expect(ageAt(2008, 11, 26, now)).toBe(17);
  });

  it('survives lone surrogates, NUL and very long input', () => {
    expect(checkBirthdate('\ud800\u00001985-03-07\udc00', now)).toEqual({
      ok: true,
      value: '1985-03-07',
    });
    const long = '1 '.repeat(100_000) + '년'.repeat(50_000);
    const started = Date.now();
    expect(checkBirthdate(long, now).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('findBirthdate', () => {
  it('finds a birth date inside a longer request', () => {
    expect(findBirthdate('비번 찾기 010-1234-5678 생년월일 1985.3.7', now)).toBe('1985-03-07');
  });

  it('returns null when nothing in the text is an acceptable birth date', () => {
    expect(findBirthdate('비밀번호를 잊어버렸어요 01012345678', now)).toBeNull();
    expect(findBirthdate('교육은 2026-12-03 이에요', now)).toBeNull();
  });
});

describe('birthdate properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkBirthdate(text, now);
        findBirthdate(text, now);
      }),
    );
  });

  it('accepts every adult birth date in every written form', () => {
    fc.assert(
      fc.property(birthday, fc.constantFrom(...writtenForms), (b, write) => {
        expect(checkBirthdate(write(b), now)).toEqual({ ok: true, value: iso(b) });
      }),
    );
  });

  it('accepts what it prints back', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, birthday.map(iso)), (text) => {
        const first = checkBirthdate(text, now);
        if (first.ok) expect(checkBirthdate(first.value, now)).toEqual(first);
      }),
    );
  });

  it('only ever returns real ISO dates of adults', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = checkBirthdate(text, now);
        if (!result.ok) return;
        const [y, m, d] = result.value.split('-').map(Number);
        expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(d).toBeLessThanOrEqual(daysIn(y, m));
        expect(ageAt(y, m, d, now)).toBeGreaterThanOrEqual(18);
        expect(ageAt(y, m, d, now)).toBeLessThanOrEqual(100);
      }),
    );
  });
});
