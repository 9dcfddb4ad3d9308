/** NLU: normalization, classification and the model artifact. */
export { createNormalizer, clean, MAX_CLASSIFY_CHARS, type Normalizer } from './normalize';
export { NlpjsClassifier, NONE, type Classifier, type ClassifyOptions, type NluResult, type NluAlternative } from './classifier';
export { decide, DEFAULT_THRESHOLDS, type Decision, type DecisionThresholds } from './decide';
export { loadOrTrain, trainAndSave, modelHash, modelFile, PIPELINE_VERSION, type LoadedModel } from './model';
