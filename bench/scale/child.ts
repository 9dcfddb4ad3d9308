/**
 * One measurement of the scale benchmark, in its own process so RSS belongs to it alone (bench/scale/run.ts spawns it).
 *   train: `child.ts train <n> <fast|nlpjs> <artifact.json>` trains the real control intents and None plus n synthetic
 *          FAQs, writes the artifact, prints {trainMs, iterations, features, rssMb, heapMb, artifactBytes}.
 *   load:  `child.ts load <n> <artifact.json>` loads it as the server does, prints {loadMs, rssMb, p50Ms, p99Ms, accuracy}.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/content/load';
import type { IntentFile } from '../../src/content/schema';
import { loadOrTrain, modelFile, modelHash, trainModel } from '../../src/nlu/model';
import type { Trainer } from '../../src/nlu/nlpjs';
import { readDevSet } from '../../src/nlu/eval/dataset';
import { syntheticFaqs } from './synthetic';

const ROOT = path.resolve(__dirname, '../..');

/** The real None, greeting, handoff and cancel intents plus n synthetic FAQs (what a 200-FAQ bot would train). */
export function scaleContent(n: number) {
  const real = loadContent(ROOT);
  const synthetic = syntheticFaqs(n);
  const intents: IntentFile[] = [...real.intents.filter((i) => !i.intent.startsWith('faq.')), ...synthetic.map((s) => s.intent)];
  const nluSource = JSON.stringify({ intents, synonyms: real.synonyms });
  return { content: { intents, synonyms: real.synonyms, nluSource }, synthetic };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function train(n: number, trainer: Trainer, file: string) {
  const { content } = scaleContent(n);
  const started = process.hrtime.bigint();
  const { artifact, classifier } = await trainModel(content, undefined, trainer);
  const trainMs = Number(process.hrtime.bigint() - started) / 1e6;
  const json = JSON.stringify(artifact);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, json);
  const network = (classifier as unknown as { nlp: { nluManager: { domainManagers: Record<string, any> } } }).nlp.nluManager.domainManagers.ko
    .domains.master_domain.neuralNetwork;
  const rss = process.memoryUsage().rss;
  return {
    trainMs: Math.round(trainMs),
    utterances: artifact.texts.length,
    iterations: network.status.iterations,
    features: network.lookup.numInputs,
    perceptrons: network.perceptrons.length,
    rssMb: mb(rss),
    artifactBytes: Buffer.byteLength(json),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(n: number, file: string) {
  const { content, synthetic } = scaleContent(n);
  const dir = path.dirname(file);
  const target = modelFile(dir, modelHash(content));
  if (target !== file) fs.renameSync(file, target);
  const model = await loadOrTrain(content, dir);
  if (model.source !== 'loaded') throw new Error(`artifact not loaded: ${model.reason}`);
  settle();
  const rss = process.memoryUsage().rss;
  const tests = synthetic.flatMap((s) => s.test.map((text) => ({ text, intent: s.intent.intent })));
  const dev = readDevSet(path.join(ROOT, 'test/nlu/dev.tsv')).map((r) => r.text);
  for (const text of dev.slice(0, 100)) await model.classifier.classify(text); // warm-up (JIT)
  const times: number[] = [];
  const timed = async (text: string) => {
    const t = process.hrtime.bigint();
    const r = await model.classifier.classify(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    return r;
  };
  let correct = 0;
  for (const { text, intent } of tests) if ((await timed(text)).intent === intent) correct += 1;
  // more samples for p99: every text again with two different endings (new texts, so no cache can answer)
  for (const ending of [' 요', ' 좀']) for (const text of [...tests.map((t) => t.text), ...dev.slice(100)]) await timed(text + ending);
  for (const text of dev.slice(100)) await timed(text);
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    loadMs: model.ms,
    rssMb: mb(rss),
    classified: times.length,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    heldOutAccuracy: Math.round((1000 * correct) / tests.length) / 10,
  };
}

async function main(): Promise<void> {
  const [mode, n, a, b] = process.argv.slice(2);
  const result = mode === 'train' ? await train(Number(n), a as Trainer, b) : await load(Number(n), a);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
}
