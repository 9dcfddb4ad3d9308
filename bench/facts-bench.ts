/**
 * What the fact rules (`src/nlu/facts.ts`) cost a classification, in one run: CPU µs per text of `FactIndex.find` alone
 * and of a whole `classify` with the facts step on and off, alternating pass by pass, median of the passes, on the dev
 * sets' and the answer sets' texts. Each pass's classify texts carry a pass number (`… 3번`) so NLP.js's memo of
 * prepared texts never answers for a text seen before.
 *
 * Run: `npx tsx bench/facts-bench.ts [--passes=5]` (after `npm run train`).
 */
import path from 'node:path';
import { loadContent } from '../src/content';
import { readDevSet } from '../src/nlu/eval/dataset';
import { readAnswerSet } from '../src/nlu/eval/answers';
import { FactIndex } from '../src/nlu/facts';
import { loadOrTrain, normalizerFor } from '../src/nlu/model';
import { median } from './threads';

const PASSES = Number(process.argv.find((a) => a.startsWith('--passes='))?.split('=')[1] ?? 5);
const ROOT = path.join(__dirname, '..');

async function main(): Promise<void> {
  const content = loadContent(ROOT);
  const labels = [...content.intents.map((i) => i.intent), 'None'];
  const dev = ['dev.tsv', 'dev-v2.tsv', 'dev-v3.tsv'].flatMap((f) => readDevSet(path.join(ROOT, 'test/nlu', f), labels));
  const answers = readAnswerSet(path.join(ROOT, 'test/nlu/facts-v1.tsv'), labels);
  const texts = [...dev, ...answers].map((r) => r.text);
  const { classifier } = await loadOrTrain(content, path.join(ROOT, 'models'));
  const normalize = normalizerFor(content);
  const facts = new FactIndex(content.facts, normalize);
  const normalized = texts.map(normalize);
  const find: number[] = [];
  const on: number[] = [];
  const off: number[] = [];
  const cpu = (fn: () => void | Promise<void>) => async () => {
    const t = process.cpuUsage();
    await fn();
    const u = process.cpuUsage(t);
    return (u.user + u.system) / texts.length;
  };
  for (let pass = 0; pass < PASSES; pass++) {
    find.push(await cpu(() => void normalized.forEach((n) => facts.find(n)))());
    for (const [steps, out] of (pass % 2 ? [[false, off], [true, on]] : [[true, on], [false, off]]) as Array<[boolean, number[]]>) {
      classifier.steps.facts = steps;
      out.push(await cpu(async () => {
        for (const text of texts) await classifier.classify(`${text} ${pass}${steps ? '' : ' '}번`);
      })());
    }
  }
  const [f, a, b] = [median(find), median(on), median(off)];
  console.log(`${texts.length} texts, ${facts.size} rules, median of ${PASSES} passes (CPU µs per text)`);
  console.log(`FactIndex.find alone: ${f.toFixed(2)} µs`);
  console.log(`classify, facts on: ${a.toFixed(1)} µs · off: ${b.toFixed(1)} µs · on/off ${(a / b).toFixed(3)} (find is ${((100 * f) / a).toFixed(1)} % of a classification)`);
}

void main();
