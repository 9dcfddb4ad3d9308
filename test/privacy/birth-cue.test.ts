/** A birth date after its cue word is masked however it is written; a cue followed by words is left alone. */
import fc from 'fast-check';
import { birthCueSpans } from '../../src/privacy';
import { DATE_MASK, maskKept, maskText } from '../../src/log/mask';

describe('birth-date cue', () => {
  it.each([
    // each of these was kept in clear before the cue pass (the date readers need a whole date in a known shape)
    ['생일 일구구삼공삼이십이요', `생일 ${DATE_MASK}요`], // after a numeral a last 이 is the number's (이십이 = 22)
    ['생일이 이월 이십이일이에요', `생일이 ${DATE_MASK}에요`], // 이십이일이: the last 이 may be a numeral, so it goes
    ['제 생일은 일구구삼 삼월 이십이일', `제 생일은 ${DATE_MASK}`],
    ['생년월일 구삼에요', `생년월일 ${DATE_MASK}에요`],
    ['태어난 해가 칠십사년이요', `태어난 해가 ${DATE_MASK}요`], // the 이 may be a month or a day: it goes too
    ['생일은 3월 22일', `생일은 ${DATE_MASK}`],
    ['출생년도: 1974', `출생년도: ${DATE_MASK}`],
    ['생일은 1985-03-07 이에요', `생일은 ${DATE_MASK} 이에요`],
  ])('masks %s', (text, masked) => {
    expect(maskKept(text)).toBe(masked);
    expect(maskText(text)).toBe(masked);
  });

  it.each(['생년월일이 일치하지 않는다고 나와요', '생일 축하해요', '생년월일 입력하는 칸이 어디에요', '생일이 지나서 이제 교육 받아요', '생년월일 일곱자리 넣어요?', '생년월일 여섯 자리 맞죠'])(
    'leaves %s as it is (a word, not a number, follows the cue)',
    (text) => {
      expect(birthCueSpans(text)).toEqual([]);
      expect(maskKept(text)).toBe(text);
    },
  );

  it('property: after a cue, no two spelled or written numerals of the number that follows survive', () => {
    const numeral = fc.constantFrom(...'0123456789공영일이삼사오육칠팔구십백천');
    const unit = fc.constantFrom('', '', '년', '월', '일', ' ', '-');
    // a cue glued to its number would make a first 이 its particle ("생일이 0"), so each cue ends a word here
    const cue = fc.constantFrom('생일 ', '생일은 ', '생년월일 ', '생년월일: ', '생년 ', '태어난 날 ', '출생일은 ');
    fc.assert(
      fc.property(cue, fc.array(fc.tuple(numeral, unit), { minLength: 2, maxLength: 12 }), (c, parts) => {
        const number = parts.map(([n, u]) => n + u).join('').trim();
        const masked = maskText(`${c}${number}`); // maskKept would also read a short bare text as a name
        expect(masked.startsWith(c.trim())).toBe(true);
        expect(masked.slice(c.length)).not.toMatch(/[0-9공영일이삼사오육칠팔구십백천].*[0-9공영일이삼사오육칠팔구십백천]/u);
      }),
      { numRuns: 500 },
    );
  });

  it('property: text without a cue word is never touched by the cue pass', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/생년|생일|출생|태어난/.test(s));
        expect(birthCueSpans(s)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
