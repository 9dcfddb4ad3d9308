/**
 * The free-text PII of issue #12's red-team pass: each line leaked through the masker into the turn log or the
 * fallback report, and the audit of the day found none of them. Shared by the masker's, the audit's and the fuzz
 * tests, so every layer is checked against the same inputs.
 */
export interface Leak {
  text: string;
  kind: 'phone' | 'birthdate' | 'name';
  /** What must not survive masking (the digits of a phone or date, or the name). */
  secret: string;
}

export const ISSUE_LEAKS: readonly Leak[] = [
  { text: '010ㅡ4823ㅡ7323', kind: 'phone', secret: '4823' },
  { text: '제 번호는 010ㅡ4823ㅡ7323 이에요', kind: 'phone', secret: '4823' },
  { text: '010/4823/7323', kind: 'phone', secret: '4823' },
  { text: '010_4823_7323', kind: 'phone', secret: '4823' },
  { text: '010·4823·7323', kind: 'phone', secret: '4823' },
  { text: '010~4823~7323', kind: 'phone', secret: '4823' },
  { text: '010,4823,7323', kind: 'phone', secret: '4823' },
  { text: '010    4823    7323', kind: 'phone', secret: '4823' },
  { text: '번호 010 ㅡ 4823 ㅡ 7323 입니다', kind: 'phone', secret: '4823' },
  { text: '공일공 사팔이삼 칠삼이삼', kind: 'phone', secret: '사팔이삼' },
  { text: '제 번호 공일공 사팔이삼 칠삼이삼이요', kind: 'phone', secret: '칠삼이삼' },
  { text: '13/11/1974', kind: 'birthdate', secret: '1974' },
  { text: '생일은 13/11/1974 이에요', kind: 'birthdate', secret: '1974' },
  { text: '1974년생 11월 15일', kind: 'birthdate', secret: '1974' },
  { text: '11월 16일 1974년', kind: 'birthdate', secret: '1974' },
  { text: '1974·11·22', kind: 'birthdate', secret: '1974' },
  { text: '74년생이에요', kind: 'birthdate', secret: '74년생' },
  { text: '11/22/1974', kind: 'birthdate', secret: '1974' },
  { text: '１９７４年１１月２２日', kind: 'birthdate', secret: '１９７４' },
  { text: '제 이름은 탄시율입니다', kind: 'name', secret: '탄시율' },
  { text: '저 승하진인데요', kind: 'name', secret: '승하진' },
  { text: '변하율인데 비밀번호를 까먹었어요', kind: 'name', secret: '변하율' },
  { text: '성함은 모다온이에요', kind: 'name', secret: '모다온' },
  { text: '저는 탄시율이고 비번 재설정하려고요', kind: 'name', secret: '탄시율' },
];

/**
 * Numbers spelled out in Hangul, as partners read them aloud: dates with Sino-Korean numbers (place words or digit by
 * digit) and phone numbers read in groups. Each reached a log line or DB row in clear before `src/privacy` read them.
 */
export const SPELLED_LEAKS: readonly Leak[] = [
  { text: '천구백칠십사년 삼월 오일생', kind: 'birthdate', secret: '천구백칠십사' },
  { text: '생일은 천구백칠십사년 삼월 오일이에요', kind: 'birthdate', secret: '천구백칠십사' },
  { text: '칠십사년생이에요', kind: 'birthdate', secret: '칠십사' },
  { text: '저 칠사년생인데요', kind: 'birthdate', secret: '칠사년' },
  { text: '일구칠사년생', kind: 'birthdate', secret: '일구칠사' },
  { text: '일구칠사년 십일월 이십이일', kind: 'birthdate', secret: '일구칠사' },
  { text: '제 생일은 팔십오년 십이월 이십오일', kind: 'birthdate', secret: '팔십오' },
  { text: '이천일년 일월 삼십일일생', kind: 'birthdate', secret: '이천일' },
  { text: '1974년 삼월 오일', kind: 'birthdate', secret: '1974' },
  // a day spelled without 일 after a month, before the copula or the end; a date without markers spelled digit by digit
  { text: '천구백칠십사년 삼월 이십이요', kind: 'birthdate', secret: '이십이' },
  { text: '생일은 일구칠사년 삼월 이십이에요', kind: 'birthdate', secret: '이십이' },
  { text: '일구칠사 공삼 이십이', kind: 'birthdate', secret: '십이' },
  { text: '제 생일 일구칠사 공삼 이십이요', kind: 'birthdate', secret: '십이' },
  { text: '공일공 일이삼사 오육칠팔', kind: 'phone', secret: '일이삼사' },
  { text: '번호는 공일공에 천이백삼십사에 오천육백칠십팔', kind: 'phone', secret: '천이백삼십사' },
  { text: '공일공에 일이삼사에 오육칠팔이요', kind: 'phone', secret: '일이삼사' },
  { text: '010 천이백삼십사 오천육백칠십팔', kind: 'phone', secret: '천이백삼십사' },
];

/**
 * A name with one space before its copula (`변하율 입니다`), as partners type it: found in review after #13 landed, in
 * the masked text of a stored fallback event. The masker and the audit read only the glued form (`변하율입니다`).
 */
export const SPACED_COPULA_LEAKS: readonly Leak[] = [
  { text: '탄시율 입니다', kind: 'name', secret: '탄시율' },
  { text: '안녕하세요 변하율 입니다 비번을 잊었어요', kind: 'name', secret: '변하율' },
  { text: '승하진 인데요 로그인이 안 돼요', kind: 'name', secret: '승하진' },
  { text: '모다온 이에요', kind: 'name', secret: '모다온' },
  { text: '저 승하진 인데요', kind: 'name', secret: '승하진' },
  { text: '기사 탄시율 입니다', kind: 'name', secret: '탄시율' },
];

/**
 * A name before the partner's role word (`김영수 기사입니다`), the way a taxi partner introduces himself: found with the
 * spaced copula. The role word is known to the bot, so the copula cue never looked at the name before it.
 */
export const ROLE_LEAKS: readonly Leak[] = [
  { text: '안녕하세요 탄시율 기사입니다', kind: 'name', secret: '탄시율' },
  { text: '탄시율 기사인데요 교육 언제 들어요', kind: 'name', secret: '탄시율' },
  { text: '승하진 기사님 입니다', kind: 'name', secret: '승하진' },
  { text: '변하율 파트너예요 비번 까먹었어요', kind: 'name', secret: '변하율' },
  { text: '모다온기사입니다', kind: 'name', secret: '모다온' },
];

/**
 * Names after other cues, found by a generated probe of 33 forms × 40 names in the same review: a form's key word
 * (`성명`, `이름은요`), a word for a person before the name (`수강생`, `기사`), a title or a sign-off after it (`님`, `씨`,
 * `드림`), the copula `이구요`.
 */
export const CUED_NAME_LEAKS: readonly Leak[] = [
  { text: '성명 변하율 교육 언제예요', kind: 'name', secret: '변하율' },
  { text: '이름은요 모다온', kind: 'name', secret: '모다온' },
  { text: '수강생 변하율 교육 일정 바꾸고 싶어요', kind: 'name', secret: '변하율' },
  { text: '기사 모다온 교육 문의', kind: 'name', secret: '모다온' },
  { text: '변하율님 교육 언제 들어요', kind: 'name', secret: '변하율' },
  { text: '모다온 씨가 교육을 못 들었어요', kind: 'name', secret: '모다온' },
  { text: '교육 문의드립니다 변하율 드림', kind: 'name', secret: '변하율' },
  { text: '모다온이구요 교육 언제', kind: 'name', secret: '모다온' },
];
