/** Hangul helpers and the features built on them. */
import { textFeatures, splitWords } from '../../src/nlu/features';
import { editDistance, isSyllable, toJamo } from '../../src/nlu/hangul';
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
});
