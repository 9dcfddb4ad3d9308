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
