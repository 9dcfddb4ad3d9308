/** Facts asked on their own: the rules of intents/_facts.yml as matched, and when a fact wins over NLP.js's decision. */
import fc from 'fast-check';
import { loadContent } from '../../src/content';
import type { NluResult } from '../../src/nlu/classifier';
import { decide, FACT_SCORE } from '../../src/nlu/decide';
import { FactIndex } from '../../src/nlu/facts';
import { normalizerFor } from '../../src/nlu/model';
import { clean } from '../../src/nlu/normalize';
import { ROOT } from '../helpers/app';

const content = loadContent(ROOT);
const normalize = normalizerFor(content);
const facts = new FactIndex(content.facts, normalize);
const factOf = (text: string) => facts.find(normalize(text))?.id;

describe('the rules of intents/_facts.yml', () => {
  it.each([
    ['사이트 주소 알려주세요', 'fact.site_address'],
    ['교육 싸이트 주소좀', 'fact.site_address'],
    ['파트너 플레이스 주소가 뭐에요', 'fact.site_address'],
    ['교육 사이트가 어디예요', 'fact.site_address'],
    ['홈피 링크 보내주세요', 'fact.site_address'],
    ['비밀번호 몇 자리예요', 'fact.password_rule'],
    ['비번 몇자리로 해야돼요', 'fact.password_rule'],
    ['패스워드 특수문자 꼭 넣어야 돼요?', 'fact.password_rule'],
    ['특수기호 없이 숫자랑 영어만 하면 안되나요', 'fact.password_rule'],
    ['비밀번호 뭘로 할지 모르겠는데 예시 있나요', 'fact.password_rule'],
    ['비밀번호 변경하라고 계속 떠요', 'fact.password_period'],
    ['비번 얼마마다 바꿔야 해요', 'fact.password_period'],
    ['다음에 변경하기 누르면 어떻게 돼요', 'fact.password_period'],
    ['인증번호 몇자리에요', 'fact.verification_code'],
    ['인증 번호 어디에 입력해요', 'fact.verification_code'],
    ['아이디가 전화번호예요?', 'fact.login_id'],
    ['로그인 아이디 핸드폰 번호 맞나요', 'fact.login_id'],
    ['교육 안내 문자가 안 왔어요', 'fact.training_sms'],
    ['교육 문자 지워버렸어요', 'fact.training_sms'],
  ])('%s → %s', (text, id) => {
    expect(factOf(text)).toBe(id);
  });

  it.each([
    '사이트 주소 쳤는데 안 열려요', // a complaint about the site
    '집 주소가 바뀌었어요', // not the site
    '사이트 접속이 안 돼요',
    '사이트 주소 눌렀는데 연결할 수 없다고 나와요',
    '비밀번호 바꾸라고 카톡이 왔는데 이거 피싱아닌가요', // a message asking for a change may be phishing, not the 6-month notice
    '처음 로그인할 때 비밀번호 어떻게 만들어요', // the first login's steps (they state the rule too)
    '비번 까먹었는데 사이트 어디 메뉴에서 다시 만들어요', // where the reset is, not the address
    '비밀번호를 잊어버렸어요', // the whole FAQ
    '비밀번호 설정하는 방법 알려주세요', // the steps, not the rule
    '비밀번호 특수문자 넣었는데 기억이 안나요', // lost
    '인증번호가 안 와요', // a complaint
    '아이디 비밀번호 둘 다 모르겠어요',
    '아이디를 다른걸로 바꾸고 싶어요 전화번호 말고',
    '교육 일정 바꾸고 싶어요',
    '인증번호 문자가 아예 안 와요', // the code's SMS: a site problem
    '교육 문자는 못 받았어요 그래서 그냥 제가 직접 가입하려는데 어떻게 해요', // signing up: the whole FAQ
    '수료했는데 수료 됐다는 문자가 안와요',
  ])('%s → no fact', (text) => {
    expect(factOf(text)).toBeUndefined();
  });

  it('reads phrases through the question\'s normalizer (비번 → 비밀번호) and as written, spaces ignored', () => {
    const index = new FactIndex({ 'fact.x': { faqs: ['faq.signup'], all: [['비밀번호'], ['몇 자리']] } }, normalize);
    expect(index.find(normalize('비번몇자리'))?.id).toBe('fact.x');
    expect(index.find(normalize('비 밀 번 호 몇 자 리'))?.id).toBe('fact.x');
    expect(index.find(normalize('비밀번호 자리'))).toBeUndefined();
  });

  it('gives the first rule that matches, in file order, with the FAQs it names', () => {
    const index = new FactIndex(
      {
        'fact.a': { faqs: ['faq.signup'], all: [['사이트']] },
        'fact.b': { faqs: ['faq.first_login', 'faq.signup'], all: [['사이트'], ['주소']], unless: ['안 열'] },
      },
      clean,
    );
    expect(index.find('사이트 주소')).toEqual({ id: 'fact.a', faqs: ['faq.signup'] });
    const b = new FactIndex({ 'fact.b': { faqs: ['faq.first_login', 'faq.signup'], all: [['사이트'], ['주소']], unless: ['안 열'] } }, clean);
    expect(b.find('사이트 주소')).toEqual({ id: 'fact.b', faqs: ['faq.first_login', 'faq.signup'] });
    expect(b.find('사이트 주소가 안열려요')).toBeUndefined();
    expect(new FactIndex({}, clean).find('사이트 주소')).toBeUndefined();
  });

  it('spaces never decide: the same question with spaces added or taken out finds the same fact', () => {
    const questions = ['사이트 주소 알려주세요', '비밀번호 몇 자리예요', '인증번호 몇자리에요', '아이디가 전화번호예요?', '사이트 주소 쳤는데 안 열려요', '교육 일정 바꾸고 싶어요'];
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (q, spaces) => {
        const squeezed = q.replace(/\s+/g, '');
        const respaced = [...squeezed].map((ch, i) => (spaces[i] ? `${ch} ` : ch)).join('');
        expect(facts.find(normalize(respaced))?.id).toBe(facts.find(normalize(q))?.id);
        expect(facts.find(squeezed)?.id).toBe(facts.find(q)?.id);
      }),
    );
  });
});

describe('decide with a fact', () => {
  const fact = { id: 'fact.site_address', faqs: ['faq.signup', 'faq.first_login'] };
  const nlu = (over: Partial<NluResult>): NluResult => ({ intent: 'None', score: 0.9, alternatives: [], normalized: '사이트 주소', fact, ...over });

  it('answers the fact over an out-of-scope topic, a fallback and a clarification', () => {
    expect(decide(nlu({ intent: 'oos.account', score: 0.94 }))).toEqual({ kind: 'answer', intent: 'faq.signup', score: FACT_SCORE, fact: 'fact.site_address', overruled: true });
    expect(decide(nlu({ intent: 'None', score: 0.51 }))).toMatchObject({ kind: 'answer', fact: 'fact.site_address' });
    const close = nlu({ intent: 'faq.first_login', score: 0.45, alternatives: [{ intent: 'faq.forgot_credentials', score: 0.4 }] });
    expect(decide({ ...close, fact: undefined }).kind).toBe('clarify');
    expect(decide(close)).toEqual({ kind: 'answer', intent: 'faq.first_login', score: FACT_SCORE, fact: 'fact.site_address', overruled: true });
  });

  it('reports the fact\'s FAQ that the decision answered or offered, else the fact\'s first (not a runner-up)', () => {
    expect(decide(nlu({ intent: 'faq.first_login', score: 0.95 }))).toMatchObject({ intent: 'faq.first_login', fact: 'fact.site_address' });
    expect(decide(nlu({ intent: 'None', score: 0.6, alternatives: [{ intent: 'faq.first_login', score: 0.2 }] }))).toMatchObject({ intent: 'faq.signup' });
    expect(decide(nlu({ intent: 'oos.account', score: 0.94, alternatives: [{ intent: 'faq.first_login', score: 0.03 }] }))).toMatchObject({ intent: 'faq.signup' });
  });

  it('says when the rule overruled NLP.js (its text is kept for the inbox), and not when NLP.js answered one of the fact\'s FAQs', () => {
    expect(decide(nlu({ intent: 'faq.signup', score: 0.97 }))).toEqual({ kind: 'answer', intent: 'faq.signup', score: FACT_SCORE, fact: 'fact.site_address' });
    expect(decide(nlu({ intent: 'None', score: 0.9 }))).toMatchObject({ fact: 'fact.site_address', overruled: true });
    expect(decide(nlu({ intent: 'faq.schedule_change', score: 0.5 }))).toMatchObject({ intent: 'faq.signup', fact: 'fact.site_address', overruled: true });
  });

  it('yields to an out-of-scope training utterance that is the question itself (staff marked it out of scope)', () => {
    const marked = (similarity: number, intent = 'None') => nlu({ intent: 'None', score: 0.97, neighbours: [{ intent, similarity }] });
    expect(decide(marked(1)).kind).toBe('none');
    expect(decide(marked(1, 'oos.site_error')).kind).toBe('none');
    expect(decide(marked(0.89))).toMatchObject({ fact: 'fact.site_address' });
    expect(decide(marked(1, 'faq.first_login'))).toMatchObject({ fact: 'fact.site_address' });
    // NLP.js answered one of the fact's FAQs: the fact stands whatever the neighbours
    expect(decide(nlu({ intent: 'faq.signup', score: 0.97, neighbours: [{ intent: 'None', similarity: 1 }] }))).toMatchObject({ fact: 'fact.site_address' });
  });

  it('a confident answer of an intent that does not hold the fact wins (a person, another FAQ)', () => {
    expect(decide(nlu({ intent: 'handoff', score: 1 }))).toEqual({ kind: 'answer', intent: 'handoff', score: 1 });
    expect(decide(nlu({ intent: 'faq.schedule_change', score: 0.97 }))).toEqual({ kind: 'answer', intent: 'faq.schedule_change', score: 0.97 });
  });
});
