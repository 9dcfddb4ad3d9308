/** Hangul helpers and the features built on them. */
import { textFeatures, splitWords } from '../../src/nlu/features';
import { editDistance, isSyllable, toJamo } from '../../src/nlu/hangul';
import fc from 'fast-check';
import { createTypoFixer } from '../../src/nlu/typos';

describe('toJamo / editDistance', () => {
  it('decomposes syllables into compatibility jamo and passes other characters through', () => {
    expect(toJamo('비번')).toBe('ㅂㅣㅂㅓㄴ');
    expect(toJamo('앎 a1')).toBe('ㅇㅏㄻ a1');
    expect(isSyllable('가')).toBe(true);
    expect(isSyllable('ㄱ')).toBe(false);
  });

  it('counts one jamo typo as distance 1 and stops early past the budget', () => {
    expect(editDistance(toJamo('비밀번호'), toJamo('비빌번호'))).toBe(1);
    expect(editDistance(toJamo('로그인'), toJamo('회원가입'), 2)).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('textFeatures', () => {
  it('gives the same syllable n-grams with or without spaces', () => {
    const grams = (t: string) => textFeatures(t).filter((f) => f.startsWith('g:')).sort();
    expect(grams('비밀번호잊어버림')).toEqual(grams('비밀번호 잊어 버림'));
  });

  it('splits words at script changes and keeps Latin, digits and jamo as words', () => {
    expect(splitWords('KT로 login 1990 ㅠㅠ')).toEqual(['KT', '로', 'login', '1990', 'ㅠㅠ']);
    expect(textFeatures('홈')).toEqual(['w:홈', 'g:홈']);
  });
});

describe('createTypoFixer', () => {
  const fix = createTypoFixer(['비밀번호', '로그인', '교육']);

  it('repairs a key term inside a longer word', () => {
    expect(fix('비빌번호잊어버림')).toBe('비밀번호잊어버림');
  });

  it('ignores keys shorter than 3 syllables and words it cannot match', () => {
    expect(fix('교윢')).toBe('교윢');
    expect(fix('택시 콜')).toBe('택시 콜');
  });

  it('fixes a word as a fresh fixer does, whatever words it fixed before (its memo of words)', () => {
    const keys = ['비밀번호', '로그인', '교육', '리프레시'];
    const warm = createTypoFixer(keys, { known: new Set(['교육']) });
    const syllable = fc.constantFrom('비', '빌', '밀', '번', '벋', '호', '로', '그', '긍', '인', '교', '윢', '리', '프', '레', '시', '싀', '택', '콜', 'a', '1');
    const word = fc.array(syllable, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (texts) => {
        for (const words of texts) {
          const text = words.join(' ');
          expect(warm(text)).toBe(createTypoFixer(keys, { known: new Set(['교육']) })(text));
        }
      }),
      { numRuns: 200 },
    );
    expect(warm('비빌번호 로긍인')).toBe('비밀번호 로그인');
    expect(warm('비빌번호 로긍인')).toBe('비밀번호 로그인'); // the second time from the memo
  });
});
