/** The `stuck` step's word checks (src/nlu/stuck.ts): what tells a failure, and what names nothing. */
import fc from 'fast-check';
import { namesNothing, STILL_FAILS, tellsFailure } from '../../src/nlu/stuck';

const VAGUE = ['또', '다시', '계속', '자꾸', '아무리', '해도', '해봐도', '했는데', '해봤는데', '하는데', '왜', '이거', '진짜', '아직도', '그래도', '몇번을', '어떡해요', '도와주세요', '좀', 'ㅠㅠ', '?'];
const FAILS = ['안돼요', '안 돼요', '안되네요', '안 되네', '안됨', '안됐어요', '오류나요', '에러떠요', '막혀요'];
/** Subjects of the FAQ, and words the closed list does not know (a typo, a phrase typed without spaces). */
const NAMED = ['로그인', '비밀번호', '아이디', '가입이', '문자', '교육', '일정', '수료가', '운행', '사이트', '들어가려는데', '로긴', '입문교육기간지나서'];

describe('stuck: a message that says something fails', () => {
  it('words of trying, time and pleading around a failure name nothing, however they are ordered', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VAGUE), { maxLength: 5 }), fc.constantFrom(...FAILS), fc.nat(5), (words, fail, at) => {
        const all = [...words];
        all.splice(at % (all.length + 1), 0, fail);
        expect(namesNothing(all.join(' '))).toBe(true);
      }),
    );
  });

  it('one word that may name what fails keeps the reading (the list is closed on purpose)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VAGUE), { maxLength: 5 }), fc.constantFrom(...FAILS), fc.constantFrom(...NAMED), fc.nat(6), (words, fail, named, at) => {
        const all = [...words, fail];
        all.splice(at % (all.length + 1), 0, named);
        expect(namesNothing(all.join(' '))).toBe(false);
      }),
    );
  });

  it('a failure told is a failure; one asked about or supposed is not told', () => {
    for (const text of ['계속 안되네요', '다시 해봐도 안 돼요', '오류나요', '아직도 막혀요', '안됬어요']) expect([text, tellsFailure(text)]).toEqual([text, true]);
    for (const text of ['교육 안 들으면 안되나요', '수료 안되면 어떻게 돼요', '이거 안 되는지 알려주세요', '그건 안 되죠?']) {
      expect([text, STILL_FAILS.test(text), tellsFailure(text)]).toEqual([text, true, false]);
    }
    for (const text of ['잘 안 보였어요 한번 더요', '안 될까요', '다시 말해 주세요']) expect([text, STILL_FAILS.test(text)]).toEqual([text, false]);
  });
});
