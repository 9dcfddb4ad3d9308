/** Clause segmentation: contrast markers, sentence ends, clause endings; linear time on long unpunctuated text. */
import fc from 'fast-check';
import { afterDoneStatement, antecedent, enumerated, focusCandidates, isDoneStatement, splitClauses } from '../../src/nlu/clauses';

describe('splitClauses', () => {
  it.each([
    ['가입 말고 로그인은 어떻게 해요', ['가입 말고', '로그인은 어떻게 해요'], 'contrast'],
    ['까먹은 게 아니라 아직 한 번도 안 만들어 봤어요', ['까먹은 게 아니라', '아직 한 번도 안 만들어 봤어요'], 'contrast'],
    ['비밀번호 얘기가 아니고 아이디를 모르겠어요', ['비밀번호 얘기가 아니고', '아이디를 모르겠어요'], 'contrast'],
    ['ARS 말고 사람', ['ARS 말고', '사람'], 'contrast'],
    ['가입말고로그인은어떻게해요', ['가입말고', '로그인은어떻게해요'], 'contrast'],
    ['까먹은게아니라아직안만들었어요', ['까먹은게아니라', '아직안만들었어요'], 'contrast'],
    ['일정 변경은 했는데 로그인이 안 돼요', ['일정 변경은 했는데', '로그인이 안 돼요'], 'sequence'],
    ['시간만 버리네요 그냥 상담원 연결해 주세요', ['시간만 버리네요', '그냥 상담원 연결해 주세요'], 'sequence'],
    ['허리가 아파서 힘드네 그나저나 필수 교육이 뭐예요', ['허리가 아파서 힘드네 그나저나', '필수 교육이 뭐예요'], 'sequence'],
    // set-aside markers (SET_ASIDE_MARKERS): what comes before is settled or postponed, what follows is asked
    ['비번은 괜찮은데 아이디가 기억 안 나요', ['비번은 괜찮은데', '아이디가 기억 안 나요'], 'contrast'],
    ['가입 방법은 알겠고 운행은 언제부터예요', ['가입 방법은 알겠고', '운행은 언제부터예요'], 'contrast'],
    ['일정은 나중에 보고요 로그인부터 알려주세요', ['일정은 나중에 보고요', '로그인부터 알려주세요'], 'contrast'],
    ['기한은 모르겠고 필수 교육이 뭐예요', ['기한은 모르겠고', '필수 교육이 뭐예요'], 'contrast'],
    ['입문이 뭔지는 알겠는데 리프레시는요', ['입문이 뭔지는 알겠는데', '리프레시는요'], 'contrast'],
    ['날짜가 안 괜찮은데 바꿀 수 있나요', ['날짜가 안 괜찮은데', '바꿀 수 있나요'], 'sequence'],
    ['뭘 들어야 할지 모르겠는데 알려주세요', ['뭘 들어야 할지 모르겠는데', '알려주세요'], 'sequence'],
  ])('%s', (text, clauses, join) => {
    const split = splitClauses(text);
    expect(split.map((c) => c.text)).toEqual(clauses);
    expect(split[1].after).toBe(join);
  });

  it('keeps a one-clause message whole and offers no focus for it', () => {
    expect(splitClauses('비밀번호를 잊어버렸어요').map((c) => c.text)).toEqual(['비밀번호를 잊어버렸어요']);
    expect(focusCandidates('비밀번호를 잊어버렸어요')).toEqual([]);
  });

  it('does not end a sentence before a giving verb that finishes the verb before it ("바까 주이소" = 바꿔 주세요)', () => {
    expect(splitClauses('교육 날짜 좀 바까 주이소').map((c) => c.text)).toEqual(['교육 날짜 좀 바까 주이소']);
    expect(splitClauses('문자 다시 보내까 주세요').map((c) => c.text)).toEqual(['문자 다시 보내까 주세요']);
    // a noun that starts like one still starts a sentence
    expect(splitClauses('일정은 언제까 주소는 어디예요').map((c) => c.text)).toEqual(['일정은 언제까', '주소는 어디예요']);
  });

  it('reads what a pointing question refers to: the negated clause without the thing set aside, an action with its verb', () => {
    expect(antecedent('리프레시 교육 일정 말고')).toBe('리프레시 교육');
    expect(antecedent('리프레시 교육 영상 얘기는 아니고')).toBe('리프레시 교육');
    expect(antecedent('리프레시 교육 날짜 바꾸려는 건 아니고요,')).toBe('리프레시 교육');
    // the comma stays with the asked clause (the normalizer drops it)
    expect(focusCandidates('리프레시 교육 날짜 바꾸려는 건 아니고요, 그게 무슨 교육인지부터 알고 싶어요')[0]).toBe('리프레시 교육 , 그게 무슨 교육인지부터 알고 싶어요');
  });

  it('puts the clause after the last contrast first', () => {
    expect(focusCandidates('리프레시 말고 입문교육을 기간 안에 못 끝냈어요')[0]).toBe('입문교육을 기간 안에 못 끝냈어요');
  });

  it('is linear: a 2,000-character message without punctuation or spaces splits fast, and so does one full of markers', () => {
    const plain = '교육일정변경하고싶어요'.repeat(200).slice(0, 2000);
    const markers = '말고는데 '.repeat(400);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i += 1) {
      splitClauses(plain);
      splitClauses(markers);
      focusCandidates(markers);
    }
    const perCall = Number(process.hrtime.bigint() - started) / 1e6 / 150;
    expect(perCall).toBeLessThan(20); // measured ~0.05 ms; generous for a loaded machine
  });

  it('never throws and returns only non-empty clauses, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const c of splitClauses(text)) expect(c.text.trim()).not.toBe('');
      }),
    );
  });
});

describe('done statements and listed questions', () => {
  it('reads "X은/는 (past or know)" without 못/안 as settled; a bare past tense is backstory', () => {
    for (const t of ['로그인은 했어요.', '비번은 아는데', '수료는 했는데', '가입은 됐고요']) expect(isDoneStatement(t)).toBe(true);
    for (const t of ['교육 기간 지났는데', '수료는 못 했고요,', '지난번에 로그인했었는데', '교육 들으라는 연락이 왔어요', '교육 받고 싶어요']) expect(isDoneStatement(t)).toBe(false);
  });

  it('finds where the question starts after the last done statement', () => {
    expect(afterDoneStatement(splitClauses('로그인은 했어요. 근데 뭘 들어야 하는지 모르겠어요'))).toBe(1);
    expect(afterDoneStatement(splitClauses('비밀번호를 잊어버렸어요'))).toBe(-1);
  });

  it('cuts listed questions at commas and after an indirect question, linearly', () => {
    expect(enumerated(splitClauses('수료하면 언제 운행하는지, 수료증은 어디서 받는지 알려주세요')).map((c) => c.text)).toEqual([
      '수료하면 언제 운행하는지',
      '수료증은 어디서 받는지',
      '알려주세요',
    ]);
    const long = '교육 일정 바꾸는지 '.repeat(200);
    const started = performance.now();
    enumerated(splitClauses(long));
    isDoneStatement(long);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
