/** The answer set evaluator (`npm run eval -- --answers`): its file format, what counts as the fact in a reply, the scores. */
import fc from 'fast-check';
import { formatAnswers, holdsAny, parseAnswerSet, replyText, scoreAnswers, type Answered } from '../../src/nlu/eval/answers';
import { runEval } from '../../src/cli/eval';
import { ROOT } from '../helpers/app';

describe('parseAnswerSet', () => {
  it('reads text, intent, must_contain (| between alternatives, - for none) and category, skipping the header', () => {
    const rows = parseAnswerSet('text\tintent\tmust_contain\tcategory\n사이트 주소요\tfaq.signup\tpartner.kakaomobility.com | 파트너플레이스\tfact\n집 주소 변경\tNone\t-\tnear\n', ['faq.signup', 'None']);
    expect(rows).toEqual([
      { text: '사이트 주소요', intent: 'faq.signup', mustContain: ['partner.kakaomobility.com', '파트너플레이스'], category: 'fact', line: 2 },
      { text: '집 주소 변경', intent: 'None', mustContain: [], category: 'near', line: 3 },
    ]);
  });

  it('names the line of a malformed row, an unknown intent and a fact row without must_contain', () => {
    expect(() => parseAnswerSet('a\tfaq.signup\n', undefined, 'f.tsv')).toThrow('f.tsv:1: expected');
    expect(() => parseAnswerSet('\n a\tfaq.nope\t-\tnear', ['faq.signup'], 'f.tsv')).toThrow('f.tsv:2: unknown intent "faq.nope"');
    expect(() => parseAnswerSet('a\tfaq.signup\t-\tfact', undefined, 'f.tsv')).toThrow('f.tsv:1: a fact row needs must_contain');
  });

  it('never throws anything but a line-naming error, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (tsv) => {
        try {
          parseAnswerSet(tsv, ['faq.signup', 'None'], 'x.tsv');
        } catch (err) {
          expect((err as Error).message).toMatch(/^x\.tsv:\d+: /);
        }
      }),
    );
  });
});

describe('what counts as the fact in a reply', () => {
  const response = {
    version: '2.0' as const,
    template: {
      outputs: [
        { simpleText: { text: '비밀번호는 8~16자예요' } },
        { textCard: { title: '교육 사이트', description: '주소는 아래 버튼', buttons: [{ label: '열기', action: 'webLink' as const, webLinkUrl: 'https://partner.kakaomobility.com' }, { label: '전화', action: 'phone' as const, phoneNumber: '1533-0301' }] } },
      ],
    },
  };

  it('reads texts, card titles and descriptions, button labels, links and phone numbers, spaces and case ignored', () => {
    const text = replyText(response);
    expect(holdsAny(text, ['8 ~ 16'])).toBe(true);
    expect(holdsAny(text, ['PARTNER.kakaomobility.com'])).toBe(true);
    expect(holdsAny(text, ['1533-0301'])).toBe(true);
    expect(holdsAny(text, ['180일', '6개월'])).toBe(false);
  });
});

describe('scoreAnswers', () => {
  const row = (text: string, intent: string, category: string, mustContain: string[] = []) => ({ text, intent, category, mustContain, line: 1 });
  const answered: Answered[] = [
    { row: row('사이트 주소', 'faq.signup', 'fact', ['kakaomobility']), intent: 'faq.signup', answer: 'fact.site_address', outcome: 'answered', reply: 'https://partner.kakaomobility.com' },
    { row: row('비번 몇자리', 'faq.signup', 'fact', ['8~16']), intent: 'None', answer: 'None', outcome: 'fallback', reply: '죄송해요' },
    { row: row('사이트 안 열려요', 'None', 'near'), intent: 'None', answer: 'fact.site_address', outcome: 'answered', reply: '주소' },
    { row: row('가입해야 돼요?', 'faq.signup', 'plain'), intent: 'faq.signup', answer: 'faq.signup', outcome: 'answered', reply: '아니요' },
  ];

  it('scores fact rows by the reply, every row by its intent, and counts fact answers where none was asked', () => {
    const report = scoreAnswers(answered);
    expect(report.categories).toEqual([
      { category: 'fact', rows: 2, intentRight: 1, factInReply: 1, factAnswers: 1 },
      { category: 'near', rows: 1, intentRight: 1, factInReply: 0, factAnswers: 1 },
      { category: 'plain', rows: 1, intentRight: 1, factInReply: 0, factAnswers: 0 },
    ]);
    expect(report.wrong.map((w) => w.text)).toEqual(['비번 몇자리', '사이트 안 열려요']);
    expect(formatAnswers(report, 't', true).join('\n')).not.toContain('비번 몇자리');
  });
});

describe('npm run eval -- --answers', () => {
  it('asks the whole bot: with the facts on, the site address and the password length are in the replies; off, they are not', async () => {
    const lines: string[] = [];
    const file = `${ROOT}/test/nlu/facts-v1.tsv`;
    expect(await runEval(['--answers', file, '--json', '--root', ROOT], (l) => lines.push(l))).toBe(0);
    const on = JSON.parse(lines.join('\n'));
    lines.length = 0;
    await runEval(['--answers', file, '--json', '--root', ROOT, '--off', 'facts'], (l) => lines.push(l));
    const off = JSON.parse(lines.join('\n'));
    const fact = (r: { categories: Array<{ category: string; rows: number; factInReply: number }> }) => r.categories.find((c) => c.category === 'fact')!;
    expect(fact(on).factInReply / fact(on).rows).toBeGreaterThanOrEqual(0.85);
    expect(fact(off).factInReply).toBeLessThan(fact(on).factInReply);
  }, 60_000);
});
