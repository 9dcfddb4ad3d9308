/** `npm run validate`: the repo's content passes; broken copies fail with file and field named. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { lintContent, type Finding } from '../../src/cli/lint-content';
import { runValidate } from '../../src/cli/validate';
import { ROOT } from '../helpers/app';
import { copyContent, editYaml } from '../helpers/content';

const run = promisify(execFile);
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** A throwaway copy of the content folders, edited by `edit`. */
function brokenCopy(edit: (dir: string) => void): string {
  const dir = copyContent('lint');
  edit(dir);
  return dir;
}

const errors = (findings: Finding[]) => findings.filter((f) => f.level === 'error');

describe('npm run validate', () => {
  it('passes the repo content (intents, responses, flows) with no errors', () => {
    const lines: string[] = [];
    const code = runValidate(['--root', ROOT, '--dev', path.join(ROOT, 'no-such-dev.tsv')], (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^✓ content OK: 0 errors/);
  });

  it('finds no row of the repo dev set (test/nlu/dev.tsv) in training', () => {
    const devErrors = errors(lintContent(ROOT).findings).filter((f) => f.file === 'test/nlu/dev.tsv');
    expect(devErrors.map((f) => `${f.field}: ${f.message}`)).toEqual([]);
  });

  it('names file and field of a label over 14 characters (schema error)', () => {
    const dir = brokenCopy((d) => editYaml(d, 'responses/faq.signup.yml', (y) => (y['faq.signup'].label = '회원가입이 꼭 필요한지 궁금해요')));
    const found = errors(lintContent(dir).findings);
    expect(found).toEqual([
      expect.objectContaining({ file: 'responses/faq.signup.yml', field: 'faq.signup.label', message: expect.stringContaining('14') }),
    ]);
  });

  it('finds quick replies and buttons that lead nowhere', () => {
    const dir = brokenCopy((d) =>
      editYaml(d, 'responses/faq.signup.yml', (y) => {
        y['faq.signup'].quickReplies.push({ intent: 'faq.nowhere', label: '없는 주제' }, { action: 'reset.nowhere', label: '없는 대화' });
      }),
    );
    const found = errors(lintContent(dir).findings);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'responses/faq.signup.yml', field: 'faq.signup.quickReplies[4]', message: expect.stringContaining('"faq.nowhere"') }),
        expect.objectContaining({ file: 'responses/faq.signup.yml', field: 'faq.signup.quickReplies[5]', message: expect.stringContaining('"reset.nowhere"') }),
      ]),
    );
  });

  it('finds a card that breaks the Kakao limit only once rendered (title + description over 400)', () => {
    const dir = brokenCopy((d) =>
      editYaml(d, 'responses/faq.signup.yml', (y) => {
        y['faq.signup'].bubbles[1].card = { title: '가'.repeat(50), description: '나'.repeat(380) };
      }),
    );
    const found = errors(lintContent(dir).findings);
    expect(found).toEqual([expect.objectContaining({ file: 'responses/faq.signup.yml', field: 'faq.signup', message: expect.stringContaining('400') })]);
  });

  it('finds the same utterance (after normalization) in two intents, and dev rows that are training rows', () => {
    let signup = '';
    let forgot = '';
    const dir = brokenCopy((d) => {
      editYaml(d, 'intents/faq.signup.yml', (y) => (signup = y.utterances[0]));
      editYaml(d, 'intents/faq.forgot_credentials.yml', (y) => (forgot = y.utterances[0]));
      // the same words with other spacing and punctuation still count as the same utterance
      editYaml(d, 'intents/faq.first_login.yml', (y) => y.utterances.push(`${signup.replace(/ /g, '  ')}?!`));
      fs.mkdirSync(path.join(d, 'test', 'nlu'), { recursive: true });
      const dev = ['text\tintent', '줄에 탭이 없어요', `${forgot.replace(/ /g, '')}\tfaq.forgot_credentials`, '이건 전혀 새로운 질문인데요\tfaq.unknown', ''];
      fs.writeFileSync(path.join(d, 'test', 'nlu', 'dev.tsv'), dev.join('\n'));
    });
    const { findings, stats } = lintContent(dir);
    const found = errors(findings).map((f) => ({ ...f, field: f.field.replace(/\[\d+\]/, '[n]'), message: f.message.replace(/\[\d+\]/, '[n]') }));
    const [intentA, intentB] = found[0]?.file === 'intents/faq.signup.yml' ? ['signup', 'first_login'] : ['first_login', 'signup'];
    expect(found).toEqual([
      expect.objectContaining({
        file: `intents/faq.${intentA}.yml`,
        field: 'utterances[n]',
        message: expect.stringContaining(`as intents/faq.${intentB}.yml utterances[n]; one utterance cannot teach two intents`),
      }),
      expect.objectContaining({ file: 'test/nlu/dev.tsv', field: 'line 2', message: 'expected "text<TAB>intent[<TAB>category<TAB>also_ok]"' }),
      expect.objectContaining({ file: 'test/nlu/dev.tsv', field: 'line 3', message: expect.stringContaining('equals a training utterance after normalization (intents/faq.forgot_credentials.yml utterances[n]); remove the copy from intents/') }),
      expect.objectContaining({ file: 'test/nlu/dev.tsv', field: 'line 4', message: expect.stringContaining('"faq.unknown"') }),
    ]);
    expect(stats.devRows).toBe(2);
  });

  it('names the intent file holding a copy of a holdout row, without printing the row', () => {
    let copy = '';
    const dir = brokenCopy((d) => {
      editYaml(d, 'intents/handoff.yml', (y) => (copy = y.utterances[2]));
      fs.mkdirSync(path.join(d, 'test', 'nlu'), { recursive: true });
      fs.writeFileSync(path.join(d, 'test', 'nlu', 'dev-v2-holdout.tsv'), ['text\tintent\tcategory\talso_ok', `새로운 질문이에요\tNone\tother\t`, `${copy}\thandoff\thandoff\t`, ''].join('\n'));
    });
    const found = errors(lintContent(dir).findings).filter((f) => f.file === 'test/nlu/dev-v2-holdout.tsv');
    expect(found).toEqual([expect.objectContaining({ field: 'line 3', message: expect.stringContaining('(intents/handoff.yml utterances[2]); remove the copy') })]);
    expect(found[0].message).not.toContain(copy);
  });

  it('notes a missing dev set instead of failing', () => {
    const dir = brokenCopy(() => undefined);
    const { findings } = lintContent(dir);
    expect(findings).toContainEqual(expect.objectContaining({ level: 'note', file: 'test/nlu/dev.tsv' }));
    expect(errors(findings)).toEqual([]);
  });

  it('exits 1 from the command line and prints file and field', async () => {
    const dir = brokenCopy((d) => editYaml(d, 'responses/system.yml', (y) => y.greeting.quickReplies.push({ intent: 'faq.gone' })));
    const failed = await run(TSX, ['src/cli/validate.ts', '--root', dir], { cwd: ROOT }).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toContain('error    responses/system.yml  greeting.quickReplies[9]: leads to "faq.gone"');
  });
});
