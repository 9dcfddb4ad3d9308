/** NLU: normalization, classification, decisions and the model artifact. */
export { createNormalizer, clean, MAX_CLASSIFY_CHARS, type Normalizer } from './normalize';
export { HybridClassifier, NONE, type Classifier, type ClassifyOptions, type NluResult, type NluAlternative } from './classifier';
export { decide, finalIntent, DEFAULT_THRESHOLDS, type Decision, type DecisionThresholds } from './decide';
export { parse, toParseResult, type ParseResult } from './parse';
export { loadOrTrain, trainAndSave, trainModel, modelHash, modelFile, PIPELINE_VERSION, type LoadedModel } from './model';
