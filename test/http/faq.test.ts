/** Each FAQ answered end to end through POST /skill: the seed's question and plain paraphrases. */
import { makeTestApp, quickReplyLabels, textOf, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const CASES: Array<{ intent: string; facts: string[]; utterances: string[] }> = [
  {
    intent: 'faq.signup',
    facts: ['별도로 가입하실 필요가 없어요', '8~16자', '[회원가입]', '운수사에 등록한 휴대폰 번호'],
    utterances: ['필수 교육을 수강하려면, 사이트에 가입해야 하나요?', '교육 들으려면 회원가입 해야 돼요?', '사이트에 따로 가입해야 하나요', '블루 입문 교육 가입 필요한가요'],
  },
  {
    intent: 'faq.first_login',
    facts: ['직접', '파란색 [아이디 확인]', '인증번호 6자리', '[변경]'],
    utterances: ['처음 로그인 하는데 비밀번호 설정하는 방법을 모르겠어요.', '처음 로그인할 때 비밀번호 어떻게 만들어요', '최초 로그인 비밀번호 설정 방법 알려주세요', '문자로 받은 아이디로 처음 로그인하려는데 비번 설정을 모르겠어요'],
  },
  {
    intent: 'faq.forgot_credentials',
    facts: ['문자에서 확인', '다시 설정할 수 있어요'],
    utterances: ['아이디와 비밀번호를 모르겠어요.', '비밀번호를 잊어버렸어요', '비번 까먹었어요', '아이디를 분실했어요'],
  },
  {
    intent: 'faq.schedule_change',
    facts: ['1533-0301'],
    utterances: ['필수 교육 일정을 변경하고 싶어요.', '교육 날짜를 바꾸고 싶어요', '교육 일정 변경 가능한가요', '교육 받는 날을 다른 날로 옮기고 싶어요'],
  },
  {
    intent: 'faq.required_courses',
    facts: ['카카오 T 블루 입문 교육', '카카오 T 리프레시 교육'],
    utterances: ['필수로 수강해야 하는 교육은 어떤 것인가요?', '꼭 들어야 하는 교육이 뭐예요', '필수 교육 종류 알려주세요', '어떤 교육을 들어야 하나요'],
  },
  {
    intent: 'faq.refresh_training',
    facts: ['품질 개선 교육', '불이익'],
    utterances: ['리프레시 교육이란 무엇인가요?', '리프레시 교육이 뭐예요', '리프레쉬 교육은 뭐하는 거예요', '리프레시 교육 대상이라고 연락 왔는데 뭔가요'],
  },
  {
    intent: 'faq.start_driving',
    facts: ['순차적으로'],
    utterances: ['입문 교육 이후, 언제부터 운행을 시작할 수 있나요?', '교육 끝나면 언제부터 운행해요', '수료하고 나서 바로 운행 가능한가요', '입문 교육 받고 운행 시작은 언제 하나요'],
  },
  {
    intent: 'faq.incomplete_training',
    facts: ['운행을 시작할 수 없어요', '[소속 가맹점]', '[지역본부]'],
    utterances: ['입문 교육을 기간 내 수료하지 못했어요.', '교육 기간 안에 수료를 못 했어요', '입문 교육 기한이 지났어요', '교육을 다 못 들었는데 기간이 끝났어요'],
  },
];

describe.each(CASES)('$intent', ({ intent, facts, utterances }) => {
  it.each(utterances)('answers "%s" with the seed facts', async (utterance) => {
    const res = await t.say(utterance, { user: `faq-${intent}-${utterance.length}` });
    const text = textOf(res);
    for (const fact of facts) expect(text).toContain(fact);
    expect(quickReplyLabels(res)).toEqual(expect.arrayContaining(['처음으로', '상담원 연결']));
  });

  it('is reached by its tap without the classifier', async () => {
    const res = await t.say('아무 말', { extra: { intent } });
    for (const fact of facts) expect(textOf(res)).toContain(fact);
  });
});

describe('facts that must survive rewording', () => {
  it('A1 links to partner place with a webLink button', async () => {
    const res = await t.say('', { extra: { intent: 'faq.signup' } });
    const buttons = res.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
    expect(buttons).toContainEqual(expect.objectContaining({ action: 'webLink', webLinkUrl: 'https://partner.kakaomobility.com' }));
  });

  it('A4 has a phone button to 1533-0301', async () => {
    const res = await t.say('', { extra: { intent: 'faq.schedule_change' } });
    const buttons = res.template.outputs.flatMap((o) => ('textCard' in o ? (o.textCard.buttons ?? []) : []));
    expect(buttons).toContainEqual(expect.objectContaining({ action: 'phone', phoneNumber: '1533-0301' }));
  });
});
