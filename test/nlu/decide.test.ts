/** decide(): answer, clarify or fall back, from scores, margins and the nearest-utterance second opinion. */
import type { NluResult } from '../../src/nlu/classifier';
import { decide, finalIntent, type DecisionThresholds } from '../../src/nlu/decide';
import { toParseResult } from '../../src/nlu/parse';

const T: DecisionThresholds = { minScore: 0.5, confident: 0.8, minSimilarity: 0.2, clarifyMargin: 0.1, clarifyMinSecond: 0.3 };

function nlu(intent: string, score: number, rest: Array<[string, number]> = [], neighbours?: Array<[string, number]>): NluResult {
  return {
    intent,
    score,
    alternatives: rest.map(([i, s]) => ({ intent: i, score: s })),
    normalized: 'x',
    neighbours: neighbours?.map(([i, s]) => ({ intent: i, similarity: s })),
  };
}

describe('decide', () => {
  it('answers a confident intent', () => {
    expect(decide(nlu('faq.signup', 0.95), T)).toEqual({ kind: 'answer', intent: 'faq.signup', score: 0.95 });
  });

  it('falls back when the classifier says None or the score is under minScore', () => {
    expect(decide(nlu('None', 0.7), T)).toMatchObject({ kind: 'none', reason: 'classifier' });
    expect(decide(nlu('faq.signup', 0.49), T)).toMatchObject({ kind: 'none', reason: 'low-score', guess: 'faq.signup' });
  });

  it('asks the second opinion in the doubt band: no similar training utterance means out of scope', () => {
    expect(decide(nlu('faq.signup', 0.7, [], [['faq.signup', 0.1]]), T)).toMatchObject({ kind: 'none', reason: 'no-similar-utterance' });
    expect(decide(nlu('faq.signup', 0.7, [], [['None', 0.6], ['faq.signup', 0.5]]), T)).toMatchObject({ kind: 'none' });
    expect(decide(nlu('faq.signup', 0.7, [], [['faq.signup', 0.4]]), T)).toMatchObject({ kind: 'answer' });
    expect(decide(nlu('faq.signup', 0.9, [], [['None', 0.6]]), T)).toMatchObject({ kind: 'answer' });
  });

  it('in the doubt band, another FAQ\'s nearest utterance is no second opinion for the winner whose own are far', () => {
    // "안들으먼 어떻게 되는데요": sign-up 0.56, support 0.15; the nearest utterance 미수료's at 0.25
    const weak = { ...nlu('faq.signup', 0.7, [], [['faq.incomplete_training', 0.25], ['faq.signup', 0.15]]), support: 0.15 };
    expect(decide(weak, T)).toMatchObject({ kind: 'none', reason: 'no-similar-utterance' });
    expect(decide({ ...weak, support: 0.3 }, T)).toMatchObject({ kind: 'answer', intent: 'faq.signup' });
    expect(decide({ ...weak, score: 0.85 }, T)).toMatchObject({ kind: 'answer' }); // confident: NLP.js alone decides
    // not for a control intent (a greeting's support is its own guard's business)
    expect(decide({ ...weak, intent: 'greeting', support: 0.3 }, T)).toMatchObject({ kind: 'answer', intent: 'greeting' });
  });

  it('clarifies between two close FAQ intents, not with a control intent', () => {
    const close = nlu('faq.first_login', 0.5, [['faq.forgot_credentials', 0.45]], [['faq.first_login', 0.5]]);
    expect(decide(close, { ...T, minScore: 0.4, confident: 0.4 })).toEqual({ kind: 'clarify', intents: ['faq.first_login', 'faq.forgot_credentials'], score: 0.5, reason: 'close' });
    expect(decide(nlu('faq.signup', 0.85, [['greeting', 0.8]]), T).kind).toBe('answer');
    expect(decide(nlu('faq.signup', 0.85, [['faq.first_login', 0.2]]), T).kind).toBe('answer');
  });

  it('maps decisions to the intent /nlu/parse reports', () => {
    expect(finalIntent({ kind: 'none', guess: 'faq.signup', score: 0.3, reason: 'low-score' })).toBe('None');
    expect(finalIntent({ kind: 'clarify', intents: ['faq.first_login', 'faq.signup'], score: 0.5, reason: 'close' })).toBe('faq.first_login');
  });

  it('an out-of-scope topic is None with the topic; a confident FAQ next to a topic head noun asks "did you mean"', () => {
    expect(decide(nlu('oos.certificate', 0.9), T)).toMatchObject({ kind: 'none', reason: 'topic', topic: 'oos.certificate' });
    const near = { ...nlu('faq.refresh_training', 0.95), topic: 'oos.video' };
    const d = decide(near, T);
    expect(d).toEqual({ kind: 'clarify', intents: ['faq.refresh_training'], score: 0.95, reason: 'topic', topic: 'oos.video' });
    expect(finalIntent(d)).toBe('None');
    expect(toParseResult(near, d)).toMatchObject({ intent: 'None', topic: 'oos.video', clarify: ['faq.refresh_training'] });
  });

  it('a short message offers its FAQ candidates (score or nearest utterance), not a control intent', () => {
    const short = { ...nlu('None', 0.6, [['faq.refresh_training', 0.3], ['faq.incomplete_training', 0.1]], [['faq.incomplete_training', 0.5]]), short: true };
    expect(decide(short, T)).toMatchObject({ kind: 'clarify', reason: 'short', intents: ['faq.refresh_training', 'faq.incomplete_training'] });
    expect(decide({ ...nlu('handoff', 0.99), short: true }, T)).toMatchObject({ kind: 'answer', intent: 'handoff' });
    expect(decide({ ...nlu('None', 0.9, [], [['None', 0.9]]), short: true }, T)).toMatchObject({ kind: 'none' });
  });

  it('asks between two FAQs that split the score (two questions in one message), even under minScore', () => {
    expect(decide(nlu('faq.first_login', 0.45, [['faq.refresh_training', 0.42]]), T)).toMatchObject({ kind: 'clarify', reason: 'close', intents: ['faq.first_login', 'faq.refresh_training'] });
    expect(decide(nlu('faq.first_login', 0.45, [['None', 0.42]]), T)).toMatchObject({ kind: 'none' });
    expect(decide(nlu('faq.first_login', 0.45, [['faq.refresh_training', 0.2]]), T)).toMatchObject({ kind: 'none' });
  });

  it('does not offer two FAQs when the question\'s head noun is unknown ("교육 들을 때 데이터 많이 나가요? 와이파이 잡고 봐야 되나")', () => {
    const wifi = { ...nlu('faq.schedule_change', 0.52, [['faq.signup', 0.48]]), unknownHead: '와이파' };
    const d = decide(wifi, T);
    expect(d).not.toMatchObject({ reason: 'close' });
    expect(finalIntent(d)).toBe('None');
  });

  it('answers the asked part after a contrast under minScore when its nearest training utterance agrees', () => {
    const asked = { ...nlu('faq.schedule_change', 0.45, [['None', 0.4]], [['faq.schedule_change', 0.4]]), clause: '다른 날로 옮겨 달라는 거예요' };
    expect(decide(asked, T)).toMatchObject({ kind: 'answer', intent: 'faq.schedule_change' });
    expect(decide({ ...asked, clause: undefined }, T)).toMatchObject({ kind: 'none', reason: 'low-score' });
    expect(decide({ ...asked, neighbours: [{ intent: 'None', similarity: 0.5 }] }, T)).toMatchObject({ kind: 'none' });
  });

  it('keeps the raw top 3 in alternatives when the decision is None', () => {
    const raw = nlu('faq.signup', 0.45, [['faq.first_login', 0.3], ['None', 0.2], ['greeting', 0.05]]);
    const parsed = toParseResult(raw, decide(raw, T));
    expect(parsed.intent).toBe('None');
    expect(parsed.score).toBe(0.55);
    expect(parsed.alternatives).toEqual([
      { intent: 'faq.signup', score: 0.45 },
      { intent: 'faq.first_login', score: 0.3 },
      { intent: 'None', score: 0.2 },
    ]);
  });
});

describe('decide: one-word messages and unknown head nouns', () => {
  const oneWord = (r: NluResult, spread: Array<[string, number, number]>): NluResult => ({
    ...r,
    short: true,
    spread: spread.map(([intent, share, count]) => ({ intent, share, count })),
  });

  it('offers the FAQs a word is spread over, NLP.js order first, at most 3', () => {
    const r = oneWord(nlu('faq.first_login', 1, [], [['faq.first_login', 0.5], ['faq.forgot_credentials', 0.39]]), [['faq.first_login', 0.85, 97], ['faq.forgot_credentials', 0.11, 13], ['faq.signup', 0.04, 4]]);
    const d = decide(r, T);
    expect(d).toMatchObject({ kind: 'clarify', reason: 'short', intents: ['faq.first_login', 'faq.forgot_credentials'] });
    expect(finalIntent(d)).toBe('faq.first_login');
    const many = oneWord(nlu('oos.time_place', 0.3, [['faq.required_courses', 0.17], ['faq.schedule_change', 0.13]], [['faq.incomplete_training', 0.35]]), [['faq.signup', 0.2, 80]]);
    expect(decide(many, T)).toMatchObject({ kind: 'clarify', intents: ['faq.required_courses', 'faq.schedule_change', 'faq.incomplete_training'] });
  });

  it('asks about a word one FAQ owns when 10% or more of the FAQ and None utterances holding it are None\'s (기한)', () => {
    const deadline = oneWord(nlu('faq.incomplete_training', 1), [['faq.incomplete_training', 1, 52], ['None', 0.1333, 8]]);
    expect(decide(deadline, T)).toMatchObject({ kind: 'clarify', reason: 'short', intents: ['faq.incomplete_training'] });
    const owned = oneWord(nlu('faq.incomplete_training', 1), [['faq.incomplete_training', 1, 52], ['None', 0.05, 3]]);
    expect(decide(owned, T)).toMatchObject({ kind: 'answer', intent: 'faq.incomplete_training' });
  });

  it('answers a word that one FAQ owns, and leaves control intents and sure topics alone', () => {
    expect(decide(oneWord(nlu('faq.signup', 1), [['faq.signup', 1, 59]]), T)).toMatchObject({ kind: 'answer', intent: 'faq.signup' });
    expect(decide(oneWord(nlu('handoff', 1, [], [['faq.signup', 0.5]]), []), T)).toMatchObject({ kind: 'answer', intent: 'handoff' });
    expect(decide(oneWord(nlu('oos.certificate', 0.99), [['faq.start_driving', 1, 2]]), T)).toMatchObject({ kind: 'none', topic: 'oos.certificate' });
  });

  it('asks "did you mean" for an FAQ whose head noun is unknown, and /nlu/parse says None', () => {
    const d = decide({ ...nlu('faq.refresh_training', 1), unknownHead: '보험' }, T);
    expect(d).toEqual({ kind: 'clarify', intents: ['faq.refresh_training'], score: 1, reason: 'unknown', head: '보험' });
    expect(finalIntent(d)).toBe('None');
    expect(toParseResult({ ...nlu('faq.refresh_training', 1), unknownHead: '보험' }, d)).toMatchObject({ intent: 'None', clarify: ['faq.refresh_training'] });
  });
});

describe('decide: a sure FAQ that no training utterance of it resembles', () => {
  const supported = (support: number, nearest: string) => ({ ...nlu('faq.signup', 0.99, [], [[nearest, 0.3]]), support });

  it('asks "did you mean" below 0.1, and below 0.2 when an out-of-scope utterance is the nearest of all', () => {
    const d = decide(supported(0.08, 'faq.signup'), T);
    expect(d).toEqual({ kind: 'clarify', intents: ['faq.signup'], score: 0.99, reason: 'unlike' });
    expect(finalIntent(d)).toBe('None');
    expect(decide(supported(0.15, 'None'), T)).toMatchObject({ kind: 'clarify', reason: 'unlike' });
    expect(decide(supported(0.15, 'oos.account'), T)).toMatchObject({ kind: 'clarify', reason: 'unlike' });
  });

  it('answers with enough support, or without support data (short messages, other steps off)', () => {
    expect(decide(supported(0.15, 'faq.signup'), T)).toMatchObject({ kind: 'answer', intent: 'faq.signup' });
    expect(decide(supported(0.2, 'None'), T)).toMatchObject({ kind: 'answer', intent: 'faq.signup' });
    expect(decide(nlu('faq.signup', 0.99, [], [['None', 0.3]]), T)).toMatchObject({ kind: 'answer', intent: 'faq.signup' });
  });

  it('asks when an out-of-scope utterance is close (≥ 0.4) and the FAQ has under 0.6 of its similarity', () => {
    const near = (support: number, other: number) => ({ ...nlu('faq.forgot_credentials', 1, [], [['None', other], ['faq.forgot_credentials', support]]), support });
    // "택시운전 자격증 잃어버렸어요 재발급 어디서 해요": 0.60 like a None row, 0.26 like forgot_credentials' nearest
    expect(decide(near(0.26, 0.6), T)).toMatchObject({ kind: 'clarify', intents: ['faq.forgot_credentials'], reason: 'unlike' });
    expect(decide(near(0.37, 0.6), T)).toMatchObject({ kind: 'answer' });
    expect(decide(near(0.22, 0.39), T)).toMatchObject({ kind: 'answer' });
  });

  it('reads a short message\'s support from its neighbours ("밥은 먹었어요": None 0.48, the FAQ 0.13)', () => {
    const short = (own: number) => ({ ...nlu('faq.forgot_credentials', 0.95, [], [['None', 0.48], ['faq.forgot_credentials', own]]), short: true });
    expect(decide(short(0.13), T)).toMatchObject({ kind: 'clarify', reason: 'unlike' });
    expect(decide(short(0.4), T)).toMatchObject({ kind: 'answer', intent: 'faq.forgot_credentials' });
  });
});

describe('decide: a greeting or cancel that none of its training utterances resembles', () => {
  const control = (intent: string, support: number, nearest: string) => ({ ...nlu(intent, 0.95, [], [[nearest, 0.4]]), support });

  it('is out of scope below 0.2 support when the nearest utterance of all is out of scope', () => {
    expect(decide(control('cancel', 0.08, 'None'), T)).toEqual({ kind: 'none', guess: 'cancel', score: 0.95, reason: 'unlike' });
    expect(decide(control('greeting', 0.19, 'oos.fees'), T)).toMatchObject({ kind: 'none', reason: 'unlike' });
  });

  it('is out of scope when an out-of-scope utterance is more than twice as similar ("네": None\'s "네네" 0.82, greeting 0.24)', () => {
    const yes = { ...nlu('greeting', 0.95, [], [['None', 0.82], ['greeting', 0.24]]), support: 0.24 };
    expect(decide(yes, T)).toMatchObject({ kind: 'none', reason: 'unlike' });
    expect(decide({ ...yes, support: 0.41 }, T)).toMatchObject({ kind: 'answer', intent: 'greeting' });
  });

  it('is out of scope with almost no support when an FAQ\'s utterance is near ("그게 언제쯤이에요?": cancel 1.00, support 0.04, 운행 시작 시기 0.42)', () => {
    const when = { ...nlu('cancel', 1, [], [['faq.start_driving', 0.42], ['faq.refresh_training', 0.19]]), support: 0.04 };
    expect(decide(when, T)).toEqual({ kind: 'none', guess: 'cancel', score: 1, reason: 'unlike' });
    expect(decide({ ...when, support: 0.12 }, T)).toMatchObject({ kind: 'answer', intent: 'cancel' });
  });

  it('stands with enough support, when the nearest utterance is not out of scope, for handoff, or without support data', () => {
    expect(decide(control('greeting', 0.2, 'None'), T)).toMatchObject({ kind: 'answer', intent: 'greeting' });
    expect(decide(control('cancel', 0, 'cancel'), T)).toMatchObject({ kind: 'answer', intent: 'cancel' });
    expect(decide({ ...nlu('cancel', 0.95, [], [['faq.signup', 0.3]]), support: 0.05 }, T)).toMatchObject({ kind: 'answer', intent: 'cancel' });
    expect(decide({ ...nlu('cancel', 0.95, [], [['faq.signup', 0.5]]), support: 0.1 }, T)).toMatchObject({ kind: 'answer', intent: 'cancel' });
    expect(decide(control('handoff', 0.01, 'None'), T)).toMatchObject({ kind: 'answer', intent: 'handoff' });
    expect(decide(nlu('greeting', 0.95, [], [['None', 0.4]]), T)).toMatchObject({ kind: 'answer', intent: 'greeting' });
  });
});

describe('decide: an out-of-scope topic that none of its training utterances resembles', () => {
  it('falls back without the topic below 0.2 support, unless a head noun named the topic', () => {
    const walk = { ...nlu('oos.time_place', 0.64, [['None', 0.36]], [['None', 0.14], ['oos.time_place', 0.13]]), support: 0.13 };
    expect(decide(walk, T)).toEqual({ kind: 'none', guess: 'oos.time_place', score: 0.64, reason: 'unlike' });
    expect(decide({ ...walk, support: 0.45 }, T)).toMatchObject({ kind: 'none', reason: 'topic', topic: 'oos.time_place' });
    expect(decide({ ...walk, topic: 'oos.time_place' }, T)).toMatchObject({ kind: 'none', reason: 'topic', topic: 'oos.time_place' });
  });
});
