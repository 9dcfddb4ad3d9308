/**
 * A faster trainer for NLP.js's one-layer network that produces the same network, bit for bit.
 *
 * NLP.js (`@nlpjs/neural` neural-network.js) trains one perceptron per intent over every training utterance on every
 * epoch: epochs × intents × utterances × features-per-utterance. With one FAQ adding both an intent and ~34
 * utterances, an epoch costs O(intents²). NLP.js walks each utterance as `{keys, data}` objects through `reduce`
 * closures (~600 ns per perceptron × utterance at 100 intents); this trainer walks the same numbers laid out once in
 * typed arrays (CSR), in the same order with the same float32/float64 roundings, so the weights, bias, epoch count and
 * stopping point are identical (test/nlu/perceptron.test.ts compares the exported models byte for byte).
 */
import { NeuralNetwork } from '@nlpjs/neural';
import { NluNeural as NeuralNlu } from '@nlpjs/nlu';
import type { Container } from '@nlpjs/core';

interface Prepared {
  keys: number[];
  data: Record<number, number>;
}
interface Perceptron {
  id: number;
  weights: Float32Array;
  changes: Float32Array;
  bias: number;
}
interface NetworkInternals {
  settings: { iterations: number; errorThresh: number; deltaErrorThresh: number; learningRate: number; momentum: number; alpha: number };
  status?: { error: number; deltaError: number; iterations: number };
  perceptrons: Perceptron[];
  numPerceptrons: number;
  decayLearningRate: number;
  logFn?: (status: object, ms: number) => void;
  prepareCorpus(corpus: unknown[]): Array<{ input: Prepared; output: Prepared }>;
  verifyIsInitialized(): void;
}

/** Utterances as compressed sparse rows: features of utterance i are idx/val[offsets[i] .. offsets[i+1]). */
interface Rows {
  offsets: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  /** expected[p * n + i]: the target of perceptron p on utterance i. */
  expected: Float64Array;
  n: number;
}

function toRows(data: Array<{ input: Prepared; output: Prepared }>, numPerceptrons: number): Rows {
  const n = data.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i] + data[i].input.keys.length;
  const idx = new Int32Array(offsets[n]);
  const val = new Float64Array(offsets[n]);
  const expected = new Float64Array(numPerceptrons * n);
  data.forEach(({ input, output }, i) => {
    input.keys.forEach((key, j) => {
      idx[offsets[i] + j] = key;
      val[offsets[i] + j] = input.data[key];
    });
    for (const p of output.keys) if (p < numPerceptrons) expected[p * n + i] = output.data[p] || 0;
  });
  return { offsets, idx, val, expected, n };
}

/**
 * One epoch of one perceptron over all utterances: NLP.js's `trainPerceptron`, same operations in the same order.
 * Returns the summed squared error.
 */
function trainPerceptron(p: Perceptron, rows: Rows, alpha: number, momentum: number, rate: number): number {
  const { offsets, idx, val, expected, n } = rows;
  const { weights, changes } = p;
  const base = p.id * n;
  let bias = p.bias;
  let error = 0;
  for (let i = 0; i < n; i += 1) {
    const start = offsets[i];
    const end = offsets[i + 1];
    let sum = bias;
    for (let j = start; j < end; j += 1) sum += val[j] * weights[idx[j]];
    const actual = sum <= 0 ? 0 : alpha * sum;
    const current = expected[base + i] - actual;
    if (current) {
      error += current ** 2;
      const delta = (actual > 0 ? 1 : alpha) * current * rate;
      for (let j = start; j < end; j += 1) {
        const k = idx[j];
        const change = delta * val[j] + momentum * changes[k];
        changes[k] = change;
        weights[k] += change;
      }
      bias += delta;
    }
  }
  p.bias = bias;
  return error;
}

/** NLP.js's NeuralNetwork with `train` replaced; running, explaining and (de)serializing are NLP.js's own. */
export class FastNeuralNetwork extends NeuralNetwork {
  /** Set by `train`, so tests can tell this trainer ran. */
  trainedFast = false;

  override train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): object {
    const self = this as unknown as NetworkInternals;
    if (!corpus || !corpus.length) return {};
    const last = corpus[corpus.length - 1];
    if (last.input.nonefeature !== undefined) {
      // As NLP.js: the None-feature row also nudges every other intent seen in the corpus.
      for (let i = 0; i < corpus.length - 1; i += 1) for (const intent of Object.keys(corpus[i].output)) last.output[intent] = 0.0000001;
    }
    const data = self.prepareCorpus(corpus);
    if (!self.status) self.status = { error: Infinity, deltaError: Infinity, iterations: 0 };
    self.verifyIsInitialized();
    const rows = toRows(data, self.numPerceptrons);
    const { alpha, momentum, learningRate, iterations, errorThresh, deltaErrorThresh } = self.settings;
    const status = self.status;
    while (status.iterations < iterations && status.error > errorThresh && status.deltaError > deltaErrorThresh) {
      const started = Date.now();
      status.iterations += 1;
      self.decayLearningRate = learningRate / (1 + 0.001 * status.iterations);
      const lastError = status.error;
      status.error = 0;
      for (let p = 0; p < self.numPerceptrons; p += 1) {
        status.error += trainPerceptron(self.perceptrons[p], rows, alpha, momentum, self.decayLearningRate);
      }
      status.error /= self.numPerceptrons * data.length;
      status.deltaError = Math.abs(status.error - lastError);
      self.logFn?.(status, Date.now() - started);
    }
    this.trainedFast = true;
    return status;
  }
}

/** NLP.js's NeuralNlu training with FastNeuralNetwork. */
class FastNeuralNlu extends NeuralNlu {
  override async innerTrain(input: { settings: object; corpus: never[]; status?: object }) {
    const network = new FastNeuralNetwork(input.settings);
    (this as unknown as { neuralNetwork: FastNeuralNetwork }).neuralNetwork = network;
    input.status = network.train(input.corpus);
    return input;
  }

  override registerDefault(): void {
    super.registerDefault();
    this.container.register('NeuralNlu', FastNeuralNlu, false);
  }
}

interface DomainManager {
  domains: Record<string, unknown>;
  getDomainInstance(name: string): unknown;
}

/**
 * Make this (untrained) Nlp train with FastNeuralNetwork: register FastNeuralNlu in its container (after `new Nlp`,
 * which registers NLP.js's own) and rebuild the domain NLUs the constructor already made with it.
 * @example const nlp = new Nlp({ container, ... }); useFastTrainer(nlp, container)
 */
export function useFastTrainer(nlp: object, container: Container): void {
  container.register('NeuralNlu', FastNeuralNlu, false);
  const managers = (nlp as { nluManager?: { domainManagers?: Record<string, DomainManager> } }).nluManager?.domainManagers ?? {};
  for (const manager of Object.values(managers)) {
    for (const name of Object.keys(manager.domains)) manager.domains[name] = manager.getDomainInstance(name);
  }
}
