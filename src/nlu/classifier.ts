/** Intent classifier: normalizer + NLP.js (spacing-free n-gram features) + a nearest-neighbour second opinion. */
import type { Nlp } from '@nlpjs/nlp';
import type { Neighbour, SimilarityIndex } from './similarity';
import type { Normalizer } from './normalize';

export interface NluAlternative {
  intent: string;
  score: number;
}

export interface NluResult {
  /** Best intent, or `None` when nothing fits. */
  intent: string;
  score: number;
  /** Runner-up intents, best first (at most 3). */
  alternatives: NluAlternative[];
  /** The text after normalization, as the classifier saw it. */
  normalized: string;
  /** Second opinion: best n-gram cosine similarity per intent to a training utterance, best first (at most 3). */
  neighbours?: Neighbour[];
}

export interface ClassifyOptions {
  /**
   * Dialog-aware classification: only these intents may win. Intents outside the list count as `None` (their
   * score and their nearest utterances move to `None`, nothing is renormalized), so an FAQ-like slot answer
   * becomes `None` rather than a confident allowed intent.
   */
  allowList?: string[];
}

export interface Classifier {
  classify(text: string, options?: ClassifyOptions): Promise<NluResult>;
  /** Identifies the model (hash of intents/ and normalizer data). */
  readonly modelHash: string;
}

export const NONE = 'None';

/** NLP.js memoizes every prepared text for an hour; we drop its memo every this many classifications (counting its keys on every call cost 65-85 µs). */
const NLP_MEMO_MAX = 2000;

/**
 * A trained NLP.js model plus the similarity index over the same (normalized) training texts.
 * Build it with `loadOrTrain` or `trainModel` (see model.ts).
 * @example const r = await classifier.classify('비번 까먹었어요'); r.intent // 'faq.forgot_credentials'
 */
export class HybridClassifier implements Classifier {
  constructor(
    private readonly nlp: Nlp,
    private readonly index: SimilarityIndex,
    private readonly normalize: Normalizer,
    readonly modelHash: string,
  ) {}

  /** Classifications since NLP.js's memo was last dropped. */
  private sinceForget = 0;

  async classify(text: string, options: ClassifyOptions = {}): Promise<NluResult> {
    const normalized = this.normalize(typeof text === 'string' ? text : '');
    if (!/[\p{L}\p{N}]/u.test(normalized)) return { intent: NONE, score: 1, alternatives: [], normalized, neighbours: [] };
    const res = await this.nlp.process('ko', normalized, {});
    if (++this.sinceForget >= NLP_MEMO_MAX) {
      this.sinceForget = 0;
      forgetMemo(this.nlp);
    }
    const allow = options.allowList ? new Set([...options.allowList, NONE]) : undefined;
    const ranked = restrict(
      (res.classifications ?? []).map((c) => ({ intent: c.intent, score: c.score })),
      allow,
    ).filter((c) => c.score > 0);
    const top = ranked[0] ?? { intent: NONE, score: 1 };
    const neighbours = restrict(
      this.index.nearest(normalized).map((n) => ({ intent: n.intent, score: n.similarity })),
      allow,
      Math.max,
    ).map((n) => ({ intent: n.intent, similarity: n.score }));
    return { intent: top.intent, score: top.score, alternatives: ranked.slice(1, 4), normalized, neighbours: neighbours.slice(0, 3) };
  }
}

/**
 * Fold intents outside `allow` into `None` (summing scores, or with `merge` = Math.max for similarities),
 * then sort best first and round. Without `allow`, only sorts and rounds.
 */
function restrict(items: NluAlternative[], allow?: ReadonlySet<string>, merge: (a: number, b: number) => number = (a, b) => a + b): NluAlternative[] {
  const folded = new Map<string, number>();
  for (const { intent, score } of items) {
    const key = !allow || allow.has(intent) ? intent : NONE;
    folded.set(key, folded.has(key) ? merge(folded.get(key) as number, score) : score);
  }
  return [...folded].map(([intent, score]) => ({ intent, score: round(score) })).sort((a, b) => b.score - a.score);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

interface NluMemo {
  cache?: { results?: Record<string, Record<string, unknown>> };
}

/** Drop NLP.js's per-text memo (it otherwise keeps every distinct utterance for an hour); it is rebuilt on the next call. */
function forgetMemo(nlp: Nlp): void {
  const managers = (nlp as unknown as { nluManager?: { domainManagers?: Record<string, { domains?: Record<string, NluMemo> }> } })
    .nluManager?.domainManagers;
  for (const manager of Object.values(managers ?? {})) {
    for (const domain of Object.values(manager.domains ?? {})) {
      domain.cache = undefined;
    }
  }
}
