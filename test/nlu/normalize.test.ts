/** Normalizer: NFC, cleanup, the synonym map as data, `까` kept, fuzzy key terms, and never a throw. */
import fc from 'fast-check';
import { loadSynonyms } from '../../src/content/load';
import { textFeatures } from '../../src/nlu/features';
import { clean, createNormalizer, MAX_CLASSIFY_CHARS, spelledToDigits } from '../../src/nlu/normalize';
import { ROOT } from '../helpers/app';

const normalize = createNormalizer(loadSynonyms(ROOT));

describe('clean', () => {
  it('makes an NFD (decomposed) input equal to its NFC form', () => {
    const nfd = '비밀번호 잊어버렸어요'.normalize('NFD');
    expect(nfd).not.toBe('비밀번호 잊어버렸어요');
    expect(clean(nfd)).toBe('비밀번호 잊어버렸어요');
    expect(normalize(nfd)).toBe(normalize('비밀번호 잊어버렸어요'));
  });

  it('drops emoji, control characters and punctuation, and collapses spaces', () => {
    expect(clean('  비번\u200b 까먹음?! 😭\u0007 ')).toBe('비번 까먹음');
    expect(clean('😀🙏👍')).toBe('');
  });

  it(`truncates to ${MAX_CLASSIFY_CHARS} characters`, () => {
    expect(clean('가'.repeat(5000))).toHaveLength(MAX_CLASSIFY_CHARS);
  });

  it('never throws and stays within the length limit on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const out = normalize(s);
        expect(out.length).toBeLessThanOrEqual(MAX_CLASSIFY_CHARS);
        expect(out.isWellFormed()).toBe(true);
      }),
    );
  });
});

describe('the 까 fix', () => {
  it('keeps 까 in text (lang-ko alone would turn 까먹었어요 into 먹었어요)', () => {
    expect(createNormalizer({})('까먹었어요')).toBe('까먹었어요');
    expect(normalize('교육 언제까지 들어야 돼요')).toContain('언제까지');
  });

  it('keeps 까 in the features NLP.js trains on', () => {
    expect(textFeatures('까먹었어요')).toEqual(expect.arrayContaining(['g:까먹', 'g:까', 'w:까먹었어요']));
  });
});

describe('synonym map (intents/_synonyms.yml)', () => {
  it.each([
    ['비번 까먹음', '비밀번호 잊어버림'],
    ['리프레쉬 교육', '리프레시 교육'],
    ['로긴이 안되요', '로그인이 안돼요'],
    ['핸폰 바꿨어요', '휴대폰 바꿨어요'],
    ['어케 해요', '어떻게 해요'],
    ['회언가입 해야되나요', '회원가입 해야되나요'],
    ['password 까먹었어요', '비밀번호 잊어버렸어요'],
    ['ㄳㄳ', '감사합니다'],
  ])('rewrites %s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('works without spaces: 비번까먹음', () => {
    expect(normalize('비번까먹음')).toBe('비밀번호잊어버림');
  });

  it('matches Latin and jamo variants only as whole words', () => {
    const n = createNormalizer({ 비밀번호: ['pw'], 감사합니다: ['ㄳ'] });
    expect(n('pw 분실')).toBe('비밀번호 분실');
    expect(n('pwa 앱')).toBe('pwa 앱');
    expect(n('ㄳㅋ')).toBe('ㄳㅋ');
  });
});

describe('fuzzy key terms (one jamo off)', () => {
  it.each([
    ['비밀벋호 잊어버림', '비밀번호 잊어버림'],
    ['파트너플레이쓰 가입', '파트너플레이스 가입'],
    ['교육 미수로 됐어요', '교육 미수료 됐어요'],
  ])('repairs %s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('leaves correct words and two-syllable words alone', () => {
    expect(normalize('비밀번호 재설정')).toBe('비밀번호 재설정');
    expect(normalize('교유')).toBe('교유');
  });

  it('can be switched off', () => {
    expect(createNormalizer(loadSynonyms(ROOT), { fuzzy: false })('비밀벋호')).toBe('비밀벋호');
  });
});

describe('spelled-out numbers', () => {
  it('become the digits a typed number stays as, so both forms normalize alike', () => {
    expect(spelledToDigits('번호는 공일공 천이백삼십사 오천육백칠십팔')).toBe('번호는 010 1234 5678');
    expect(normalize('비번 재설정해 주세요 번호는 공일공 천이백삼십사 오천육백칠십팔')).toBe(
      normalize('비번 재설정해 주세요 번호는 010 1234 5678'),
    );
    expect(normalize('공일공 일이삼사 오육칠팔이에요')).toBe(normalize('010 1234 5678이에요'));
    expect(normalize('칠십사년생이요 이십')).toContain('20');
  });

  it('leave common words that hold numerals unchanged', () => {
    for (const text of ['이번 교육 언제예요', '사이다 마시고 싶어요', '일정 바꾸고 싶어요', '삼월에 교육 있나요', '이사 했어요', '일이 생겨서 못 가요', '이 앱 어떻게 써요', '오늘 일 끝나고 들을게요', '매일 해야 하나요', '십일조']) {
      expect(spelledToDigits(clean(text))).toBe(clean(text));
      expect(normalize(text)).not.toMatch(/[0-9]/);
    }
  });
});
