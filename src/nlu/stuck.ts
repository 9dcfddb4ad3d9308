/**
 * "다시 해봐도 안돼요", "계속 안되네요", "안돼요": a message that says something fails. It is never a greeting, a cancel or
 * a request to repeat, and one that tells a failure and names nothing is `None`, so the bot asks where it got stuck
 * (`None.stuck`) instead of guessing an FAQ (the classifier's `stuck` step, `dialog/turn.ts`).
 */
import { splitWords } from './features';
import type { NluResult } from './classifier';
import { NONE } from './labels';

/**
 * "다시 해봐도 안돼요": it was tried again and still fails. A request to repeat never says that something fails (its
 * "잘 안 보였어요" is about the answer), so such a message is never one, after an answer or not.
 * @example STILL_FAILS.test('다시 해봐도 안 되네요') // true
 */
export const STILL_FAILS = /안\s?(?:돼|되|됌|됨|됬|됐)|오류|에러|막혀|막혔|먹통/u;
/** A failure asked about or supposed, not told: `안 되나요?`, `안되면`, `안 되는지`, `안 되죠`. */
const FAILS_ASKED = /안\s?(?:되|돼)\s?(?:면|나|냐|는지|죠|지요|잖)/u;
/**
 * A word that names nothing: a failure, a bare 하다 form, an adverb of trying or of time, a pointer, a plea (`또 해봤는데
 * 안되네요`, `아무리 해도 안 돼요`, `이거 왜 안돼`). Closed on purpose: a word not here may name what fails (`문자`,
 * `들어가려는데`, a typo, words typed without spaces), so a message holding one keeps its reading.
 */
const VAGUE_WORD = new RegExp(
  '^(?:' +
    [
      '안(?:돼|되|됌|됨|됬|됐)[가-힣]*', '(?:오류|에러|먹통)[가-힣]*', '막(?:혀|혔|힌|힘)[가-힣]*', '(?:해|했)[가-힣]*',
      '하(?:는|려|면|고|니|다|던|지|세|셔|나)[가-힣]*', '할(?:래|게|까|때|수)[가-힣]*', '다시[가-힣]*', '또', '계속[가-힣]*',
      '자꾸[가-힣]*', '아무리', '몇(?:번|번째|번이나|번을|번씩)?', '번(?:을|이나|씩|째)?', '여러(?:번[가-힣]*)?', '수십(?:번[가-힣]*)?', '진짜[가-힣]*',
      '정말[가-힣]*', '너무', '왜[가-힣]*', '어떡[가-힣]*', '어떻게[가-힣]*', '어케[가-힣]*', '(?:이|그|저)(?:거|게|건|걸)[가-힣]*',
      '지금[가-힣]*', '아까[가-힣]*', '방금[가-힣]*', '이제[가-힣]*', '아직[가-힣]*', '여전히', '그래도', '근데', '그런데', '혹시',
      '그냥', '도대체', '대체', '좀', '제발', '도와[가-힣]*', '벌써', '하루(?:종일)?', '종일', '며칠[가-힣]*', '몇일[가-힣]*', '하나도',
      '전혀', '안', '돼[가-힣]*', '되[가-힣]*', '됐[가-힣]*', '네', '요',
    ].join('|') +
    ')$',
  'u',
);
/** Every word of the message names nothing (`VAGUE_WORD`; marks, jamo such as ㅠㅠ and emoji are not words here). */
export const namesNothing = (text: string): boolean =>
  splitWords(text)
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !/^[\u3131-\u318E]+$/u.test(w))
    .every((w) => VAGUE_WORD.test(w));

/**
 * Says that something fails, not asks whether it may (`교육 안 들으면 안되나요?` asks).
 * @example tellsFailure('계속 안되네요') // true
 */
export const tellsFailure = (text: string): boolean => STILL_FAILS.test(text) && !FAILS_ASKED.test(text);

/**
 * A message that says something fails, read as a greeting, cancel or repeat, or naming nothing: `None`, that reading the
 * runner-up, and nothing else to decide on (no topic, fact or one-word offer: the bot asks where it got stuck).
 */
export function stillFails(result: NluResult): NluResult {
  const { support: _s, topic: _t, unknownHead: _u, fact: _f, spread: _sp, short: _sh, ...rest } = result;
  const alternatives = result.intent === NONE ? result.alternatives : [{ intent: result.intent, score: result.score }, ...result.alternatives].slice(0, 3);
  return { ...rest, intent: NONE, alternatives };
}
