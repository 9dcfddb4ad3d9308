/**
 * What the opening/closing step (`src/nlu/preamble.ts`) costs a classification, in one run: CPU µs per text of
 * `Preamble.split` alone and of a whole `classify` (preamble step on), on the dev sets' texts and their intro/outro
 * copies, alternating pass by pass, median of the passes. Each pass's classify texts carry a pass number (`… 3번`) so
 * NLP.js's memo of prepared texts never answers for a text seen before.
 *
 * Run: `npx tsx bench/preamble-bench.ts [--passes=5]` (after `npm run train`).
 */
import path from 'node:path';
import { loadContent } from '../src/content';
import { readDevSet } from '../src/nlu/eval/dataset';
import { perturb } from '../src/nlu/eval/perturb';
import { loadOrTrain } from '../src/nlu/model';
import { Preamble } from '../src/nlu/preamble';
import { knownIn } from '../src/privacy/names';
import { median } from './threads';

const PASSES = Number(process.argv.find((a) => a.startsWith('--passes='))?.split('=')[1] ?? 5);
const ROOT = path.join(__dirname, '..');

async function main(): Promise<void> {
  const content = loadContent(ROOT);
  const labels = [...content.intents.map((i) => i.intent), 'None'];
  const rows = ['dev.tsv', 'dev-v2.tsv', 'dev-v3.tsv'].flatMap((f) => readDevSet(path.join(ROOT, 'test/nlu', f), labels));
  const texts = [...rows, ...perturb(rows, 'intro'), ...perturb(rows, 'outro')].map((r) => r.text);
  const { classifier } = await loadOrTrain(content, path.join(ROOT, 'models'));
  const preamble = new Preamble(knownIn(content.intents.flatMap((i) => i.utterances)));
  const split: number[] = [];
  const classify: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    let t = process.cpuUsage();
    for (const text of texts) preamble.split(text);
    let u = process.cpuUsage(t);
    split.push((u.user + u.system) / texts.length);
    t = process.cpuUsage();
    for (const text of texts) await classifier.classify(`${text} ${pass}번`);
    u = process.cpuUsage(t);
    classify.push((u.user + u.system) / texts.length);
  }
  const s = median(split);
  const c = median(classify);
  console.log(`${texts.length} texts, ${PASSES} passes (median): split ${s.toFixed(2)} µs, classify ${c.toFixed(1)} µs per text; split = ${((100 * s) / c).toFixed(1)} % of classify`);
}

void main();
