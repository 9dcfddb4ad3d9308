/**
 * Compact storage of the network's weights in the model artifact. NLP.js exports every perceptron as a JSON array of
 * all feature weights (at 200 FAQs: 204 × ~6,000 numbers, 9 MB of text, parsed into 1.2 M boxed numbers on load).
 * Most weights are exactly 0 (a feature never seen with an error for that intent), so the weights are kept as
 * sparse float32 (index, value) pairs in base64 instead, and written straight into NLP.js's Float32Arrays on load.
 * Float32 is what NLP.js holds in memory, so nothing changes in the model.
 */
import type { Nlp } from '@nlpjs/nlp';

interface NetworkJson {
  features: string[];
  intents: string[];
  perceptrons: number[][];
}
interface Perceptron {
  weights: Float32Array;
  bias: number;
}

/** Per perceptron: bias (float64), count of nonzero weights (int32), then (index int32, weight float32) pairs. */
const HEADER = 12;

/** Path to the network inside NLP.js's export and inside a live Nlp (one `ko` domain manager, one domain). */
function networkJson(exported: any): NetworkJson | undefined {
  return exported?.nluManager?.domainManagers?.ko?.domains?.master_domain?.neuralNetwork;
}
function liveNetwork(nlp: Nlp): { perceptrons: Perceptron[] } | undefined {
  return (nlp as any).nluManager?.domainManagers?.ko?.domains?.master_domain?.neuralNetwork;
}

/**
 * Split NLP.js's export into the export without weights and the packed weights.
 * @example const { nlp, weights } = packWeights(model.export(true))
 */
export function packWeights(exported: string): { nlp: string; weights?: string } {
  const json = JSON.parse(exported);
  const network = networkJson(json);
  if (!network?.perceptrons?.length) return { nlp: exported };
  const n = network.features.length;
  const chunks: Buffer[] = [];
  for (const row of network.perceptrons) {
    const nonzero: number[] = [];
    for (let j = 0; j < n; j += 1) if (row[j] !== 0) nonzero.push(j);
    const buf = Buffer.alloc(HEADER + nonzero.length * 8);
    buf.writeDoubleLE(row[n], 0); // the bias is a double in NLP.js
    buf.writeInt32LE(nonzero.length, 8);
    nonzero.forEach((j, k) => {
      buf.writeInt32LE(j, HEADER + k * 8);
      buf.writeFloatLE(row[j], HEADER + 4 + k * 8);
    });
    chunks.push(buf);
  }
  network.perceptrons = [];
  return { nlp: JSON.stringify(json), weights: Buffer.concat(chunks).toString('base64') };
}

/**
 * Import an artifact's NLP.js export into `nlp`, with its weights when they were packed by packWeights.
 * @example importPacked(nlp, artifact.nlp, artifact.weights)
 */
export function importPacked(nlp: Nlp, exported: string, weights?: string): void {
  const json = JSON.parse(exported);
  const network = networkJson(json);
  if (!weights || !network) {
    nlp.import(json);
    return;
  }
  // NLP.js's fromJSON copies perceptrons[i][j] for every feature: give it empty rows, then write the real values.
  network.perceptrons = network.intents.map(() => []);
  nlp.import(json);
  const live = liveNetwork(nlp);
  if (!live) throw new Error('artifact: no network after import');
  const buf = Buffer.from(weights, 'base64');
  let at = 0;
  for (const p of live.perceptrons) {
    if (at + HEADER > buf.length) throw new Error('artifact: packed weights are truncated');
    p.weights.fill(0);
    p.bias = buf.readDoubleLE(at);
    const count = buf.readInt32LE(at + 8);
    at += HEADER;
    if (at + count * 8 > buf.length) throw new Error('artifact: packed weights are truncated');
    for (let k = 0; k < count; k += 1, at += 8) p.weights[buf.readInt32LE(at)] = buf.readFloatLE(at + 4);
  }
  if (at !== buf.length) throw new Error('artifact: packed weights do not match the network');
}
