/** Model artifact: the trained pipeline saved as models/model-<hash>.json, reused while intents/ are unchanged. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Content } from '../content/load';
import type { Nlp } from '@nlpjs/nlp';
import { HybridClassifier } from './classifier';
import { createNlp, DEFAULT_ENGINE, type EngineOptions, type Trainer } from './nlpjs';
import { clean, createNormalizer, type Normalizer } from './normalize';
import { knownGrams } from './typos';
import { importPacked, packWeights } from './pack';
import { SimilarityIndex, type LabeledText } from './similarity';
import { TopicIndex } from './topics';
import { FaqVocabulary } from './heads';
import { IntentNouns } from './explain';
import { knownIn } from '../privacy/names';
import { Preamble } from './preamble';
import { FactIndex } from './facts';
import { trainInWorker } from './train-in-worker';

/** Bump when the pipeline (normalizer code, features, NLP.js settings) changes in a way data can't show. */
export const PIPELINE_VERSION = 'hybrid-ngram-5';

export type ModelSource = 'loaded' | 'trained';

/** The part of the content the NLU is built from. */
export type NluContent = Pick<Content, 'intents' | 'synonyms' | 'nluSource'> & FactsOf;

/** The fact rules (`intents/_facts.yml`): read with the model, never part of it (a changed rule needs no training). */
type FactsOf = Partial<Pick<Content, 'facts'>>;

export interface LoadedModel {
  classifier: HybridClassifier;
  source: ModelSource;
  file: string;
  ms: number;
  /** Why the model was trained instead of loaded (missing, stale or unreadable artifact). */
  reason?: string;
}

/** Engine options as stored in an artifact (and accepted by `npm run eval -- --engine`). */
export const EngineSchema = z.strictObject({
  features: z.strictObject({ words: z.boolean(), ngrams: z.array(z.number().int().min(1).max(5)).min(1), stems: z.boolean().optional() }),
  langKoStems: z.boolean(),
  scale: z.enum(['one', 'sqrt']).optional(),
  fuzzy: z.boolean().optional(),
});

const Artifact = z.object({
  pipeline: z.literal(PIPELINE_VERSION),
  hash: z.string(),
  engine: EngineSchema,
  nlp: z.string().min(2),
  /** The network's weights, packed (pack.ts); absent in artifacts written before packing. */
  weights: z.string().optional(),
  texts: z.array(z.object({ text: z.string(), intent: z.string() })),
});
/** The serialized model: what `trainInWorker` returns and `models/model-<hash>.json` holds. */
export type Artifact = z.infer<typeof Artifact>;

/**
 * Hash of intents/, the synonym map, the pipeline version and the engine options: the model's identity.
 * @example modelHash(loadContent('.')) // 'ddcd160cf4cfa12e'
 */
export function modelHash(content: Pick<Content, 'nluSource'>): string {
  return crypto
    .createHash('sha256')
    .update(PIPELINE_VERSION)
    .update(JSON.stringify(DEFAULT_ENGINE))
    .update(content.nluSource)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Where the artifact for a hash lives.
 * @example modelFile('models', 'ddcd160cf4cfa12e') // 'models/model-ddcd160cf4cfa12e.json'
 */
export function modelFile(modelDir: string, hash: string): string {
  return path.join(modelDir, `model-${hash}.json`);
}

/**
 * Training texts as the classifier sees them: normalized, empty ones and exact duplicates dropped.
 * @example trainingTexts([{ intent: 'a', utterances: ['비번 분실', '비밀번호 분실'] }], normalize) // one text
 */
export function trainingTexts(intents: Content['intents'], normalize: Normalizer): LabeledText[] {
  const seen = new Set<string>();
  const out: LabeledText[] = [];
  for (const { intent, utterances } of intents) {
    for (const u of utterances) {
      const text = normalize(u);
      const key = `${intent}\u0000${text}`;
      if (!text || seen.has(key)) continue;
      seen.add(key);
      out.push({ text, intent });
    }
  }
  return out;
}

/**
 * Train the whole pipeline from content (no disk access).
 * @example const { classifier } = await trainModel(loadContent('.'))
 */
export async function trainModel(
  content: NluContent,
  engine: EngineOptions = DEFAULT_ENGINE,
  trainer: Trainer = 'fast',
): Promise<{ classifier: HybridClassifier; artifact: Artifact }> {
  const normalize = normalizerFor(content, engine);
  const texts = trainingTexts(content.intents, normalize);
  const nlp = await createNlp(engine, trainer);
  for (const { text, intent } of texts) nlp.addDocument('ko', text, intent);
  await nlp.train();
  const hash = modelHash(content);
  const classifier = classifierOf(nlp, texts, content, normalize, hash);
  return { classifier, artifact: { pipeline: PIPELINE_VERSION, hash, engine, ...packWeights(nlp.export(true)), texts } };
}

/**
 * The normalizer of a pipeline: synonyms, and typo repair guarded by the words of the training utterances.
 * @example normalizerFor(loadContent('.'))('가읍 해야되요') // '가입 해야돼요'
 */
export function normalizerFor(content: Pick<Content, 'intents' | 'synonyms'>, engine: EngineOptions = DEFAULT_ENGINE): Normalizer {
  const known = knownGrams(content.intents.flatMap((i) => i.utterances.map(clean)));
  return createNormalizer(content.synonyms, { fuzzy: engine.fuzzy, known });
}

/**
 * A classifier from an artifact's JSON text (a content version's stored model); throws when it is not an artifact.
 * @example const classifier = await classifierFromJson(version.artifact, content)
 */
export async function classifierFromJson(json: string, content: Pick<Content, 'intents' | 'synonyms'> & FactsOf): Promise<HybridClassifier> {
  return fromArtifact(Artifact.parse(JSON.parse(json)), content);
}

async function fromArtifact(artifact: Artifact, content: Pick<Content, 'intents' | 'synonyms'> & FactsOf): Promise<HybridClassifier> {
  const nlp = await createNlp(artifact.engine);
  importPacked(nlp, artifact.nlp, artifact.weights);
  const normalize = normalizerFor(content, artifact.engine);
  return classifierOf(nlp, artifact.texts, content, normalize, artifact.hash);
}

/**
 * The classifier over a trained or loaded NLP.js and the training texts, with the indexes its checks read: similarity,
 * topics, the words the bot talks about (its answerable intents' utterances and the synonym map's terms) and the nouns
 * each FAQ uses (the synonym map's terms belong to every FAQ).
 */
function classifierOf(nlp: Nlp, texts: LabeledText[], content: Pick<Content, 'synonyms'> & FactsOf, normalize: Normalizer, hash: string): HybridClassifier {
  const terms = Object.keys(content.synonyms).map(normalize);
  // training texts are normalized: a word is known as typed or as the normalizer writes it (비번 → 비밀번호)
  const known = knownIn(texts.map((t) => t.text));
  const preamble = new Preamble((word) => known(word) || known(normalize(word)));
  return new HybridClassifier(nlp, new SimilarityIndex(texts), normalize, hash, new TopicIndex(texts), new FaqVocabulary(texts, terms), new IntentNouns(texts, terms), preamble, new FactIndex(content.facts ?? {}, normalize));
}

/** Write atomically (temp file + rename), then remove artifacts of older content from the same folder. */
function writeArtifact(file: string, artifact: Artifact): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(artifact));
  fs.renameSync(tmp, file);
  for (const name of fs.readdirSync(dir)) {
    if (/^model-[0-9a-f]{16}\.json$/.test(name) && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Train from content and write the artifact (what `npm run train` does); returns its path.
 * @example await trainAndSave(loadContent('.'), 'models') // 'models/model-<hash>.json'
 */
export async function trainAndSave(content: NluContent, modelDir: string): Promise<string> {
  const { artifact } = await trainModel(content);
  const file = modelFile(modelDir, artifact.hash);
  writeArtifact(file, artifact);
  return file;
}

/** The artifact for this hash, or why it can't be used (missing, stale: only other content's, or broken). */
function readArtifact(file: string, hash: string): Artifact | string {
  if (!fs.existsSync(file)) {
    const dir = path.dirname(file);
    const others = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /^model-[0-9a-f]{16}\.json$/.test(n)) : [];
    return others.length ? `stale: ${others.join(', ')} was trained on other content` : 'no artifact for the current intents/ and synonyms';
  }
  try {
    const parsed = Artifact.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) return `unusable artifact (${parsed.error.issues[0]?.message ?? 'bad shape'})`;
    return parsed.data.hash === hash ? parsed.data : 'artifact hash does not match its name';
  } catch (err) {
    return `unreadable artifact (${(err as Error).message.slice(0, 80)})`;
  }
}

/**
 * Load the artifact matching the current content, or train (and save) when it is missing, stale or broken.
 * Training runs in a worker thread (`trainInWorker`), so the event loop keeps serving meanwhile.
 * @example const { classifier, source } = await loadOrTrain(content, 'models')
 */
export async function loadOrTrain(content: NluContent, modelDir: string, onTrain?: (reason: string) => void): Promise<LoadedModel> {
  const started = Date.now();
  const hash = modelHash(content);
  const file = modelFile(modelDir, hash);
  const found = readArtifact(file, hash);
  if (typeof found !== 'string') {
    const classifier = await fromArtifact(found, content);
    return { classifier, source: 'loaded', file, ms: Date.now() - started };
  }
  onTrain?.(found);
  const artifact = await trainInWorker(content);
  const classifier = await fromArtifact(artifact, content);
  try {
    writeArtifact(file, artifact);
  } catch {
    // read-only filesystem: serve the freshly trained model anyway
  }
  return { classifier, source: 'trained', file, ms: Date.now() - started, reason: found };
}
