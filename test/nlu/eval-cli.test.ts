/** `npm run eval`: JSON shape, exit codes against the targets, bad dev files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEval } from '../../src/cli/eval';
import { ROOT } from '../helpers/app';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bluebot-eval-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function devFile(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ['text\tintent', ...rows].join('\n'));
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runEval(['--root', ROOT, ...args], (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

const GOOD = ['비번 잃어버렸어요 어떡해요\tfaq.forgot_credentials', '교육 받으려면 가입 필요한가요\tfaq.signup', '콜이 너무 안 들어와요\tNone', '택시 요금 얼마예요\tNone'];

describe('eval CLI', () => {
  it('prints per-intent P/R/F1, the confusion matrix and target checks as JSON, exit 0 when targets are met', async () => {
    const { code, out } = await run(['--dev', devFile('good.tsv', GOOD), '--json']);
    const json = JSON.parse(out);
    expect(code).toBe(0);
    expect(json).toMatchObject({ total: 4, accuracy: 1, inScopeAccuracy: 1, oosRejection: 1, failures: [], misclassified: [] });
    expect(json.perIntent).toEqual(expect.arrayContaining([{ intent: 'faq.signup', support: 1, precision: 1, recall: 1, f1: 1 }]));
    expect(json.confusion.labels).toEqual(['faq.forgot_credentials', 'faq.signup', 'None']);
    expect(json.confusion.matrix).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 2]]);
    expect(json.thresholds).toEqual(expect.objectContaining({ minScore: expect.any(Number), clarifyMargin: expect.any(Number) }));
  });

  it('exits 1 below the targets and lists the misclassified utterances', async () => {
    const rows = [...GOOD.slice(0, 2), '콜이 너무 안 들어와요\tfaq.signup', '택시 요금 얼마예요\tfaq.signup'];
    const { code, out } = await run(['--dev', devFile('bad.tsv', rows), '--json']);
    const json = JSON.parse(out);
    expect(code).toBe(1);
    expect(json.inScopeAccuracy).toBe(0.5);
    expect(json.failures).toEqual(expect.arrayContaining([expect.stringContaining('in-scope accuracy')]));
    expect(json.misclassified).toEqual(expect.arrayContaining([expect.objectContaining({ text: '택시 요금 얼마예요', expected: 'faq.signup', predicted: 'None', line: 5 })]));
  });

  it('prints a readable report and a threshold sweep', async () => {
    const { code, out } = await run(['--dev', devFile('good2.tsv', GOOD), '--sweep']);
    expect(code).toBe(0);
    expect(out).toMatch(/in-scope top-1 accuracy\s+100\.0%/);
    expect(out).toContain('confusion');
    expect(out).toMatch(/best thresholds on .*good2\.tsv:\n\s+minScore [\d.]+/);
  });

  it('trains a throw-away model for an ablation with --engine', async () => {
    const { code, out } = await run(['--dev', devFile('good4.tsv', GOOD), '--engine', '{"fuzzy":false}', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).engine).toMatchObject({ fuzzy: false, scale: 'sqrt' });
  });

  it('evaluates a perturbed copy of the dev set', async () => {
    const { code, out } = await run(['--dev', devFile('good3.tsv', GOOD), '--perturb', 'nospace', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out).source).toMatch(/good3\.tsv \(nospace\)$/);
    const intro = await run(['--dev', devFile('good3.tsv', GOOD), '--perturb', 'intro', '--json']);
    expect(JSON.parse(intro.out).source).toMatch(/good3\.tsv \(intro\)$/);
  });

  it('scores a categorized (v2) set per category against the v2 targets, and never prints a holdout row', async () => {
    const rows = ['비번 잃어버렸어요 어떡해요\tfaq.forgot_credentials\ttypo\t', '수료증 재발급 되나요\tNone\tnear\t', '상담원 연결해 주세요\thandoff\thandoff\t', '교육 받으려면 가입 필요한가요\tfaq.first_login\tparaphrase\t'];
    const file = path.join(dir, 'dev-v2-holdout.tsv');
    fs.writeFileSync(file, ['text\tintent\tcategory\talso_ok', ...rows].join('\n'));
    const text = await run(['--dev', file]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/in-scope \(FAQ\) answered\s+50\.0%/);
    expect(text.out).toMatch(/near\s+100\.0%\s+1\/1/);
    expect(text.out).not.toContain('가입 필요한가요');
    const json = JSON.parse((await run(['--dev', file, '--json'])).out);
    expect(json.figures.failures).toEqual([expect.stringMatching(/^inScope/)]);
    expect(JSON.stringify(json)).not.toContain('가입 필요한가요');
  });

  it('rejects a malformed dev file or an unknown intent, naming the line', async () => {
    await expect(run(['--dev', devFile('malformed.tsv', ['no tab here'])])).rejects.toThrow(/malformed\.tsv:2/);
    await expect(run(['--dev', devFile('unknown.tsv', ['비번\tfaq.nope'])])).rejects.toThrow(/unknown intent "faq\.nope"/);
    await expect(run(['--cv', '1'])).rejects.toThrow(/--cv/);
    await expect(run(['--perturb', 'upside-down'])).rejects.toThrow(/--perturb/);
    await expect(run(['--engine', '{"bogus":1}'])).rejects.toThrow(/--engine: .*bogus/);
    await expect(run(['--engine', 'fuzzy=false'])).rejects.toThrow(/--engine needs JSON/);
  });
});
