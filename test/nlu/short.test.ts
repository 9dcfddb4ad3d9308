/** A one- or two-word message (`로그인`, `로그인 안돼요`) does not decide alone; the spacing of a negation and a subject particle do not make it longer. */
import { isShort } from '../../src/nlu/classifier';

describe('isShort', () => {
  it.each(['로그인', '기한', '운행 언제', '로그인 안돼요', '로그인 안 돼요', '로그인이 안 돼요', '로그인이 안 되요', '로그인이 안돼요', '비번이 안 됨'])('%s is short', (text) => {
    expect(isShort(text)).toBe(true);
  });

  it.each(['로그인이 안 돼서 교육을 못 들어요', '처음 로그인이 안 돼요', '교육 사이트 로그인 안 돼요', '리프레시 교육이 뭐예요', '이가 안 돼요 너무 길어요'])('%s is not', (text) => {
    expect(isShort(text)).toBe(false);
  });
});
