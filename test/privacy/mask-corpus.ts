/**
 * Real texts for the masker's differential test and its benchmark (`bench/mask-bench.ts`): every dev-set text
 * (test/nlu/*.tsv), every training utterance (intents/*.yml), every string literal of the privacy and masker tests
 * (the PII kinds they check), and the bench mix's unique variants (`… 123번`), plus PII sentences built from templates
 * (phones, dates, spelled numbers, names, passwords in many writings).
 */
import fs from 'node:fs';
import path from 'node:path';
import { byDigits, byPlaces } from '../helpers/korean-numbers';

const ROOT = path.join(__dirname, '..', '..');

function devTexts(): string[] {
  const dir = path.join(ROOT, 'test', 'nlu');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1))
    .map((l) => l.split('\t')[0]?.trim() ?? '')
    .filter(Boolean);
}

function utterances(): string[] {
  const dir = path.join(ROOT, 'intents');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .map((l) => /^\s+-\s+(.+)$/.exec(l)?.[1]?.trim() ?? '')
    .filter(Boolean);
}

/** Quoted strings of the privacy tests that hold Hangul or a digit (the kinds of PII they check). */
function testLiterals(): string[] {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'test', 'privacy')).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'test', 'privacy', f)),
    path.join(ROOT, 'test', 'log', 'mask.test.ts'),
  ];
  const out: string[] = [];
  for (const file of files) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
      if (/[가-힣0-9０-９]/.test(m[1]) && !m[1].includes('\\')) out.push(m[1]);
    }
  }
  return out;
}

/** Sentences with PII of every kind the masker knows, in many writings. */
export function piiTexts(): string[] {
  const phones = ['010-4823-7323', '01048237323', '010 4823 7323', '010ㅡ4823ㅡ7323', '+82 10 4823 7323', '02-123-4567', '031.765.4321', '０１０－４８２３－７３２３', '010/4823/7323', byDigits('010 4823 7323'), `공일공에 ${byPlaces(4823)}에 ${byPlaces(7323)}`, '공일공 사팔이삼 칠삼이삼이요', '0 1 0 4 8 2 3 7 3 2 3'];
  const dates = ['1974-11-22', '74.11.22', '19741122', '741122', '1974년 11월 22일', '13/11/1974', '11월 16일 1974년', '74년생', `${byPlaces(1974)}년 삼월 이십이일`, '일구칠사 공삼 이십이', '일구칠사년생', '칠십사년 삼월 오일생', '1974 삼 이십이', '생년월일일구구삼공삼일일'];
  const names = ['제 이름은 홍길동입니다', '저 승하진인데요', '변하율인데 비번을 잊었어요', '성함: 김철수', '저는 기사입니다', '이름 탄시율이요'];
  const secrets = ['비번은 Blue1234! 입니다', 'abcd1234', 'P@ssw0rd!!', '비번은Blue1234!이에요', 'www.example.com', 'test@example.com'];
  const frames = ['%', '제 번호는 % 입니다', '%이요', '생일은 %이에요 확인 부탁', '교육 못 들었는데 % 맞나요?', '1533-0301 말고 %로 연락주세요', '%%'];
  const out: string[] = [];
  for (const frame of frames) for (const x of [...phones, ...dates, ...names, ...secrets]) out.push(frame.replace(/%/g, x));
  return out;
}

/** Every real text, once. */
export function maskCorpus(): string[] {
  const base = [...devTexts(), ...utterances()];
  const bench = base.map((t, k) => `${t} ${k}번`); // the turn bench mix makes a quarter of its texts unique this way
  return [...new Set([...base, ...bench, ...testLiterals(), ...piiTexts()])];
}
