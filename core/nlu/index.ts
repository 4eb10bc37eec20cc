// The NLU engine's public surface: build a recognizer, train and load models, read data sets.
export { createRecognizer } from './create-recognizer.ts';
export type { CreateRecognizerOptions, NluRecognizer } from './create-recognizer.ts';
export { NluModel } from './nlu-model.ts';
export type { NluTrainOptions } from './nlu-model.ts';
export { utterancesFromDefinitions } from './intent-definition.ts';
export type { IntentDefinition } from './intent-definition.ts';
export type { IntentOracle, OracleAnswer, OracleRequest } from './intent-oracle.ts';
export type { GazetteerEntry } from './gazetteer.ts';
export { gazetteerFromCatalog } from './catalog-gazetteer.ts';
export { parseDataset, parseDatasetLine } from './dataset.ts';
export type { LabelledSpan, LabelledUtterance } from './labelled.ts';
export { identifyLanguage } from './language-id.ts';
export type { Money } from './builtins/money.ts';
export type { Quantity } from './builtins/quantity.ts';
export type { DateTimeValue } from './builtins/datetime.ts';
export { NONE_INTENT } from './recognizer.ts';
export type { Entity, IntentScore, Language, Recognition, RecognizeOptions, Recognizer } from './recognizer.ts';
