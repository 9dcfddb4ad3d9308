/**
 * The masker made faster must say exactly what it said before: src/log/mask.ts and src/privacy against their frozen
 * copy in test/privacy/oracle (main 8ba140c), on every real text (test/privacy/mask-corpus.ts) and on generated texts
 * dense in what the fast paths skip on (digits of any script and width, spelled-out numerals, separators, date markers,
 * copulas, name cues, ASCII runs, the allow-listed line, the name mask itself). Also each exported recogniser the
 * dialog's validators use, so their outputs did not move either.
 */
import path from 'node:path';
import fc from 'fast-check';
import { loadContent } from '../../src/content';
import { maskAll, maskKept, maskText, maskUnderstoodless } from '../../src/log/mask';
import * as now from '../../src/privacy';
import * as oracle from './oracle';
import * as oracleMask from './oracle/mask';
import { maskCorpus } from './mask-corpus';

const content = loadContent(path.join(__dirname, '..', '..'));
const words = [content.nluSource, JSON.stringify([...content.responses.values()])];

/** Everything each side answers for one text. */
function outputs(side: 'now' | 'oracle', text: string): unknown {
  const p = side === 'now' ? now : oracle;
  const m = side === 'now' ? { maskAll, maskKept, maskText, maskUnderstoodless } : oracleMask;
  return {
    kept: m.maskKept(text),
    text: m.maskText(text),
    all: m.maskAll(text),
    understoodless: m.maskUnderstoodless(text),
    view: p.digitView(text),
    copulaView: p.digitView(text, true),
    mobiles: p.scanPhones(text, 'mobile'),
    phones: p.scanPhones(text, 'any'),
    runs: p.scanDigitRuns(text),
    spoken: p.scanSpokenPhones(text),
    dates: p.scanDates(text),
    dateSpans: p.scanDateSpans(text),
    names: p.scanNameSpans(text),
    passwords: p.passwordLikeSpans(text),
  };
}

const FRAGMENTS = [
  ...'0123456789０１２３４５６７８９٣٤۵०१๓'.split(''),
  ...'공영빵일이삼사오육륙칠팔구십백천'.split(''),
  ...' -.()/_·•‧∙ㆍ~,ㅡ一ー－　+:='.split(''),
  '년', '월', '일', '생', '年', '月', '日', '에', '이요', '이에요', '요', '입니다', '예요', '이야', '이고', '라고', '인데', '인데요',
  '제 이름은 ', '이름:', '성함은 ', '저 ', '저는 ', '전 ', '나는 ', '제가 ', '내가 ', '네임 ', '[이름 가림]',
  '홍길동', '승하진', '탄시율', '김철수', '기사', '교육', '회사', '사이다', '이번', '매일', '생년월일', '생일', '번호는', '전화',
  '010', '1533-0301', '1533 0301', '82', '+82', '(0)', '1974', '74', '11', '22', '03', '1985-03-07', '19741122',
  'Blue1234!', 'abcd', 'P@ss', 'www.', '.com', '@', 'x', 'Ab1', '비번은', '!!', '\n', '\t',
];
const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((xs) => xs.join(''));
const numeralText = fc.string({ unit: fc.constantFrom(...'공영일이삼사오육칠팔구십백천년월일생에요 -.,ㅡ/0123456789'.split('')), maxLength: 60 });

describe('the masker against its frozen copy (test/privacy/oracle)', () => {
  beforeAll(() => {
    now.setKnownWords(words);
    oracle.setKnownWords(words);
  });

  it('answers the same for every real text (dev sets, utterances, privacy test strings, PII templates)', () => {
    const texts = maskCorpus();
    expect(texts.length).toBeGreaterThan(5000);
    const differ = texts.filter((t) => JSON.stringify(outputs('now', t)) !== JSON.stringify(outputs('oracle', t)));
    expect(differ).toEqual([]);
  });

  it('answers the same for generated texts of digits, numerals, separators, markers and cues', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, numeralText), (text) => {
        expect(outputs('now', text)).toEqual(outputs('oracle', text));
      }),
      { numRuns: 4000 },
    );
  });

  it('folds every UTF-16 unit as before, alone and between Hangul and digits (the other-script digit range)', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `번호 010${ch}1234${ch}5678`, `생일 ${ch}${ch}${ch}${ch}년`]) {
        if (now.digitView(t) !== oracle.digitView(t) || maskKept(t) !== oracleMask.maskKept(t)) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it('answers the same for any text, and the same text twice in a row (the digit view is memoised)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (a, b) => {
        for (const t of [a, b, a, a]) expect(outputs('now', t)).toEqual(outputs('oracle', t));
      }),
      { numRuns: 1000 },
    );
  });
});
