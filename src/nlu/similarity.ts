/** Second opinion: TF-IDF cosine over syllable n-grams to the nearest training utterances, per intent. */
import { textFeatures, type FeatureOptions } from './features';

export interface LabeledText {
  text: string;
  intent: string;
}

export interface Neighbour {
  intent: string;
  /** Cosine similarity in [0, 1] to the closest training utterance of this intent. */
  similarity: number;
}

/** Features for similarity: words plus syllable uni-, bi- and trigrams (more overlap signal than the classifier's). */
export const SIMILARITY_FEATURES: FeatureOptions = { words: true, ngrams: [2, 3] };

type Vector = Map<number, number>;

/**
 * An in-memory index of normalized training texts. Queries return, for each intent, the best cosine
 * similarity of the query to one of its utterances (a 1-nearest-neighbour score per intent).
 * @example new SimilarityIndex([{ text: '비밀번호 분실', intent: 'faq.forgot_credentials' }]).nearest('비밀번호 분실했어요')
 */
export class SimilarityIndex {
  private readonly vocab = new Map<string, number>();
  private readonly idf: number[] = [];
  private readonly intents: string[];
  /**
   * The postings, one run per feature: feature `id`'s documents are `docs[starts[id]] … docs[starts[id + 1] - 1]`,
   * with the feature's weight in each at the same index of `weights` (the same numbers, in the same order, as one pair
   * of arrays per feature held: 35,000 features made 70,000 arrays, ~14 MB of a loaded model's heap).
   */
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float64Array;
  private readonly scores: Float64Array;
  private readonly maxIdf: number;

  constructor(items: LabeledText[], private readonly features: FeatureOptions = SIMILARITY_FEATURES) {
    const featureLists = items.map((i) => textFeatures(i.text, features));
    const df = new Map<string, number>();
    for (const list of featureLists) for (const f of list) df.set(f, (df.get(f) ?? 0) + 1);
    this.starts = new Int32Array(df.size + 1);
    for (const [f, n] of df) {
      this.starts[this.idf.length + 1] = this.starts[this.idf.length] + n; // a feature is in n documents: its run's length
      this.vocab.set(f, this.idf.length);
      this.idf.push(Math.log((1 + items.length) / (1 + n)) + 1);
    }
    this.maxIdf = Math.log(1 + items.length) + 1;
    this.intents = items.map((i) => i.intent);
    this.scores = new Float64Array(items.length);
    const entries = this.starts[df.size];
    this.docs = new Int32Array(entries);
    this.weights = new Float64Array(entries);
    const filled = this.starts.slice(0, df.size); // next free index of each feature's run
    featureLists.forEach((list, d) => {
      const ids = list.map((f) => this.vocab.get(f) as number);
      const norm = Math.sqrt(ids.reduce((sum, id) => sum + this.idf[id] * this.idf[id], 0)) || 1;
      for (const id of ids) {
        const at = filled[id]++;
        this.docs[at] = d;
        this.weights[at] = this.idf[id] / norm;
      }
    });
  }

  /** Best similarity per intent, highest first (intents sharing no feature with the text are left out). */
  nearest(text: string): Neighbour[] {
    const touched: number[] = [];
    const { starts, docs, weights, scores } = this;
    for (const [id, w] of this.vectorOf(textFeatures(text, this.features))) {
      for (let i = starts[id], end = starts[id + 1]; i < end; i += 1) {
        const d = docs[i];
        if (scores[d] === 0) touched.push(d);
        scores[d] += w * weights[i];
      }
    }
    const best = new Map<string, number>();
    for (const d of touched) {
      const intent = this.intents[d];
      if (scores[d] > (best.get(intent) ?? 0)) best.set(intent, scores[d]);
      scores[d] = 0;
    }
    return [...best].map(([intent, similarity]) => ({ intent, similarity: Math.min(1, similarity) })).sort((a, b) => b.similarity - a.similarity);
  }

  /** Query TF-IDF vector, L2-normalized; features never seen in training count in the norm with the highest idf. */
  private vectorOf(features: string[]): Vector {
    const vector: Vector = new Map();
    let unseen = 0;
    for (const f of features) {
      const id = this.vocab.get(f);
      if (id !== undefined) vector.set(id, this.idf[id]);
      else unseen += 1;
    }
    const sum = [...vector.values()].reduce((s, w) => s + w * w, 0) + unseen * this.maxIdf * this.maxIdf;
    const norm = Math.sqrt(sum) || 1;
    for (const [id, w] of vector) vector.set(id, w / norm);
    return vector;
  }
}
