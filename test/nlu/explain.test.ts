/** The explanation check (explain.ts): a noun the winning FAQ never uses and out-of-scope data claims stops its answer. */
import fc from 'fast-check';
import { IntentNouns } from '../../src/nlu/explain';
import { nounsOf } from '../../src/nlu/heads';

const texts = [
  { text: '회원가입 어떻게 해요', intent: 'faq.signup' },
  { text: '가입 방법 알려주세요', intent: 'faq.signup' },
  { text: '교육 일정 변경하고 싶어요', intent: 'faq.schedule_change' },
  { text: '쿠폰 어디서 받아요', intent: 'None' },
  { text: '쿠폰 쓰는 법 알려줘', intent: 'None' },
  { text: '정산 계좌 바꾸고 싶어요', intent: 'oos.account' },
  { text: '정산 일정 알려주세요', intent: 'faq.schedule_change' },
];

describe('IntentNouns', () => {
  const nouns = new IntentNouns(texts, ['카카오T']);

  it('reads nouns with their particles stripped, not predicates', () => {
    expect(nounsOf('가입 쿠폰은 어디서 받아요')).toEqual(['가입', '쿠폰']);
  });

  it('names a noun the FAQ never uses that out-of-scope data claims', () => {
    expect(nouns.unexplained('가입하면 쿠폰도 주나요', 'faq.signup')).toBe('쿠폰');
    expect(nouns.unexplained('가입 방법이 궁금해요', 'faq.signup')).toBeUndefined();
  });

  it('leaves a noun that answerable intents use as often as out-of-scope ones (ratio), and domain terms', () => {
    // 정산: once out of scope, once in schedule_change: below the 2× ratio
    expect(nouns.unexplained('가입할 때 정산도 해요', 'faq.signup')).toBeUndefined();
    expect(nouns.unexplained('카카오T 가입 방법', 'faq.signup')).toBeUndefined();
  });

  it('with `unseen`, also names a noun no answerable intent uses', () => {
    expect(nouns.unexplained('가입 포인트 있나요', 'faq.signup')).toBeUndefined();
    expect(nouns.unexplained('가입 포인트 있나요', 'faq.signup', { unseen: true })).toBe('포인트');
    // a word no answerable utterance holds, even when it ends like a predicate (광고), not a grammar word (좀요)
    expect(nouns.unexplained('회원가입 광고 좀요', 'faq.signup', { unseen: true })).toBe('광고');
    expect(nouns.unexplained('회원가입 방법 좀요', 'faq.signup', { unseen: true })).toBeUndefined();
  });

  it('knows nothing about intents it never saw, and never throws', () => {
    expect(nouns.unexplained('쿠폰', 'faq.unknown')).toBeUndefined();
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => {
      nouns.unexplained(t, 'faq.signup', { unseen: true });
    }));
  });
});
