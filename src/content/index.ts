/** Content: loading, validating and rendering intents/ and responses/. */
export { attempt, loadContent, loadIntents, loadResponses, loadSynonyms, readYaml, type Content } from './load';
export { checkContent, FAQ_INTENTS, REQUIRED_RESPONSES, type CheckOptions } from './check';
export { ContentError, ContentErrors } from './errors';
export { Renderer, fill, UnknownResponseError, type Reply, type TapTarget, type Params, type RendererOptions } from './render';
export * from './schema';
