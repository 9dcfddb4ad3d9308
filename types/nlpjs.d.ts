/** Local typings for NLP.js v4, which ships none (see shared/nlpjs-korean.md §4). Only what we use. */
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): unknown;
    get(name: string, settings?: unknown): any;
    register(name: string, value: unknown, isSingleton?: boolean): void;
  }
  export function containerBootstrap(settings?: unknown): Promise<Container>;
  export class Normalizer {
    constructor(container?: Container);
    name: string;
  }
}

declare module '@nlpjs/lang-ko' {
  export class LangKo {
    register(container: import('@nlpjs/core').Container): void;
  }
  export class NormalizerKo {
    constructor(container?: import('@nlpjs/core').Container);
    name: string;
    normalize(text: string): string;
  }
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpProcessResult {
    locale: string;
    utterance: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
    entities?: unknown[];
  }
  export interface NlpSettings {
    container: import('@nlpjs/core').Container;
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    threshold?: number;
    forceNER?: boolean;
    calculateSentiment?: boolean;
    nlu?: { log?: boolean | ((status: unknown, ms: number) => void); useNoneFeature?: boolean; [k: string]: unknown };
    [k: string]: unknown;
  }
  export class Nlp {
    constructor(settings: NlpSettings);
    settings: NlpSettings;
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    export(minified?: boolean): string;
    import(data: string | object): void;
    process(locale: string, utterance: string, context?: object, settings?: object): Promise<NlpProcessResult>;
    classify(locale: string, utterance: string, settings?: object): Promise<NlpProcessResult>;
  }
}

declare module '@nlpjs/neural' {
  /** NLP.js's one-layer network (one perceptron per intent); see src/nlu/perceptron.ts. */
  export class NeuralNetwork {
    constructor(settings?: object, container?: unknown);
    train(corpus: unknown): object;
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): object;
    fromJSON(json: object): void;
  }
}

declare module '@nlpjs/nlu' {
  export class NluNeural {
    constructor(settings?: object, container?: unknown);
    container: import('@nlpjs/core').Container;
    registerDefault(): void;
    innerTrain(input: unknown): unknown;
  }
}
